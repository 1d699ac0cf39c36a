#!/usr/bin/env python3
"""Runs the ```console examples of one Markdown file and compares their output.

    run_doc_examples.py CCNT SOURCE_DIR FILE.md

An example is a fenced block whose info string starts with `console`. In it, a line
starting with `$ ` is a command (a line ending in a backslash continues on the next), and
the lines up to the next command are its expected output: standard output and standard
error interleaved, as a user sees them in a terminal. A line `...` stands for any number of
lines. A command must exit with 0; a doc shows another exit code the way a user would see it,
by ending the command with `; echo "exit $?"`.

Words after `console` in the info string:
  illustrative     the block is not run (counted as skipped); for typing at a terminal,
                   output that depends on the machine, and the like
  fixture=DIR      run on a copy of DIR (relative to SOURCE_DIR; the project's schemas/ are
                   added when it has none) instead of the bundled data
  cwd=DIR          run in DIR, relative to the tree
  with=DIR         also copy the files of DIR (relative to SOURCE_DIR) into the tree, e.g. an
                   export for `ccnt import`
  fresh            start from a new copy of the tree (the blocks after it share that copy)

A fenced block of another kind (```, ```sh, ...) with a line starting with `$ ` is an error:
an example that shows a command is either run (```console) or marked ```console illustrative,
never left out unnoticed.

Commands run with bash in a scratch copy of the tree (the bundled data: policies/, schemas/,
bulletins/, templates/ and mappings/), with `ccnt` on PATH being the built binary, standard output and
standard error on a pseudo-terminal 100 columns wide, standard input empty, and the pinned
environment of the e2e cases (LANG=C.UTF-8, NO_COLOR=1, CCNT_TODAY=2026-11-24, CCNT_DATA_DIR
where nothing is). Blocks of one
file that name the same tree share one copy, so a page can walk through steps that write.
With CCNT_UPDATE_DOCS=1 the expected output of every example that differs (and exits with 0)
is replaced in FILE.md by the actual output, for review with `git diff`.
Python 3 standard library only.
"""

import difflib
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

BUNDLED = ("policies", "schemas", "bulletins", "templates", "mappings")
FENCE = re.compile(r"^(\s*)(`{3,})console(?:\s+(.*))?$")
ANY_FENCE = re.compile(r"^(\s*)(`{3,})(.*)$")
TIMEOUT_SECONDS = 60
COLUMNS, ROWS = 100, 50


class Example:
    """One command of a console block, with where it came from and what it should print."""

    def __init__(self, line, command, expected, output_index):
        self.line = line                  # 1-based line of the `$ ` line in the page
        self.command = command
        self.expected = expected
        self.output_index = output_index  # 0-based line of the first output line


def parse_blocks(path):
    """Returns the console blocks of `path` as (line, attrs, [Example])."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks = []
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            other = ANY_FENCE.match(lines[index])
            if other:  # another kind of block: skip it whole, refusing commands in it
                end = index + 1
                while end < len(lines) and lines[end].strip() != other.group(2):
                    if lines[end].lstrip().startswith("$ "):
                        raise SystemExit(
                            f"{path}:{end + 1}: a `$ ` command in a ```{other.group(3)} block: "
                            "make the block ```console (run and compared) or "
                            "```console illustrative")
                    end += 1
                index = end + 1
                continue
            index += 1
            continue
        indent, fence, info = match.group(1), match.group(2), match.group(3) or ""
        attrs = {}
        for word in info.split():
            key, _, value = word.partition("=")
            attrs[key] = value if value else True
        start = index + 1
        body = []
        index += 1
        while index < len(lines) and lines[index].strip() != fence:
            text = lines[index]
            body.append(text[len(indent):] if text.startswith(indent) else text.lstrip())
            index += 1
        index += 1
        blocks.append((start, attrs, split_commands(body, start), indent))
    return blocks


def split_commands(body, first_line):
    """Splits a block's lines into commands and their expected output."""
    examples = []
    offset = 0
    while offset < len(body):
        text = body[offset]
        if not text.startswith("$ "):
            if examples:
                examples[-1].expected.append(text)
            else:
                raise SystemExit(f"line {first_line + offset + 1}: output before any `$ ` command")
            offset += 1
            continue
        line = first_line + offset + 1
        command = text[2:]
        while command.endswith("\\") and offset + 1 < len(body):
            offset += 1
            command = command + "\n" + body[offset]
        examples.append(Example(line, command, [], first_line + offset + 1))
        offset += 1
    return examples


