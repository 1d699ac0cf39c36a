#!/usr/bin/env python3
"""Reads the workbooks of `--format xlsx` back with openpyxl, as a spreadsheet would see them.

    check_workbooks.py CCNT SOURCE_DIR

Runs `ccnt list`, `stats`, `targets` and `coverage` with `--format xlsx -o FILE` on copies of
the made-up fixture trees of tests/e2e/fixtures (one title made to start like a formula), then
checks every sheet of every workbook:
  - the header row is frozen (panes at A2) and an autofilter covers the whole table;
  - the headers are the command's CSV columns, and for `list` every field of its JSON;
  - every cell equals the CSV's (or the JSON's) value with its type: text as the same string
    (Chinese intact), numbers as numbers, dates as dates formatted to their precision
    (yyyy, yyyy-mm, yyyy-mm-dd), stub as a boolean, an absent value as an empty cell;
  - no cell is a formula (no <f> element in any worksheet), even a title starting with `=`;
  - a column is as wide as its longest text as displayed (a Han character two columns), up to
    the cap of 60;
  - with --headers zh, the header rows are the Chinese labels of the CSV's, the cells unchanged.
Exits 0 when every check passes, 1 with the failures listed. Needs openpyxl (Debian's
python3-openpyxl); tests/xlsx/run.sh finds an interpreter that has it or skips (exit 77).
"""

import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

MAX_WIDTH = 60
FORMULA_TITLE = '=HYPERLINK("https://evil.example","点击")实施方案'

failures = []


