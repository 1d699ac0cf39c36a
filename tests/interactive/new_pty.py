#!/usr/bin/env python3
"""Drives `ccnt new` through a pseudo-terminal, as a contributor would type.

    new_pty.py CCNT SOURCE_DIR

Copies a small tree to a scratch directory, answers each question when it
appears (a wrong region first, to see the suggestion; a date as people type
it; an http source, taken with a warning; a summary of two lines pasted at
once, which arrives as one answer; added, tags and a target), and checks the
transcript, the file shown before it is written and the file written
(TERM=dumb: plain line input); then again on a terminal that can edit lines
(TERM=xterm), completing the region and the sectors with Tab and correcting
with Backspace; then a bracketed paste of a two-line summary, a subsector and
an indicator completed with Tab; then in Chinese, cancelled with Ctrl-D, and
with Ctrl-C on the editing terminal; and checks that with stdin a silent open
pipe it does not wait. Exits 0 on success, 1 with what
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
    ("gives no date): ", "2023年3月"),  # as people type dates
    ("none checked): ", "ftp://example.org"),
    ("none checked): ", "http://example.gov.cn/a.html"),  # taken, with a warning
    # Two lines pasted at once on a terminal that cannot edit: one answer.
    ("one paragraph: ", "《方案》提出，到2025年，全省单位地区生产总值能耗下降14.5%。\n第二段：加强节能监察。"),
    ("[工作方案]: ", ""),
    ("(YYYY-MM) [2026-11]: ", "2023.3"),
    ("empty for none): ", "节能, 减排"),
    ("target? [y/N]: ", "y"),
    ("Chinese name): ", "单位地区生产总值能耗下降"),
    ("Chinese name): ", "单位地区生产总值能耗下降率"),
    ("words it: ", "全省单位地区生产总值能耗下降14.5%"),
    ("(a number): ", "14.5%"),
    ("Unit [%]: ", ""),
    ("Kind [reduction]: ", ""),
    ("if none): ", "2020"),
    ("Target year: ", "2025"),
    ("another target? [y/N]: ", ""),
    ("[zhejiang-energy-conservation-emission-reduction]: ", ""),
    ("[Y/n]: ", "y"),
]

EXPECTED_FILE = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-energy-conservation-emission-reduction
title: 浙江省节能减排工作方案
region: zhejiang
level: provincial
sector: energy-conservation
issuers:
  - 浙江省发展改革委
  - 浙江省经济和信息化厅
doc_type: 工作方案
published: "2023-03"
added: "2023-03"
source: http://example.gov.cn/a.html
summary: "《方案》提出，到2025年，全省单位地区生产总值能耗下降14.5%。\\n第二段：加强节能监察。"
targets:
  - indicator: energy-intensity-reduction
    text: 全省单位地区生产总值能耗下降14.5%
    value: 14.5
    unit: "%"
    kind: reduction
    base_year: 2020
    target_year: 2025
tags:
  - 节能
  - 减排
"""

