#!/bin/sh
# Runs check_workbooks.py with a Python 3 that has openpyxl: the python3 on PATH, else Debian's
# /usr/bin/python3 (python3-openpyxl installs for it; a python3 of pyenv or a venv may come
# first on PATH). Without either it says what is missing and exits 77, which ctest reports as
# skipped. tools/bootstrap.sh installs python3-openpyxl.
#   run.sh CCNT SOURCE_DIR
for python in python3 /usr/bin/python3; do
  if command -v "$python" >/dev/null 2>&1 && "$python" -c 'import openpyxl' 2>/dev/null; then
    exec "$python" "$(dirname "$0")/check_workbooks.py" "$@"
  fi
done
echo "skipped: not installed: python3-openpyxl (tools/bootstrap.sh installs it)"
exit 77
