#!/usr/bin/env python3
"""Writes a made-up export in the tracker's shape (CSV with a UTF-8 byte-order mark) and a
mapping for it, for the import benchmark of bench/run.sh.

Every row is synthetic: titles are numbered 基准测试样例 documents, links point at example.org,
ids are SHA-256 digests of the row number. About one row in eight has a note (a summary).
"""
import argparse
import csv
import hashlib
import random

ISSUERS = ["国务院", "国家发展改革委", "工业和信息化部", "生态环境部", "国家能源局", "财政部",
           "住房和城乡建设部", "交通运输部", "科技部", "自然资源部"]
CATEGORIES = [("基准类别甲", ""), ("基准类别乙", "基准子类"), ("基准类别丙", ""), ("未映射类别", "")]
ENDINGS = ["实施方案", "行动方案", "指导意见", "通知", "规划", "办法"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", "-n", type=int, required=True, help="number of rows")
    parser.add_argument("--out", required=True, help="the CSV file to write")
    parser.add_argument("--mapping", required=True, help="the mapping file to write")
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "file_name", "organization", "link", "year_published",
                         "month_published", "date_updated", "category_1", "category_2", "note",
                         "region_type"])
        for i in range(args.count):
            year = rng.randint(2010, 2025)
            month = rng.randint(1, 12)
            issuers = rng.sample(ISSUERS, rng.choice([1, 1, 1, 2, 3]))
            category = rng.choice(CATEGORIES)
            note = f"基准测试样例第{i}号文件的摘要。" if rng.random() < 0.125 else ""
            writer.writerow([
                hashlib.sha256(str(i).encode()).hexdigest(),
                f"基准测试样例第{i}号{rng.choice(ENDINGS)}",
                "、".join(issuers),
                f"https://example.org/bench/{i}",
                year, month,
                f"{min(year + 1, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                category[0], category[1], note, "national"])
    with open(args.mapping, "w", encoding="utf-8") as out:
        out.write("""# The tracker's mapping with the benchmark's made-up categories.
source: tracker
columns:
  source_id: id
  title: file_name
  issuers: organization
  link: link
  published_year: year_published
  published_month: month_published
  updated: date_updated
  summary: note
categories: [category_1, category_2]
issuer_separators: [",", "，", "、", " "]
region: national
placeholder_months:
  - month: 1
    updated_before: "2022-01-01"
sectors:
  map:
    基准类别甲: peaking
    基准类别乙/基准子类: industry/building-materials
    基准类别丙: energy
""")


if __name__ == "__main__":
    main()
