#!/usr/bin/env python3
"""Drives `ccnt new` through a pseudo-terminal, as a contributor would type.

    new_pty.py CCNT SOURCE_DIR

Copies a small tree to a scratch directory, answers each question when it
appears (a wrong region first, to see the suggestion), and checks the
transcript and the file written (TERM=dumb: plain line input); then again on a
terminal that can edit lines (TERM=xterm), completing the region and the
sectors with Tab and correcting with Backspace; then in Chinese, cancelled
with Ctrl-D, and with Ctrl-C on the editing terminal; and checks that with
stdin a silent open pipe it does not wait. Exits 0 on success, 1 with what
differs otherwise.
"""
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile

# (text that ends the question, answer typed)
DIALOGUE = [
    ("without 《》: ", "《浙江省节能减排工作方案》"),
    ("[浙江]: ", "浙将"),
    ("[浙江]: ", ""),
    ("with commas): ", "energy-conservation"),
    ("names none): ", "浙江省发展改革委、浙江省经济和信息化厅"),
    ("gives no date): ", "2023-13"),
    ("gives no date): ", "2023-03"),
    ("none checked): ", "http://example.org"),
    ("none checked): ", ""),
    ("one paragraph: ", "《方案》提出，到2025年，全省单位地区生产总值能耗下降。"),
    ("[工作方案]: ", ""),
    ("[zhejiang-energy-conservation-2023]: ", ""),
    ("[Y/n]: ", "y"),
]

EXPECTED_FILE = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-energy-conservation-2023
title: 浙江省节能减排工作方案
region: zhejiang
level: provincial
sector: energy-conservation
issuers:
  - 浙江省发展改革委
  - 浙江省经济和信息化厅
doc_type: 工作方案
published: "2023-03"
added: "2026-11"
summary: 《方案》提出，到2025年，全省单位地区生产总值能耗下降。
"""

EXPECTED_TAIL = """\
level provincial (from the region), added 2026-11, doc_type 工作方案
Write policies/zhejiang/energy-conservation/zhejiang-energy-conservation-2023.yaml? [Y/n]: y
created policies/zhejiang/energy-conservation/zhejiang-energy-conservation-2023.yaml
checked 1 policy in 1 file: no problems found
"""

CHINESE_TAIL = """\
新建政策记录。直接回车采用 [默认值]；Ctrl-D 取消。
标题（按原文，不带《》）：
ccnt：错误：已取消；未写入任何文件
"""

# On TERM=xterm: (text that must appear next, bytes typed; nothing is added to them).
EDITING_DIALOGUE = [
    ("without 《》: ", "能源发展规划\n"),
    ("zhejiang): ", "zhej\t"),  # → zhejiang (zhe\t would list zhengzhou too)
    ("zhejiang): zhejiang", "\n"),
    ("with commas): ", "ener\t"),  # energy and energy-conservation share "energy"
    ("with commas): energy", "\t"),  # Tab again lists both
    ("energy  energy-conservation\r\n", "-c\t"),
    ("with commas): energy-conservation", ", 能\t"),  # → 能源
    ("energy-conservation, 能源", "\x7f\x7findus\t"),  # Backspace twice, then → industry
    ("energy-conservation, industry", "\n"),
    ("names none): ", "\n"),
    ("gives no date): ", "2023\n"),
    ("none checked): ", "\n"),
    ("one paragraph: ", "规划提出，到2025年，能源结构持续优化。\n"),
    ("[规划]: ", "行动\t"),  # 行动方案 and 行动计划 share 行动: nothing to add, so listed
    ("行动方案  行动计划\r\n", "计\t"),
    ("[规划]: 行动计划", "\n"),
    ("[zhejiang-energy-conservation-2023-2]: ", "\n"),
    ("[Y/n]: ", "y\n"),
]

EDITED_FILE = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-energy-conservation-2023-2
title: 能源发展规划
region: zhejiang
level: provincial
sector: energy-conservation
sectors:
  - industry
doc_type: 行动计划
published: "2023"
added: "2026-11"
summary: 规划提出，到2025年，能源结构持续优化。
"""

EXPECTED_LINES = [
    "  unknown region `浙将` — `浙将` is not in schemas/regions.yaml — add it there",
    "  `2023-13` is not a date — write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the "
    "source, e.g. 2023-03",
    "  `http://example.org` is not an https URL — give the https:// address of the "
    "official text, after checking it opens",
]


