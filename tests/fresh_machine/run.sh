#!/usr/bin/env bash
# The fresh-machine test: does the README's quick start work on a bare Debian bookworm machine?
#
#   tests/fresh_machine/run.sh [--keep]
#
# Makes a minimal bookworm root (debootstrap --variant=minbase, plus git and ca-certificates,
# from the Debian mirror that the host's apt uses), clones the committed HEAD of this
# repository into /root/ccnt there (uncommitted changes are not part of the test), and runs in
# it with chroot, as root with nothing in the environment but PATH and HOME:
#   1. each command of the "Quick start" block of README.md, exactly as written there (read
#      from README.md of that commit, not copied), in the clone, with PATH=/usr/sbin:/usr/bin:
#      /sbin:/bin; the test suite must report no skipped test;
#   2. `cmake --install build`, then the installed ccnt (validate, list, report --month
#      2023-03) in /tmp/data, a copy of policies/, schemas/ and bulletins/ outside the clone
#      (and validate in a copy of policies/ alone, which takes the installed schemas),
#      with the PATH a root login gets (ENV_SUPATH of the root's /etc/login.defs, which holds
#      /usr/local/bin); the report must be the one build/ccnt renders in the clone.
# A failing step is named with the tail of its output. The debootstrap result is kept as a
# tarball in /var/cache/ccnt-fresh (CCNT_FRESH_CACHE), one per day and mirror, so that later
# runs skip the download; every run unpacks a new root from it, so nothing a previous run
# installed is ever seen. The .deb archives that apt downloads in the root are kept too, in
# /var/cache/ccnt-fresh/archives, bind-mounted as the root's /var/cache/apt/archives: a later
# run's apt finds them there instead of downloading them again, and still installs every
# package itself (a downloaded archive is not an installed package, and apt checks each against
# the hashes of the index it has just fetched), so what was installed by an earlier run is still
# never seen. After a run that passed, `apt-get autoclean` in the root drops the archives the
# mirror no longer offers. Runs that share the archives take turns (a lock). Nothing built is
# kept: every run builds in its new root. Inside the root, /proc is a new proc mount and /dev a
# tmpfs with its own device nodes and pty instance: the host's /dev, /proc and packages are
# never touched. Everything is unmounted (the archives too) and removed at the end, even when a
# step fails (--keep keeps the root and the logs for a look; remove it with the command
# printed).
#
# Needs root (debootstrap, mount, chroot) and the Debian archive over the network (apt in the
# root uses the host's mirror). Nearly all of its time is the build and the test suite of the
# quick start (the figures are in .ci/run).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
keep=0
for arg in "$@"; do
  case $arg in
    --keep) keep=1 ;;
    *) echo "usage: tests/fresh_machine/run.sh [--keep]" >&2; exit 2 ;;
  esac
done

say() { echo "fresh-machine: $*" >&2; }
die() { say "FAIL: $*"; exit 1; }

((EUID == 0)) || { say "skipped: needs root (debootstrap, mount, chroot)"; exit 77; }
command -v debootstrap >/dev/null || die "debootstrap is missing (tools/bootstrap.sh installs it)"

# --- the quick start, from README.md -------------------------------------------------------------

# The command lines of the first ```sh block after "## Quick start": no comments, no blanks.
readme_commands() {
  awk '/^## Quick start/ { section = 1; next }
       section && /^## / { exit }
       section && !block && /^```sh/ { block = 1; next }
       block && /^```/ { exit }
       block && NF && !/^[[:space:]]*#/ { print }' <(git -C "$source_dir" show HEAD:README.md)
}
mapfile -t quick_start < <(readme_commands)
((${#quick_start[@]})) || die "README.md has no \`\`\`sh block of commands under '## Quick start'"
for command in "${quick_start[@]}"; do
  [[ $command != *\\ ]] || die "README.md's quick start continues a line with \\: $command"
done

# --- the mirror the host's apt uses --------------------------------------------------------------

# Prints "URI SUITE" for each Debian source of the host (one-line and deb822 formats).
host_sources() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $file ]] || continue
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) while ($i !~ /\]$/) i++; if ($2 ~ /^\[/) i++;
                       print $i, $(i + 1) }' "$file"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f $file ]] || continue
    awk 'function flush() { if (deb && uris != "") { n = split(uris, u, " "); m = split(suites, s, " ");
                              for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) print u[a], s[b] }
                            deb = 0; uris = ""; suites = "" }
         /^[[:space:]]*$/ { flush(); next }
         /^Types:/ { deb = ($0 ~ /[[:space:]]deb([[:space:]]|$)/) }
         /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris = $0 }
         /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
         /^Enabled:[[:space:]]*no/ { deb = 0 }
         END { flush() }' "$file"
  done
}
mirror_for() { host_sources | awk -v suite="$1" '$2 == suite { print $1; exit }'; }
mirror=${CCNT_FRESH_MIRROR:-$(mirror_for bookworm)}
[[ -n $mirror ]] || die "no Debian mirror for bookworm in /etc/apt/sources.list{,.d}; set CCNT_FRESH_MIRROR"
updates_mirror=$(mirror_for bookworm-updates)
security_mirror=$(mirror_for bookworm-security)
say "mirror $mirror"

