#!/usr/bin/env python3
"""Runs clang-tidy over the translation units of src/ with a cache of clean results.

Usage: tools/clang_tidy_cache.py SOURCE_DIR BUILD_DIR   (tools/clang-tidy.sh runs it)

Each translation unit of BUILD_DIR/compile_commands.json under SOURCE_DIR/src/ is checked with
its own compile command, on as many threads as there are cores. A unit is skipped when a run
found it clean with the same inputs: the key is the SHA-256 of the preprocessed unit (clang++ -E
with its compile command: every header it includes, with the clone's path written as one
placeholder, so that clones at other paths share results), its compile command, the
.clang-tidy file and `clang-tidy --version`. Only a clean result is kept; a unit with a finding
is checked again on every run, so a finding never disappears from a later run. The cache lives
in ${XDG_CACHE_HOME:-~/.cache}/ccnt-clang-tidy, one empty file per clean key; entries unused for
30 days are removed. Prints each finding; exits 1 when there is any.
"""

import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

PLACEHOLDER = b"@CCNT_SOURCE_DIR@"
UNUSED_DAYS = 30
# The lines clang-tidy prints around its findings: counts and advice, not findings.
NOISE = re.compile(r"^(\d+ warnings? (and \d+ errors? )?generated|Suppressed \d+ warnings|"
                   r"Use -header-filter|\d+ warnings? treated as errors?)")


def cache_dir() -> Path:
    """Where the clean results are kept: ${XDG_CACHE_HOME:-~/.cache}/ccnt-clang-tidy."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ccnt-clang-tidy"


def clang() -> str:
    """The clang++ of clang-tidy's own LLVM (its package brings it), else the one on PATH."""
    beside = Path(os.path.realpath(shutil.which("clang-tidy") or "clang-tidy")).with_name("clang++")
    return str(beside) if beside.exists() else "clang++"


def preprocess_command(arguments: list[str]) -> list[str]:
    """The compile command turned into `clang++ -E` writing to stdout (no object, no depfile)."""
    command = [clang()]
    skip = False
    for argument in arguments[1:]:
        if skip:
            skip = False
        elif argument in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif argument in ("-c", "-MD", "-MMD") or argument.startswith("-o"):
            continue
        else:
            command.append(argument)
    return command + ["-E", "-Wno-unknown-warning-option"]


def unit_key(entry: dict, source_dir: bytes, common: bytes) -> str | None:
    """The cache key of one translation unit, or None when it cannot be preprocessed."""
    arguments = entry.get("arguments") or shlex.split(entry["command"])
    done = subprocess.run(preprocess_command(arguments), cwd=entry["directory"],
                          capture_output=True, check=False)
    if done.returncode != 0:
        return None
    digest = hashlib.sha256(common)
    command = "\0".join(arguments).encode()
    for part in (command, done.stdout):
        digest.update(part.replace(source_dir, PLACEHOLDER))
        digest.update(b"\0")
    return digest.hexdigest()


def check_unit(entry: dict, build_dir: str, source_dir: bytes, common: bytes, cache: Path):
    """Checks one unit (or finds it clean in the cache): (file, from cache, findings)."""
    key = unit_key(entry, source_dir, common)
    stamp = cache / key if key else None
    if stamp and stamp.exists():
        stamp.touch()  # used: kept for another UNUSED_DAYS
        return entry["file"], True, ""
    done = subprocess.run(["clang-tidy", "-quiet", "-p", build_dir, entry["file"]],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    output = done.stdout.decode(errors="replace")
    findings = "\n".join(line for line in output.splitlines() if not NOISE.match(line))
    if done.returncode == 0 and "warning:" not in output and "error:" not in output:
        if stamp:
            partial = stamp.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(b"")
            partial.replace(stamp)
        return entry["file"], False, ""
    return entry["file"], False, findings or f"{entry['file']}: clang-tidy exited with {done.returncode}"


def prune(cache: Path) -> None:
    """Removes the entries no run has used for UNUSED_DAYS."""
    oldest = time.time() - UNUSED_DAYS * 86400
    for stamp in cache.iterdir():
        try:
            if stamp.stat().st_mtime < oldest:
                stamp.unlink()
        except FileNotFoundError:
            pass  # removed by a run at the same time


def main() -> int:
    source_dir, build_dir = (os.path.abspath(argument) for argument in sys.argv[1:3])
    sources = os.path.join(source_dir, "src") + os.sep
    with open(os.path.join(build_dir, "compile_commands.json"), encoding="utf-8") as file:
        entries = [entry for entry in json.load(file)
                   if os.path.abspath(os.path.join(entry["directory"], entry["file"]))
                   .startswith(sources)]
    entries.sort(key=lambda entry: entry["file"])
    version = subprocess.run(["clang-tidy", "--version"], capture_output=True, check=True).stdout
    config = Path(source_dir, ".clang-tidy").read_bytes()
    common = b"\0".join([b"ccnt-clang-tidy 1", version, config]) + b"\0"
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)

    jobs = len(os.sched_getaffinity(0))
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(
            lambda entry: check_unit(entry, build_dir, source_dir.encode(), common, cache),
            entries))
    prune(cache)
    failed = [(file, findings) for file, _, findings in results if findings]
    for file, findings in failed:
        print(findings)
    cached = sum(1 for _, from_cache, _ in results if from_cache)
    print(f"clang-tidy.sh: {len(results)} files, {cached} unchanged since a clean run "
          f"(cache {cache}), {len(results) - cached} checked", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