def read_until(fd, marker, transcript, start):
    """Reads until `marker` appears after `start`; returns the offset after it."""
    while (found := transcript.find(marker.encode(), start)) < 0:
        if not select.select([fd], [], [], 10)[0]:
            raise RuntimeError(f"ccnt stopped before {marker!r}:\n{transcript.decode()}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            chunk = b""
        if not chunk:
            raise RuntimeError(f"ccnt ended before asking {marker!r}")
        transcript.extend(chunk)
    return found + len(marker.encode())


def converse(ccnt, directory, lang, dialogue, term="dumb"):
    """Runs `ccnt new` on a terminal in `directory`; returns its exit code and transcript.

    On TERM=dumb each answer is typed followed by Enter; on another TERM the bytes
    are sent exactly as given."""
    env = dict(os.environ, CCNT_TODAY="2026-11-24", NO_COLOR="1", TERM=term, LANG=lang,
               COLUMNS="200")
    for name in ("CCNT_ROOT", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(directory)
        os.execve(ccnt, [ccnt, "new"], env)
    transcript = bytearray()
    position = 0
    for marker, answer in dialogue:
        position = read_until(fd, marker, transcript, position)
        # Ctrl-D ends the input only at the start of a line: send it alone.
        raw = term != "dumb" or answer == "\x04"
        os.write(fd, answer.encode() if raw else answer.encode() + b"\n")
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        transcript.extend(chunk)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), transcript.decode().replace("\r\n", "\n")


def main():
    ccnt, source_dir = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp()
    try:
        shutil.copytree(os.path.join(source_dir, "schemas"), os.path.join(scratch, "schemas"))
        os.makedirs(os.path.join(scratch, "policies", "zhejiang"))
        status, text = converse(ccnt, scratch, "C.UTF-8", DIALOGUE)
        failures = []
        if status != 0:
            failures.append(f"exit status {status}")
        for line in EXPECTED_LINES:
            if line not in text.split("\n"):
                failures.append(f"missing line: {line}")
        if not text.endswith(EXPECTED_TAIL):
            failures.append("transcript does not end with:\n" + EXPECTED_TAIL)
        written = os.path.join(scratch, "policies", "zhejiang", "energy-conservation",
                               "zhejiang-energy-conservation-2023.yaml")
        content = open(written, encoding="utf-8").read() if os.path.exists(written) else None
        if content != EXPECTED_FILE:
            failures.append(f"file written:\n{content}")
        # A terminal that edits lines: Tab completes names, Backspace corrects.
        status, edited = converse(ccnt, scratch, "C.UTF-8", EDITING_DIALOGUE, term="xterm")
        if status != 0:
            failures.append(f"editing dialogue: exit status {status}")
        if "Tab completes region, sector and document type names.\n" not in edited:
            failures.append("editing dialogue: Tab is not announced")
        written = os.path.join(scratch, "policies", "zhejiang", "energy-conservation",
                               "zhejiang-energy-conservation-2023-2.yaml")
        content = open(written, encoding="utf-8").read() if os.path.exists(written) else None
        if content != EDITED_FILE:
            failures.append(f"file written by the editing dialogue:\n{content}")
            text += "\n" + edited
        # Ctrl-C on the editing terminal cancels, as Ctrl-D does.
        status, cancelled = converse(ccnt, scratch, "C.UTF-8", [("without 《》: ", "\x03")],
                                     term="xterm")
        if status != 2 or not cancelled.endswith("^C\nccnt: error: cancelled; nothing was written\n"):
            failures.append(f"Ctrl-C: exit status {status}, transcript {cancelled!r}")
        # In Chinese (LANG=zh_CN.UTF-8), cancelled with Ctrl-D at the first question.
        status, chinese = converse(ccnt, scratch, "zh_CN.UTF-8", [("不带《》）：", "\x04")])
        if status != 2:
            failures.append(f"Chinese dialogue: exit status {status}")
        if not chinese.endswith(CHINESE_TAIL):
            failures.append("Chinese transcript does not end with:\n" + CHINESE_TAIL)
            text += "\n" + chinese
        # stdin a pipe that stays open and silent: ccnt new must not wait for it.
        env = dict(os.environ, LANG="C.UTF-8")
        env.pop("LC_ALL", None)
        with subprocess.Popen([ccnt, "new", "--title", "浙江省某方案"], cwd=scratch, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) as child:
            try:
                child.wait(timeout=10)  # stdin stays open meanwhile
            except subprocess.TimeoutExpired:
                child.kill()
                failures.append("ccnt new waited for a silent pipe on stdin")
            else:
                err = child.stderr.read()
                if child.returncode != 2 or b"missing --region" not in err:
                    failures.append(f"with stdin a pipe: exit {child.returncode}, {err!r}")
        if failures or os.environ.get("SHOW"):  # SHOW=1 prints the transcript anyway
            print("transcript:\n" + text)
            print("\n".join(failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    sys.exit(main())