def make_tree(source_dir, fixture, scratch, extra=""):
    """Copies the bundled data, or the fixture `fixture`, into a new directory of `scratch`,
    and then the files of `extra` when given."""
    tree = tempfile.mkdtemp(prefix="tree-", dir=scratch)
    if extra:
        origin = os.path.join(source_dir, extra)
        if not os.path.isdir(origin):
            raise SystemExit(f"with={extra} is not a directory")
    if fixture:
        origin = os.path.join(source_dir, fixture)
        if not os.path.isdir(origin):
            raise SystemExit(f"fixture {fixture} is not a directory")
        shutil.copytree(origin, tree, dirs_exist_ok=True, symlinks=True)
        if not os.path.exists(os.path.join(tree, "schemas")):
            shutil.copytree(os.path.join(source_dir, "schemas"), os.path.join(tree, "schemas"))
    else:
        for name in BUNDLED:
            origin = os.path.join(source_dir, name)
            if os.path.isdir(origin):
                shutil.copytree(origin, os.path.join(tree, name), symlinks=True)
    if extra:
        shutil.copytree(os.path.join(source_dir, extra), tree, dirs_exist_ok=True, symlinks=True)
    return tree


def pinned_environment(bin_dir, home):
    """The environment every example runs in: the e2e cases' pins, ccnt first on PATH."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LC_") and key not in ("CCNT_ROOT", "LANGUAGE", "COLUMNS", "LINES")
    }
    env.update(
        PATH=bin_dir + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
        HOME=home,
        XDG_CACHE_HOME=os.path.join(home, ".cache"),
        LANG="C.UTF-8",
        NO_COLOR="1",
        TERM="dumb",
        CCNT_TODAY="2026-11-24",
        CCNT_DATA_DIR="/nonexistent/ccnt-data",  # as the e2e cases: an installed ccnt never counts
    )
    return env


def run_in_terminal(command, cwd, env):
    """Runs `command` with bash, stdout and stderr on a pseudo-terminal; returns (text, status)."""
    master, slave = pty.openpty()
    attributes = termios.tcgetattr(slave)
    attributes[1] &= ~termios.OPOST  # no "\n" -> "\r\n": the text as the program wrote it
    termios.tcsetattr(slave, termios.TCSANOW, attributes)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    process = subprocess.Popen(
        ["bash", "--noprofile", "--norc", "-c", command],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
        start_new_session=True)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.killpg(process.pid, 9)
            process.wait()
            os.close(master)
            return b"".join(chunks).decode("utf-8", "replace"), "timeout"
        ready, _, _ = select.select([master], [], [], remaining)
        if not ready:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace"), process.wait()


def matches(expected, actual):
    """Whether `actual` lines match `expected`, where a `...` line matches any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def output_lines(text):
    """The lines of a command's output as a terminal shows them (a CR before a line feed is
    not seen: CSV's CRLF ends look like any other line end), without the last line's end."""
    text = text.replace("\r\n", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def main():
    update = os.environ.get("CCNT_UPDATE_DOCS") == "1"
    if len(sys.argv) != 4:
        raise SystemExit("usage: run_doc_examples.py CCNT SOURCE_DIR FILE.md")
    ccnt, source_dir, doc = (os.path.abspath(arg) for arg in sys.argv[1:])
    replacements = []  # (first line index, line count, new lines) for CCNT_UPDATE_DOCS=1
    name = os.path.relpath(doc, source_dir)
    scratch = tempfile.mkdtemp(prefix="ccnt-docs-")
    try:
        bin_dir = os.path.join(scratch, "bin")
        os.mkdir(bin_dir)
        os.symlink(ccnt, os.path.join(bin_dir, "ccnt"))
        home = os.path.join(scratch, "home")
        os.mkdir(home)
        env = pinned_environment(bin_dir, home)
        trees = {}
        ran = skipped = failed = 0
        for line, attrs, examples, indent in parse_blocks(doc):
            if attrs.get("illustrative"):
                skipped += len(examples)
                continue
            fixture = attrs.get("fixture") or ""
            key = (fixture, attrs.get("with") or "")
            if key not in trees or attrs.get("fresh"):
                trees[key] = make_tree(source_dir, fixture, scratch, key[1])
            cwd = os.path.join(trees[key], attrs.get("cwd") or "")
            for example in examples:
                ran += 1
                text, status = run_in_terminal(example.command, cwd, env)
                actual = output_lines(text)
                problems = []
                if status != 0:
                    problems.append(f"exit status {status} (show a non-zero status with "
                                    "`; echo \"exit $?\"` after the command)")
                if not matches(example.expected, actual):
                    problems.append("output differs")
                if problems and update and status == 0:
                    replacements.append((example.output_index, len(example.expected),
                                         [indent + text if text else "" for text in actual]))
                    continue
                if problems:
                    failed += 1
                    print(f"{name}:{example.line}: $ {example.command}")
                    for problem in problems:
                        print(f"  {problem}")
                    for diff_line in difflib.unified_diff(
                            example.expected, actual, "expected", "actual", lineterm=""):
                        print("  " + diff_line)
        if replacements:
            lines = open(doc, encoding="utf-8").read().split("\n")
            for first, count, new in sorted(replacements, reverse=True):
                lines[first:first + count] = new
            open(doc, "w", encoding="utf-8").write("\n".join(lines))
            print(f"{name}: rewrote the output of {len(replacements)} examples")
        print(f"{name}: {ran} examples ran, {failed} failed, "
              f"{skipped} skipped as illustrative")
        return 1 if failed else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