def fail(message):
    failures.append(message)


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class Tree:
    """A scratch copy of a fixture tree with the project's schemas."""

    def __init__(self, ccnt, source, fixture, series=None):
        self.ccnt = ccnt
        self.dir = tempfile.mkdtemp(prefix="ccnt-xlsx-")
        fixture_dir = os.path.join(source, "tests", "e2e", "fixtures", fixture)
        shutil.copytree(os.path.join(fixture_dir, "policies"), os.path.join(self.dir, "policies"))
        shutil.copytree(os.path.join(source, "schemas"), os.path.join(self.dir, "schemas"))
        if series:
            shutil.copy(os.path.join(fixture_dir, series),
                        os.path.join(self.dir, "schemas", "series.yaml"))

    def run(self, *args):
        env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1", CCNT_TODAY="2026-11-24",
                   CCNT_DATA_DIR="/nonexistent/ccnt-data")
        env.pop("CCNT_ROOT", None)
        done = subprocess.run([self.ccnt, "--no-cache", *args], cwd=self.dir, env=env,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"ccnt {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return done.stdout

    def csv(self, *args):
        return list(csv.reader(io.StringIO(self.run(*args, "--format", "csv",
                                                    "--no-formula-guard"))))

    def workbook(self, name, *args):
        path = os.path.join(self.dir, name)
        self.run(*args, "--format", "xlsx", "-o", path)
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("xl/worksheets/") and b"<f>" in archive.read(member):
                    fail(f"{name}: {member} holds a formula")
        return openpyxl.load_workbook(path)

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def check_layout(where, sheet):
    if sheet.freeze_panes != "A2":
        fail(f"{where}: the header row is not frozen (panes at {sheet.freeze_panes})")
    expected = f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
    if sheet.auto_filter.ref != expected:
        fail(f"{where}: autofilter {sheet.auto_filter.ref}, expected {expected}")
    for column in range(1, sheet.max_column + 1):
        letter = get_column_letter(column)
        texts = [str(cell.value) for (cell,) in sheet.iter_rows(min_col=column, max_col=column)
                 if cell.value is not None and not cell.is_date]
        widest = max((display_width(t) for t in texts), default=0)
        width = sheet.column_dimensions[letter].width
        if width < min(widest, MAX_WIDTH):
            fail(f"{where}: column {letter} is {width} wide for text {widest} columns wide")


def check_cell(where, cell, text, kind):
    """`kind`: text, number, date or boolean: what the cell must be when `text` is not empty."""
    if text == "":
        if cell.value is not None:
            fail(f"{where}: {cell.coordinate} is {cell.value!r}, expected an empty cell")
        return
    if kind == "date":
        formats = {4: "yyyy", 7: "yyyy-mm", 10: "yyyy-mm-dd"}
        parts = [int(p) for p in text.split("-")] + [1, 1]
        expected = datetime.datetime(parts[0], parts[1], parts[2])
        if not cell.is_date or cell.value != expected or cell.number_format != formats[len(text)]:
            fail(f"{where}: {cell.coordinate} is {cell.value!r} ({cell.number_format}), "
                 f"expected the date {text}")
    elif kind == "number":
        if cell.data_type != "n" or isinstance(cell.value, bool) or cell.value != float(text):
            fail(f"{where}: {cell.coordinate} is {cell.value!r}, expected the number {text}")
    elif kind == "boolean":
        if cell.data_type != "b" or cell.value != (text == "true"):
            fail(f"{where}: {cell.coordinate} is {cell.value!r}, expected {text}")
    elif cell.data_type != "s" or cell.value != text:
        fail(f"{where}: {cell.coordinate} is {cell.value!r}, expected the text {text!r}")


def check_against_rows(where, sheet, rows, kinds):
    """The sheet holds exactly `rows` (the first being the headers); `kinds` maps a header to
    its type (text when absent)."""
    check_layout(where, sheet)
    got = [list(row) for row in sheet.iter_rows()]
    headers = [cell.value for cell in got[0]] if got else []
    if headers != rows[0]:
        fail(f"{where}: headers {headers}, expected {rows[0]}")
        return
    if len(got) != len(rows):
        fail(f"{where}: {len(got) - 1} rows, expected {len(rows) - 1}")
        return
    for r in range(1, len(rows)):
        for c, header in enumerate(rows[0]):
            check_cell(f"{where} {header}", got[r][c], rows[r][c], kinds(header))


def kinds_of(dates=(), numbers=(), booleans=()):
    def kind(header):
        if header in dates:
            return "date"
        if header in numbers:
            return "number"
        return "boolean" if header in booleans else "text"
    return kind


def check_list(tree):
    title_file = os.path.join(tree.dir, "policies", "zhejiang", "industry",
                              "zhejiang-fixture-industry.yaml")
    with open(title_file, encoding="utf-8") as f:
        text = f.read()
    with open(title_file, "w", encoding="utf-8") as f:
        f.write("\n".join(f"title: {json.dumps(FORMULA_TITLE, ensure_ascii=False)}"
                          if line.startswith("title:") else line for line in text.split("\n")))
    book = tree.workbook("policies.xlsx", "list")
    if book.sheetnames != ["policies", "targets"]:
        fail(f"list: sheets {book.sheetnames}")
        return
    policies = tree.csv("list")
    check_against_rows("list policies", book["policies"], policies,
                       kinds_of(dates={"published", "added", "updated"}, numbers={"targets"},
                                booleans={"stub"}))
    targets = tree.csv("list", "--targets")
    check_against_rows("list targets", book["targets"], targets,
                       kinds_of(numbers={"value", "base_year", "target_year"}))
    # Every field of the JSON export has its column; every field of a target too.
    fields = set()
    target_fields = set()
    for policy in json.loads(tree.run("list", "--format", "json")):
        fields.update(policy)
        for target in policy["targets"]:
            target_fields.update(target)
    if not fields <= set(policies[0]):
        fail(f"list policies: no column for {sorted(fields - set(policies[0]))}")
    if not target_fields | {"policy"} <= set(targets[0]):
        fail(f"list targets: no column for {sorted(target_fields - set(targets[0]))}")
    titles = [cell.value for (cell,) in book["policies"].iter_rows(min_col=2, max_col=2)]
    for title in (FORMULA_TITLE, "广东省测试样例储能产业指导意见"):
        if title not in titles:
            fail(f"list policies: no title {title!r} among {titles}")


def check_chinese_headers(tree):
    """--headers zh: the workbook's header rows are those of the CSV with --headers zh (Chinese
    labels), the cells the same as with the English headers."""
    for command in (["list"], ["stats"]):
        name = command[0] + "-zh.xlsx"
        book = tree.workbook(name, *command, "--headers", "zh")
        english = tree.workbook(command[0] + "-en.xlsx", *command)
        first = book[book.sheetnames[0]]
        headers = [cell.value for cell in next(first.iter_rows(max_row=1))]
        if command == ["list"]:
            expected = tree.csv("list", "--headers", "zh")[0]
            if headers != expected:
                fail(f"{name}: headers {headers}, the CSV's with --headers zh are {expected}")
            if headers[:3] != ["ID", "标题", "地区"]:
                fail(f"{name}: headers start {headers[:3]}")
        elif not headers or headers[0] != "地区":
            fail(f"{name}: headers {headers}")
        for sheet_name in book.sheetnames:
            rows = list(book[sheet_name].iter_rows(min_row=2, values_only=True))
            if rows != list(english[sheet_name].iter_rows(min_row=2, values_only=True)):
                fail(f"{name}: {sheet_name}: the cells differ from the English workbook's")


def check_stats(tree):
    book = tree.workbook("stats.xlsx", "stats", "--by", "region-sector,level,added,indicator,issuer")
    stats = json.loads(tree.run("stats", "--by", "region-sector,level,added,indicator,issuer",
                                "--format", "json"))
    count = kinds_of(dates={"added"}, numbers={"policies", "targets"})
    tables = {
        "region-sector": (["region", "region_name", "sector", "sector_name", "policies"],
                          stats["by_region_sector"]),
        "level": (["level", "policies"], stats["by_level"]),
        "added": (["added", "policies"], stats["by_month_added"]),
        "indicator": (["indicator", "indicator_name", "targets", "policies"],
                      stats["targets_by_indicator"]),
        # An issuer the registry cannot place: no agency, kind `unplaced` (as in the table).
        "issuer": (["agency", "name", "kind", "policies"],
                   [dict(item, kind=item["kind"] or "unplaced") for item in stats["by_issuer"]]),
    }
    if book.sheetnames != list(tables):
        fail(f"stats: sheets {book.sheetnames}")
        return
    for name, (headers, items) in tables.items():
        rows = [headers] + [["" if item.get(h) is None else str(item.get(h, ""))
                             for h in headers] for item in items]
        if name == "issuer" and stats["without_issuer"]:
            rows.append(["", "", "none", str(stats["without_issuer"])])
        check_against_rows(f"stats {name}", book[name], rows, count)


def check_targets(tree):
    book = tree.workbook("targets.xlsx", "targets", "--all")
    if book.sheetnames != ["targets"]:
        fail(f"targets: sheets {book.sheetnames}")
        return
    check_against_rows("targets", book["targets"], tree.csv("targets", "--all"),
                       kinds_of(numbers={"value", "aim", "base_year", "target_year"}))


def check_coverage(tree):
    book = tree.workbook("coverage.xlsx", "coverage")
    if book.sheetnames != ["coverage", "series", "policies"]:
        fail(f"coverage: sheets {book.sheetnames}")
        return
    rows = tree.csv("coverage")
    series = json.loads(tree.run("coverage", "--format", "json"))
    slugs = {item["slug"] for item in series["series"]}
    check_against_rows("coverage", book["coverage"], rows,
                       kinds_of(dates=slugs, numbers={"issued"}))
    series_rows = [["series", "label", "name", "name_en", "group", "national", "national_title",
                    "national_published", "issued", "regions_at_level"]]
    for item in series["series"]:
        national = item["national"] or {}
        series_rows.append([item["slug"], item["label"], item["name"], item.get("name_en", ""),
                            item["group"], national.get("id", "") if national.get("title") else "",
                            national.get("title", ""), national.get("published", ""),
                            str(item["issued"]), str(series["regions_at_level"])])
    check_against_rows("coverage series", book["series"], series_rows,
                       kinds_of(dates={"national_published"}, numbers={"issued", "regions_at_level"}))
    listed = {(row[0].value, row[1].value, row[3].value)
              for row in book["policies"].iter_rows(min_row=2)}
    expected = {(slug, region["region"], policy)
                for region in series["regions"] for slug, cell in region["cells"].items()
                for policy in cell["policies"]}
    check_layout("coverage policies", book["policies"])
    if listed != expected:
        fail(f"coverage policies: {sorted(listed)}, expected {sorted(expected)}")


def main():
    ccnt, source = sys.argv[1], sys.argv[2]
    trees = []
    try:
        for fixture, series, check in (("query-tree", None, check_list),
                                       ("query-tree", None, check_stats),
                                       ("query-tree", None, check_chinese_headers),
                                       ("targets-tree", None, check_targets),
                                       ("coverage-tree", "series.yaml", check_coverage)):
            tree = Tree(ccnt, source, fixture, series)
            trees.append(tree)
            check(tree)
    finally:
        for tree in trees:
            tree.remove()
    for message in failures:
        print(message)
    print(f"check_workbooks.py: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