# --- mounts and clean-up ---------------------------------------------------------------------------

work=$(mktemp -d /var/tmp/ccnt-fresh.XXXXXX)
root=$work/root
logs=$work/logs
mkdir -p "$root" "$logs"

# The mount points at or under DIR, deepest first.
mounts_under() {
  awk -v dir="$1" '$5 == dir || index($5, dir "/") == 1 { print length($5), $5 }' /proc/self/mountinfo |
    sort -rn | cut -d' ' -f2-
}
# Ends the processes whose root directory is DIR or below it (only ours: started through
# chroot there).
end_processes_in() {
  local pid
  for pid in $(find /proc/[0-9]*/root -maxdepth 0 \( -lname "$1" -o -lname "$1/*" \) 2>/dev/null |
               cut -d/ -f3); do
    kill -KILL "$pid" 2>/dev/null || true
  done
}
unmount_under() {
  local target
  end_processes_in "$1"
  while read -r target; do
    [[ -n $target ]] || continue
    umount "$target" 2>/dev/null || umount -l "$target" || say "cannot unmount $target"
  done < <(mounts_under "$1")
}
# Removes a root only when nothing is mounted in it, and never across file systems.
remove_tree() {
  unmount_under "$1"
  if [[ -n $(mounts_under "$1") ]]; then
    say "still mounted under $1, not removing it:"; mounts_under "$1" >&2; return 1
  fi
  rm -rf --one-file-system "$1"
}
cleanup() {
  local status=$?
  if ((keep)); then
    unmount_under "$root"
    say "kept $work (remove: rm -rf --one-file-system $work)"
  else
    remove_tree "$work" || status=1
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted; unmounting and removing $work"; exit 130' INT TERM

# /proc: a proc mount of its own. /dev: a tmpfs with the device nodes a machine has, and a new
# pty instance (ccnt new is tested on a pseudo-terminal); nothing of the host's /dev is bound.
# /var/cache/apt/archives: the downloaded archives of earlier runs (see the top). All are under
# the root, so cleanup (unmount_under) undoes each, however the run ends.
mount_system() {
  mount --bind "$archives" "$root/var/cache/apt/archives"
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o mode=0755,nosuid devtmp "$root/dev"
  local node name major minor
  for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    IFS=: read -r name major minor <<<"$node"
    mknod -m 0666 "$root/dev/$name" c "$major" "$minor"
  done
  mkdir "$root/dev/pts" "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts "$root/dev/pts"
  ln -s pts/ptmx "$root/dev/ptmx"
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
  ln -s /proc/self/fd "$root/dev/fd"
  ln -s /proc/self/fd/0 "$root/dev/stdin"
  ln -s /proc/self/fd/1 "$root/dev/stdout"
  ln -s /proc/self/fd/2 "$root/dev/stderr"
}

# --- the bare root: debootstrap once a day, unpacked afresh every run ---------------------------

cache_dir=${CCNT_FRESH_CACHE:-/var/cache/ccnt-fresh}
include=git,ca-certificates
key=bookworm-minbase-$(date +%Y%m%d)-$(printf '%s %s' "$mirror" "$include" | sha256sum | cut -c1-12)
tarball=$cache_dir/$key.tar
mkdir -p "$cache_dir"
started=$SECONDS
exec 9>"$cache_dir/.lock"
flock 9  # one debootstrap at a time
if [[ ! -f $tarball ]]; then
  say "debootstrap --variant=minbase --include=$include bookworm (cached as $tarball)"
  base=$work/debootstrap
  if ! debootstrap --variant=minbase --include="$include" bookworm "$base" "$mirror" \
      >"$logs/debootstrap.log" 2>&1; then
    tail -n 30 "$logs/debootstrap.log" >&2
    unmount_under "$base"
    die "debootstrap failed (above)"
  fi
  unmount_under "$base"
  [[ -z $(mounts_under "$base") ]] || die "debootstrap left mounts under $base"
  tar -C "$base" --numeric-owner --exclude='./var/cache/apt/archives/*.deb' -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  remove_tree "$base"
  find "$cache_dir" -maxdepth 1 -name 'bookworm-minbase-*.tar' ! -name "$key.tar" -delete
fi
flock -u 9
# The downloaded archives, one run at a time: apt in the root would not wait for another's lock.
archives=$cache_dir/archives
mkdir -p "$archives/partial"
exec 8>"$cache_dir/.archives.lock"
flock -n 8 || { say "waiting for another run that uses $archives"; flock 8; }
tar -C "$root" --numeric-owner -xpf "$tarball"
say "bare root ready in $((SECONDS - started)) s: $root"

{
  echo "deb $mirror bookworm main"
  [[ -z $updates_mirror ]] || echo "deb $updates_mirror bookworm-updates main"
  [[ -z $security_mirror ]] || echo "deb $security_mirror bookworm-security main"
} >"$root/etc/apt/sources.list"
cat /etc/resolv.conf >"$root/etc/resolv.conf"
# debootstrap writes no /etc/hosts (an installed Debian has one): without it `localhost` does not
# resolve, and chromedriver cannot reach the browser it starts (site.browser).
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
# The network the machine is on, like its resolver: trust anchors an administrator added to the
# host (/usr/local/share/ca-certificates, e.g. a proxy's CA) are added to the root too, so that
# the npm registry is reached over TLS as from any machine of that network. No package comes
# with them; the root's ca-certificates builds its own bundle from them.
shopt -s nullglob
local_cas=(/usr/local/share/ca-certificates/*.crt)
shopt -u nullglob
if ((${#local_cas[@]})); then
  cp "${local_cas[@]}" "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1 ||
    die "update-ca-certificates in the root failed"
fi
git -C "$source_dir" bundle create "$root/tmp/ccnt.bundle" HEAD 2>/dev/null
mount_system

# --- the steps -------------------------------------------------------------------------------------

# Runs a shell command in the root as a new user would: root, only PATH and HOME, in DIR. In
# the background, so that an interrupt is handled (clean-up) while it runs.
path=/usr/sbin:/usr/bin:/sbin:/bin
in_root() {
  local dir=$1 command=$2 log=$3
  timeout --kill-after=10 3600 chroot "$root" env -i PATH="$path" HOME=/root \
    bash -c "cd $dir && $command" >"$log" 2>&1 </dev/null &
  wait $!
}
step_number=0
# step WHAT DIR COMMAND: runs it and stops the test with its output when it fails.
step() {
  local what=$1 dir=$2 command=$3 begun=$SECONDS
  step_number=$((step_number + 1))
  local log=$logs/$step_number.log
  say "$what: $command"
  if ! in_root "$dir" "$command" "$log"; then
    echo "----- the last lines of its output -----" >&2
    tail -n 40 "$log" >&2
    echo "-----" >&2
    die "$what failed on a bare bookworm root: $command"
  fi
  say "  ok in $((SECONDS - begun)) s"
}

step "clone" /root "git -c advice.detachedHead=false clone -q /tmp/ccnt.bundle ccnt"
for command in "${quick_start[@]}"; do
  step "README.md quick start" /root/ccnt "$command"
  if grep -q "^The following tests did not run:" "$logs/$step_number.log"; then
    sed -n '/^The following tests did not run:/,$p' "$logs/$step_number.log" >&2
    die "tests were skipped on a bare root after tools/bootstrap.sh: $command"
  fi
done
step "install" /root/ccnt "cmake --install build"
path=$(sed -n 's/^ENV_SUPATH[[:space:]]*PATH=//p' "$root/etc/login.defs")
[[ $path == */usr/local/bin* ]] || die "no ENV_SUPATH with /usr/local/bin in the root's /etc/login.defs"
step "a data tree outside the clone" /root/ccnt \
  "mkdir -p /tmp/data && cp -r policies schemas bulletins /tmp/data/"
# validate: in /tmp/data, and in a tree of policies only, which takes the installed schemas.
step "the installed ccnt" /tmp/data "ccnt validate"
grep -q "no problems found" "$logs/$step_number.log" || die "the installed ccnt validate found problems"
step "policies only" /root/ccnt "mkdir -p /tmp/policies-only && cp -r policies /tmp/policies-only/"
step "the installed ccnt with its installed schemas" /tmp/policies-only "ccnt validate"
grep -q "no problems found" "$logs/$step_number.log" || die "the installed ccnt validate found problems"
step "the installed ccnt" /tmp/data "ccnt list"
step "the installed ccnt" /tmp/data "ccnt report --month 2023-03"
installed_report=$logs/$step_number.log
# The installed template renders what the clone's templates/ does.
step "the clone's build" /root/ccnt "build/ccnt report --month 2023-03"
diff -u "$logs/$step_number.log" "$installed_report" >&2 ||
  die "the installed ccnt's report differs from build/ccnt's in the clone (above)"
# Not part of the test: the kept archives shrink to what the mirror still offers.
step "dropping archives the mirror no longer offers" / "apt-get autoclean -qq"
say "passed in $((SECONDS - started)) s"
