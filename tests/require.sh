#!/bin/sh
# Runs a test that needs programs which a machine may lack:
#
#   require.sh PROGRAM... -- COMMAND [ARG...]
#
# When a PROGRAM is not on PATH it says which and exits 77, which ctest reports as skipped
# (SKIP_RETURN_CODE 77) rather than passed, and .ci/run fails on; otherwise it runs COMMAND.
# tools/bootstrap.sh installs every such program.
missing=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  command -v "$1" >/dev/null 2>&1 || missing="$missing $1"
  shift
done
[ $# -gt 0 ] && shift
if [ -n "$missing" ]; then
  echo "skipped: not installed:$missing (tools/bootstrap.sh installs it)"
  exit 77
fi
exec "$@"
