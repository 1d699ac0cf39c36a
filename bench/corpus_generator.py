#!/usr/bin/env python3
"""Writes a deterministic synthetic ccnt data tree for benchmarks.

The tree has schemas/ and templates/ (copied from the repository) and
policies/<region path>/<sector>/<id>.yaml (policies/zhejiang/ningbo/industry/…)
with N policies that `ccnt validate` accepts without errors or warnings: regions, sectors,
subsectors and indicators come from the real registries in schemas/, levels follow the
real mix (few national, many provincial and municipal), titles end with their doc_type
and are unique per region, target texts are phrases of the summary, dates are real and
not in the future. The `added` months are spread evenly over 200 months (2010-03 to
2026-10), so each month holds about N/200 policies (500 at N=100,000).

Only the Python standard library is used. The same seed and N give the same bytes.

Usage: bench/corpus_generator.py --count N --out DIR [--seed S] [--json-dir DIR]
  --json-dir writes every record a second time as JSON (same fields, same values) under
  DIR/<region path>/<sector>/<id>.json, for validators that read JSON only (ajv-cli).
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------
# Registries: the few fields the generator needs, read with a line parser that
# fits the layout of schemas/*.yaml (the standard library has no YAML reader).


def read_entries(path, top_key):
    """Returns the list items of `top_key` as dicts of their scalar fields."""
    entries = []
    current = None
    in_list = False
    sub_re = re.compile(r"^\s+- \{(.*)\}\s*$")
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith(top_key + ":"):
                in_list = True
                continue
            if not in_list:
                continue
            m = re.match(r"^  - (\w+): (.*)$", line)
            if m:
                current = {m.group(1): unquote(m.group(2))}
                entries.append(current)
                continue
            m = sub_re.match(line)
            if m and current is not None:
                fields = dict(
                    (k.strip(), unquote(v.strip()))
                    for k, v in (part.split(":", 1) for part in m.group(1).split(","))
                )
                current.setdefault("subsectors", []).append(fields)
                continue
            m = re.match(r"^    (\w+): (.*)$", line)
            if m and current is not None:
                current[m.group(1)] = unquote(m.group(2))
    return entries


def unquote(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def load_registries(schemas):
    regions = read_entries(os.path.join(schemas, "regions.yaml"), "regions")
    sectors = read_entries(os.path.join(schemas, "sectors.yaml"), "sectors")
    indicators = read_entries(os.path.join(schemas, "indicators.yaml"), "indicators")
    by_slug = {region["slug"]: region for region in regions}
    for region in regions:
        level = region.get("level")
        region["policy_level"] = {
            "national": "national", "prefecture": "municipal", "county": "county"
        }.get(level, "provincial")
    for region in regions:  # policies/<province>/<city>/…: each directory inside its parent's
        parts, at = [], region
        while at is not None:
            parent = by_slug.get(at.get("parent", ""))
            name = at["slug"]
            if parent is not None and parent.get("level") != "national":
                if name.startswith(parent["slug"] + "-"):
                    name = name[len(parent["slug"]) + 1:]
            if at.get("level") != "national" or not parts:
                parts.append(name)
            at = parent
        region["directory"] = "/".join(reversed(parts))
    return regions, sectors, indicators


# ---------------------------------------------------------------------------
# Vocabulary.

DOC_TYPES = ["实施方案", "行动方案", "工作方案", "指导意见", "实施意见", "通知", "规划",
             "办法", "行动计划", "细则"]
DOC_SHORT = {"实施方案": "方案", "行动方案": "方案", "工作方案": "方案", "指导意见": "意见",
             "实施意见": "意见", "通知": "通知", "规划": "规划", "办法": "办法",
             "行动计划": "计划", "细则": "细则"}

TOPICS = {
    "peaking": ["碳达峰", "碳达峰碳中和", "做好碳达峰碳中和工作", "推动碳达峰", "绿色低碳发展",
                "全面推进绿色低碳转型", "完整准确全面贯彻新发展理念做好碳达峰碳中和工作"],
    "energy": ["能源绿色低碳转型", "新型储能发展", "氢能产业发展", "天然气产销储备体系建设",
               "煤炭清洁高效利用", "现代能源体系建设", "油气勘探开发与新能源融合发展"],
    "power": ["光伏发电高质量发展", "风电开发建设", "分布式光伏规模化开发", "新型电力系统建设",
              "电网高质量发展", "可再生能源电力消纳", "抽水蓄能电站建设"],
    "industry": ["工业领域碳达峰", "钢铁行业节能降碳", "建材行业碳达峰", "石化化工行业绿色发展",
                 "有色金属行业碳达峰", "绿色制造体系建设", "工业能效提升"],
    "transport": ["新能源汽车产业发展", "充换电基础设施建设", "绿色交通发展", "公共领域车辆全面电动化",
                  "交通运输领域碳达峰", "绿色出行"],
    "buildings": ["城乡建设领域碳达峰", "绿色建筑创建", "建筑节能与绿色建筑发展", "装配式建筑发展",
                  "既有建筑节能改造"],
    "waste": ["循环经济发展", "废旧物资循环利用体系建设", "大宗固体废弃物综合利用", "无废城市建设",
              "再生资源回收利用"],
    "carbon-sinks": ["林业碳汇", "海洋碳汇能力提升", "生态系统碳汇能力巩固提升", "国土绿化",
                     "湿地保护修复"],
    "science-technology": ["科技支撑碳达峰碳中和", "绿色低碳技术创新", "低碳零碳负碳技术攻关",
                           "绿色技术推广应用"],
    "energy-conservation": ["节能减排", "“十四五”节能减排", "重点用能单位节能管理",
                            "公共机构节约能源资源", "重点领域节能降碳"],
    "agriculture": ["农业农村减排固碳", "秸秆综合利用", "农膜回收利用", "农村能源革命"],
    "finance": ["绿色金融发展", "金融支持碳达峰碳中和", "转型金融", "碳减排支持工具运用"],
    "carbon-market": ["碳排放权交易管理", "产品碳足迹核算", "碳排放统计核算体系建设",
                      "温室气体自愿减排交易"],
    "other": ["生态文明建设", "应对气候变化", "绿色生活创建", "美丽城市建设"],
}

ACTIONS = ["", "加快推进", "进一步推进", "推动", "促进", "支持", "深入推进", "全面推进"]

NATIONAL_ISSUERS = ["国务院", "国家发展改革委", "国家能源局", "工业和信息化部", "生态环境部",
                    "住房和城乡建设部", "交通运输部", "农业农村部", "科技部", "财政部",
                    "中国人民银行", "国家林业和草原局", "自然资源部", "国家市场监督管理总局"]
PROVINCIAL_AGENCIES = ["人民政府", "人民政府办公厅", "发展和改革委员会", "生态环境厅", "经济和信息化厅",
                       "工业和信息化厅", "能源局", "住房和城乡建设厅", "交通运输厅", "科学技术厅",
                       "财政厅", "农业农村厅", "林业局"]
MUNICIPAL_AGENCIES = ["人民政府", "人民政府办公室", "发展和改革委员会", "生态环境局", "工业和信息化局",
                      "住房和城乡建设局", "交通运输局", "科学技术局", "财政局", "农业农村局"]
AGENCY_SHORT = {"national": "国", "provincial": "政", "municipal": "政"}

FILLERS = [
    "加快推进产业结构优化升级，坚决遏制高耗能、高排放、低水平项目盲目发展",
    "大力发展新能源，因地制宜开发水电，积极安全有序发展核电",
    "推进煤炭消费替代和转型升级，合理调控油气消费",
    "加快建设新型电力系统，提升电网对清洁能源的接纳、配置和调控能力",
    "实施节能降碳重点工程，推进重点用能设备节能增效",
    "推动数字化智能化绿色化融合发展，打造一批绿色低碳示范园区",
    "健全法规标准和统计监测体系，完善财税价格和金融支持政策",
    "加强绿色低碳科技创新，推广先进成熟绿色低碳技术",
    "提升城乡建设绿色低碳发展质量，加快优化建筑用能结构",
    "构建绿色低碳交通运输体系，推动运输工具装备低碳转型",
    "巩固提升生态系统碳汇能力，开展国土绿化行动",
    "发展循环经济，推进废旧物资回收网络体系建设",
    "倡导简约适度、绿色低碳、文明健康的生活方式",
    "完善能源消费强度和总量双控制度，逐步转向碳排放总量和强度双控",
    "积极参与全国碳排放权交易市场建设，完善碳排放核算体系",
    "引导金融机构为绿色低碳项目提供长期限、低成本资金",
    "推动重点行业企业开展碳排放核算和产品碳足迹评价",
    "加强组织领导，压实各级各部门责任，将目标任务纳入考核",
    "强化统筹协调，建立健全工作推进机制和定期调度制度",
    "开展绿色低碳全民行动，增强全民节约意识、环保意识、生态意识",
    "推进农业农村减排固碳，提升农村可再生能源利用水平",
    "支持龙头企业牵头组建创新联合体，攻克一批关键核心技术",
    "推动新型储能多元化发展，探索共享储能等商业模式",
    "有序推进充换电基础设施建设，提升公共充电服务保障能力",
    "推广装配式建筑和绿色建材，提高新建建筑节能标准",
    "加快淘汰落后产能，推进钢铁、建材、石化化工等行业节能降碳改造",
]

TAGS = ["碳达峰", "碳中和", "节能", "减排", "光伏", "风电", "储能", "氢能", "新能源汽车", "充电设施",
        "绿色建筑", "循环经济", "碳汇", "碳市场", "碳足迹", "绿色金融", "能效", "绿色工厂",
        "清洁能源", "电网", "秸秆", "林业", "海洋", "天然气", "煤炭"]

# Indicators whose names end in these are reductions against a base year.
REDUCTION_SUFFIXES = ("下降率", "降低率")

FIRST_MONTH = (2010, 3)  # 200 months: 2010-03 .. 2026-10
MONTHS = 200


def month_at(index):
    year, month = FIRST_MONTH
    total = year * 12 + (month - 1) + index
    return total // 12, total % 12 + 1


# ---------------------------------------------------------------------------
# One policy.


def target_kind(indicator):
    unit, name = indicator.get("unit", ""), indicator["name"]
    if unit == "%":
        if name.endswith(REDUCTION_SUFFIXES):
            return "reduction"
        if "增长" in name:
            return "growth"
        return "share"
    if unit == "万千瓦":
        return "capacity"
    if unit in ("家", "个", "座", "万个"):
        return "count"
    if unit in ("亿元", "万吨", "吨", "亿立方米"):
        return "amount"
    return "level"


def format_number(value):
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def make_target(rng, indicator, year):
    kind = target_kind(indicator)
    unit = indicator.get("unit", "")
    name = indicator["name"]
    if kind == "reduction":
        value = round(rng.uniform(2, 25) * 2) / 2
    elif unit == "%":
        value = round(rng.uniform(5, 95) * 2) / 2
    else:
        value = rng.choice([5, 10, 20, 50, 100, 150, 200, 300, 500, 800, 1000, 1500, 3000])
    qualifier = rng.choice(["", "", "at-least", "about", "aim"])
    number = format_number(value)
    base_year = None
    if kind == "reduction":
        base_year = year - 5
        stem = name[: -len("下降率")]
        phrase = f"{stem}较{base_year}年下降{number}%"
    elif kind == "count" and name.endswith("数量"):
        phrase = f"{name[:-2]}达到{number}{unit}"
    else:
        phrase = f"{name}达到{number}{unit}"
    if qualifier == "at-least":
        phrase += "以上"
    elif qualifier == "about":
        phrase += "左右"
    elif qualifier == "aim":
        phrase = "力争" + phrase
    target = {"indicator": indicator["slug"], "text": phrase, "value": value, "unit": unit,
              "kind": kind}
    if qualifier:
        target["qualifier"] = qualifier
    if base_year is not None:
        target["base_year"] = base_year
    target["target_year"] = year
    return target


class Generator:
    def __init__(self, seed, regions, sectors, indicators):
        self.rng = random.Random(seed)
        self.sectors = sectors
        self.indicators = indicators
        by_level = {"national": [], "provincial": [], "municipal": []}
        for region in regions:
            if region["policy_level"] in by_level:  # the mix has no county policies
                by_level[region["policy_level"]].append(region)
        self.by_level = by_level
        self.titles = set()  # (region, title) pairs already used
        self.directory = {region["slug"]: region["directory"] for region in regions}

    def level(self):
        draw = self.rng.random()
        if draw < 0.04:
            return "national"
        return "provincial" if draw < 0.55 else "municipal"

    def issuers(self, region, level):
        rng = self.rng
        if level == "national":
            return rng.sample(NATIONAL_ISSUERS, rng.randint(1, 3))
        agencies = PROVINCIAL_AGENCIES if level == "provincial" else MUNICIPAL_AGENCIES
        return [region["full_name"] + a for a in rng.sample(agencies, rng.randint(1, 3))]

    def title(self, region, sector, level):
        rng = self.rng
        prefix = "" if level == "national" else region["full_name"]
        for attempt in range(40):
            topic = rng.choice(TOPICS.get(sector["slug"], TOPICS["other"]))
            action = rng.choice(ACTIONS)
            ending = rng.choice(DOC_TYPES)
            if rng.random() < 0.4:
                body = f"关于{action}{topic}的{ending}"
            else:
                body = f"{topic}{ending}"
            title = prefix + body
            if rng.random() < 0.5 or attempt > 10:
                start = rng.randint(2010, 2030)
                title += f"（{start}-{start + rng.choice([2, 3, 5])}年）"
            if (region["slug"], title) not in self.titles:
                break
        else:
            serial = 1
            while (region["slug"], f"{title}（第{serial}版）") in self.titles:
                serial += 1
            title = f"{title}（第{serial}版）"
        self.titles.add((region["slug"], title))
        return title, ending

    def summary(self, short, targets, year, length):
        rng = self.rng
        parts = [f"《{short}》提出，"]
        if targets:
            parts.append(f"到{year}年，" + "；".join(t["text"] for t in targets) + "。")
        text = "".join(parts)
        fillers = rng.sample(FILLERS, len(FILLERS))
        for filler in fillers:
            if len(text) + len(filler) + 1 > length:
                continue
            text += filler + "。"
            if len(text) >= length - 20:
                break
        while len(text) < 150:  # very long targets only; pad with the shortest sentences
            text += min(FILLERS, key=len) + "。"
        return text

    def policy(self, index, total):
        rng = self.rng
        level = self.level()
        region = rng.choice(self.by_level[level])
        sector = rng.choice(self.sectors)
        title, ending = self.title(region, sector, level)
        year_month = month_at(index * MONTHS // total)
        added_year, added_month = year_month
        added = f"{added_year:04d}-{added_month:02d}"
        if rng.random() < 0.3:
            added += f"-{rng.randint(1, 28):02d}"
        record = {
            "id": f"{region['slug']}-{sector['slug']}-{index:07d}",
            "title": title,
            "region": region["slug"],
            "level": level,
            "sector": sector["slug"],
        }
        subsectors = sector.get("subsectors", [])
        if subsectors and rng.random() < 0.5:
            record["subsector"] = rng.choice(subsectors)["slug"]
        if rng.random() < 0.3:
            others = [s["slug"] for s in self.sectors if s["slug"] != sector["slug"]]
            record["sectors"] = rng.sample(others, rng.randint(1, 2))
        record["issuers"] = self.issuers(region, level)
        record["doc_type"] = ending
        if rng.random() < 0.8:
            back = rng.randint(0, 3)
            total_month = added_year * 12 + added_month - 1 - back
            published = f"{total_month // 12:04d}-{total_month % 12 + 1:02d}"
            if rng.random() < 0.5 and back > 0:
                published += f"-{rng.randint(1, 28):02d}"
            record["published"] = published
            if rng.random() < 0.5:
                agency = AGENCY_SHORT[level]
                short_region = region.get("name", "")[:1]
                record["document_number"] = (
                    f"{short_region}{agency}发〔{total_month // 12}〕{rng.randint(1, 300)}号"
                )
        record["added"] = added
        if rng.random() < 0.4:
            record["source"] = f"https://example.org/ccnt-bench/{record['id']}"
        if rng.random() < 0.6:
            record["status"] = rng.choice(["in-force", "in-force", "in-force", "draft", "expired"])
        target_year = rng.choice([2025, 2027, 2030, 2035])
        count = rng.choice([0, 0, 1, 1, 2, 2, 3, 4])
        targets = [make_target(rng, ind, target_year)
                   for ind in rng.sample(self.indicators, count)]
        record["summary"] = self.summary(DOC_SHORT[ending], targets, target_year,
                                         rng.randint(150, 400))
        if targets:
            record["targets"] = targets
        record["tags"] = rng.sample(TAGS, rng.randint(1, 4))
        return record


# ---------------------------------------------------------------------------
# Output.

PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9][^#]*$")


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    text = str(value)
    if PLAIN_SAFE.match(text) and ": " not in text and not text.endswith((" ", ":")) \
            and text.lower() not in ("null", "true", "false", "yes", "no", "~"):
        return text
    return json.dumps(text, ensure_ascii=False)


def to_yaml(record):
    lines = ["# yaml-language-server: $schema=../../../schemas/policy.schema.json"]
    for key, value in record.items():
        if key == "targets":
            lines.append("targets:")
            for target in value:
                first = True
                for k, v in target.items():
                    lines.append(f"{'  - ' if first else '    '}{k}: {yaml_scalar(v)}")
                    first = False
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {yaml_scalar(item)}" for item in value)
        elif key in ("published", "added", "updated"):
            lines.append(f'{key}: "{value}"')
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", "-n", type=int, required=True, help="number of policies")
    parser.add_argument("--out", required=True, help="data tree to write (must not exist)")
    parser.add_argument("--seed", type=int, default=20230301)
    parser.add_argument("--json-dir", help="also write each record as JSON below this directory")
    args = parser.parse_args()
    if not 1 <= args.count <= 2_000_000:
        parser.error("--count must be between 1 and 2,000,000")
    if os.path.exists(args.out):
        parser.error(f"{args.out} exists; choose a new directory")

    schemas = os.path.join(REPO, "schemas")
    regions, sectors, indicators = load_registries(schemas)
    if not (regions and sectors and indicators):
        sys.exit("corpus_generator: cannot read the registries in schemas/")
    shutil.copytree(schemas, os.path.join(args.out, "schemas"))
    templates = os.path.join(REPO, "templates")
    if os.path.isdir(templates):  # for `ccnt report`
        shutil.copytree(templates, os.path.join(args.out, "templates"))
    generator = Generator(args.seed, regions, sectors, indicators)
    made_dirs = set()
    for index in range(args.count):
        record = generator.policy(index, args.count)
        relative = os.path.join(generator.directory[record["region"]], record["sector"])
        targets = [(os.path.join(args.out, "policies", relative), ".yaml", to_yaml(record))]
        if args.json_dir:
            targets.append((os.path.join(args.json_dir, relative), ".json",
                            json.dumps(record, ensure_ascii=False, indent=1)))
        for directory, extension, text in targets:
            if directory not in made_dirs:
                os.makedirs(directory, exist_ok=True)
                made_dirs.add(directory)
            with open(os.path.join(directory, record["id"] + extension), "w",
                      encoding="utf-8") as f:
                f.write(text)
    print(f"corpus_generator: wrote {args.count} policies to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