# The file is shown before it is written, then the question and the result.
EXPECTED_TAIL = """\

policies/zhejiang/energy-conservation/zhejiang-energy-conservation-emission-reduction.yaml:
""" + EXPECTED_FILE + """
Write policies/zhejiang/energy-conservation/zhejiang-energy-conservation-emission-reduction.yaml? [Y/n]: y
created policies/zhejiang/energy-conservation/zhejiang-energy-conservation-emission-reduction.yaml
policies/zhejiang/energy-conservation/zhejiang-energy-conservation-emission-reduction.yaml:13:9: warning[W014]: the source is an http:// address, not https://
  hint: many government sites serve only http; if the address also opens with https://, write that instead
checked 1 file: 0 errors, 1 warning
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
    ("[2026-11]: ", "\n"),
    ("empty for none): ", "\n"),
    ("target? [y/N]: ", "\n"),
    ("[zhejiang-energy]: ", "\n"),
    ("[Y/n]: ", "y\n"),
]

# On TERM=xterm: a subsector completed with Tab, a summary of two lines pasted (bracketed paste:
# the terminal wraps it in ESC [200~ … ESC [201~, its line breaks sent as CR as xterm sends
# them) arriving as one answer, a date as typed, and a
# target whose indicator is completed with Tab.
PASTE_DIALOGUE = [
    ("without 《》: ", "浙江省光伏发电高质量发展实施意见\n"),
    ("zhejiang) [浙江]: ", "\n"),
    ("with commas): ", "power\n"),
    ("empty for none): ", "光\t"),  # → 光伏, the only subsector of 电力 starting so
    ("empty for none): 光伏", "\n"),
    ("names none): ", "\n"),
    ("gives no date): ", "2023.4\n"),
    ("none checked): ", "\n"),
    ("one paragraph: ", "\x1b[200~《意见》提出，到2025年光伏装机达到 500 万千瓦。\r第二段：测试样例。\x1b[201~"),
    ("⏎第二段：测试样例。", "\n"),  # shown on one line, the break as ⏎
    ("[实施意见]: ", "\n"),
    ("[2026-11]: ", "\n"),
    ("empty for none): ", "光伏\n"),
    ("target? [y/N]: ", "y\n"),
    ("Chinese name): ", "光伏装\t"),
    ("Chinese name): 光伏装机容量", "\n"),
    ("words it: ", "光伏装机达到 500 万千瓦\n"),
    ("(a number): ", "500\n"),
    ("Unit [万千瓦]: ", "\n"),
    ("Kind [capacity]: ", "\n"),
    ("if none): ", "\n"),
    ("Target year: ", "2025\n"),
    ("another target? [y/N]: ", "\n"),
    ("[zhejiang-pv-high-quality-development]: ", "\n"),
    ("[Y/n]: ", "y\n"),
]

PASTED_FILE = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-pv-high-quality-development
title: 浙江省光伏发电高质量发展实施意见
region: zhejiang
level: provincial
sector: power
subsector: solar
doc_type: 实施意见
published: "2023-04"
added: "2026-11"
summary: "《意见》提出，到2025年光伏装机达到 500 万千瓦。\\n第二段：测试样例。"
targets:
  - indicator: solar-capacity
    text: 光伏装机达到 500 万千瓦
    value: 500
    unit: 万千瓦
    kind: capacity
    target_year: 2025
tags:
  - 光伏
"""

EDITED_FILE = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-energy
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
    "  `2023-13` is not a date — write YYYY, YYYY-MM or YYYY-MM-DD (or 2023年4月, 2023.4, "
    "2023/4), as precise as the source",
    "  `ftp://example.org` is not an http or https URL — give the https:// address of the "
    "official text, after checking it opens",
    "  warning: the source is an http:// address, not https:// — many government sites serve "
    "only http; if the address also opens with https://, write that instead",
    "  unknown indicator `单位地区生产总值能耗下降` — did you mean 单位地区生产总值能耗下降率?",
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


def read_written(scratch, *parts):
    """The text of the file ccnt new wrote at policies/PARTS..., or None when there is none."""
    path = os.path.join(scratch, "policies", *parts)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else None


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
        content = read_written(scratch, "zhejiang", "energy-conservation",
                               "zhejiang-energy-conservation-emission-reduction.yaml")
        if content != EXPECTED_FILE:
            failures.append(f"file written:\n{content}")
        # A terminal that edits lines: Tab completes names, Backspace corrects.
        status, edited = converse(ccnt, scratch, "C.UTF-8", EDITING_DIALOGUE, term="xterm")
        if status != 0:
            failures.append(f"editing dialogue: exit status {status}")
        if "Tab completes region, sector and document type names.\n" not in edited:
            failures.append("editing dialogue: Tab is not announced")
        content = read_written(scratch, "zhejiang", "energy-conservation", "zhejiang-energy.yaml")
        if content != EDITED_FILE:
            failures.append(f"file written by the editing dialogue:\n{content}")
            text += "\n" + edited
        # Bracketed paste of two lines, a subsector and a target completed with Tab.
        status, pasted = converse(ccnt, scratch, "C.UTF-8", PASTE_DIALOGUE, term="xterm")
        if status != 0:
            failures.append(f"paste dialogue: exit status {status}")
        if "\x1b[?2004h" not in pasted:
            failures.append("paste dialogue: bracketed paste is not switched on")
        content = read_written(scratch, "zhejiang", "power",
                               "zhejiang-pv-high-quality-development.yaml")
        if content != PASTED_FILE:
            failures.append(f"file written by the paste dialogue:\n{content}")
            text += "\n" + pasted
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
