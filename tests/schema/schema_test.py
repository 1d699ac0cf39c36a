#!/usr/bin/env python3
"""Checks the published JSON Schemas with an independent validator, and against ccnt.

    schema_test.py CCNT SOURCE_DIR

With Debian's python3-jsonschema (Draft 7) and python3-yaml:
  - schemas/policy.editor.schema.json and schemas/bulletin.schema.json are valid Draft 7;
  - every bundled policy validates against the editor schema, every bundled editorial file
    against the bulletin schema;
  - variations of a bundled policy (region zhejang, indicator nope, published 2023-02-30, leap
    days, a subsector of another sector, ...) are judged by the editor schema as expected, and
    `ccnt validate` judges each the same way (the schema never rejects what ccnt accepts, and
    rejects what ccnt rejects, for every case here);
  - editorial files of every shape: the bulletin schema rejects one exactly when ccnt's shape
    checks (E060, E061, E069) do, or (for the few things only ccnt can say) ccnt rejects it too.
Exits 77 (skipped) when jsonschema or yaml cannot be imported, naming the Debian package.
"""

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as error:
    print(f"skipped: {error.name} is not installed (tools/bootstrap.sh installs python3-jsonschema "
          "and python3-yaml)")
    sys.exit(77)

CCNT, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SHAPE_CODES = {"E060", "E061", "E069"}
failures = []


class Loader(yaml.SafeLoader):
    """YAML as editors and ccnt read it (1.2 core schema): no timestamps, yes/no/on/off are text."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                             re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text):
    return yaml.load(text, Loader=Loader)


def check(condition, message):
    if not condition:
        failures.append(message)


def validator(name):
    with open(os.path.join(SOURCE, "schemas", name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors_of(validator, document):
    return [error.message for error in validator.iter_errors(document)]


def ccnt_codes(tree, *args):
    """Runs ccnt validate on `tree`; returns the set of error codes it reported."""
    env = dict(os.environ, CCNT_TODAY="2026-11-24", CCNT_DATA_DIR="/nonexistent/ccnt-data",
               LANG="C.UTF-8", NO_COLOR="1")
    env.pop("CCNT_ROOT", None)
    result = subprocess.run([CCNT, "--no-cache", "validate", "--format", "json", *args],
                            cwd=tree, env=env, capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    return {d["code"] for d in report["diagnostics"] if d["severity"] == "error"}


def scratch_tree():
    tree = tempfile.mkdtemp(prefix="ccnt-schema-test-")
    for part in ("policies", "schemas", "bulletins"):
        shutil.copytree(os.path.join(SOURCE, part), os.path.join(tree, part))
    return tree


def bundled_files():
    policy_schema = validator("policy.editor.schema.json")
    bulletin_schema = validator("bulletin.schema.json")
    count = 0
    for top, schema in (("policies", policy_schema), ("bulletins", bulletin_schema)):
        for dirpath, _, names in os.walk(os.path.join(SOURCE, top)):
            for name in sorted(names):
                if not name.endswith(".yaml"):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    errors = errors_of(schema, load_yaml(f.read()))
                check(not errors, f"{os.path.relpath(path, SOURCE)}: {errors}")
                count += 1
    print(f"bundled files valid against the published schemas: {count}")
    check(count >= 19, f"expected the 18 bundled policies and 1 editorial file, found {count}")


# (what, field edits, accepted by the editor schema and ccnt). A field edit is (key, value);
# ("targets", index, key, value) edits a target.
BASE = "policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml"
POLICY_CASES = [
    ("the file as it is", [], True),
    ("region zhejang", [("region", "zhejang")], False),
    ("region 浙江", [("region", "浙江")], True),
    ("region 浙江省", [("region", "浙江省")], True),
    ("region 朝阳 (three regions)", [("region", "朝阳")], False),
    ("indicator nope", [("targets", 0, "indicator", "nope")], False),
    ("published 2023-02-30", [("published", "2023-02-30")], False),
    ("published 2023-02-28", [("published", "2023-02-28")], True),
    ("published 2020-02-29 (leap year)", [("published", "2020-02-29")], True),
    ("published 2019-02-29", [("published", "2019-02-29")], False),
    ("published 1900-02-29 (a century)", [("published", "1900-02-29")], False),
    ("published 2000-02-29 (divisible by 400)", [("published", "2000-02-29")], True),
    ("published 2022-04-31", [("published", "2022-04-31")], False),
    ("published 2022-13", [("published", "2022-13")], False),
    ("published 0000", [("published", "0000")], False),
    ("added 2023-02-30", [("added", "2023-02-30")], False),
    ("sector 工业", [("sector", "工业")], True),
    ("sector industri", [("sector", "industri")], False),
    ("subsector building-materials", [("subsector", "building-materials")], True),
    ("subsector solar (power's)", [("subsector", "solar")], False),
    ("subsector nope", [("subsector", "nope")], False),
    ("further sector power", [("sectors", ["power"])], True),
    ("further sector nope", [("sectors", ["nope"])], False),
    ("doc_type 实施方案", [("doc_type", "实施方案")], True),
    ("doc_type 方案书", [("doc_type", "方案书")], False),
]


def apply_edits(document, edits):
    document = copy.deepcopy(document)
    for edit in edits:
        if edit[0] == "targets":
            _, index, key, value = edit
            document["targets"][index][key] = value
        else:
            document[edit[0]] = edit[1]
    return document


def policy_cases():
    schema = validator("policy.editor.schema.json")
    with open(os.path.join(SOURCE, BASE), encoding="utf-8") as f:
        base = load_yaml(f.read())
    tree = scratch_tree()
    try:
        for what, edits, accepted in POLICY_CASES:
            document = apply_edits(base, edits)
            errors = errors_of(schema, document)
            check(bool(errors) != accepted,
                  f"editor schema, {what}: expected {'accepted' if accepted else 'rejected'}, "
                  f"got {errors or 'accepted'}")
            with open(os.path.join(tree, BASE), "w", encoding="utf-8") as f:
                f.write(json.dumps(document, ensure_ascii=False))  # JSON is YAML
            codes = ccnt_codes(tree, BASE)
            check(bool(codes) != accepted,
                  f"ccnt validate, {what}: expected {'accepted' if accepted else 'rejected'}, "
                  f"got {sorted(codes) or 'accepted'}")
    finally:
        shutil.rmtree(tree)
    print(f"policy variations judged alike by the editor schema and ccnt: {len(POLICY_CASES)}")


# Editorial files of many shapes, as bulletins/2023-03.yaml of the bundled tree. The ids are
# the month's, so that only the shape decides; `None` marks the cases the schema accepts.
IDS = ("national-pv-land-use", "national-oil-gas-new-energy-integration")
BULLETIN_CASES = [
    ("the bundled file", None),
    ("empty sections", "national:\nlocal:\ncredits:\nappendix:\n"),
    ("overview as one paragraph", "national:\n  overview: 一段。\n"),
    ("overview as a list", "national:\n  overview:\n    - 一段。\n    - 二段。\n"),
    ("a lead that YAML reads as a number", "national:\n  groups:\n    - lead: 2023\n"),
    ("groups with ids", "national:\n  groups:\n    - lead: 导语\n      policies:\n"
     f"        - {IDS[0]}\n        - {IDS[1]}\n"),
    ("appendix parts", "appendix: [counts, targets]\n"),
    ("an unknown top-level key", "nationl:\n  groups: []\n"),
    ("an unknown section key", "national:\n  group: []\n"),
    ("an unknown group key", "national:\n  groups:\n    - leed: x\n"),
    ("a section that is a list", "national:\n  - a\n"),
    ("a section that is text", "local: text\n"),
    ("groups that are a mapping", "national:\n  groups:\n    lead: x\n"),
    ("a group that is text", "national:\n  groups:\n    - just text\n"),
    ("a lead that is a list", "national:\n  groups:\n    - lead: [a, b]\n"),
    ("policies that are text", "national:\n  groups:\n    - policies: an-id\n"),
    ("a policy id that is a mapping", "national:\n  groups:\n    - policies:\n        - {a: b}\n"),
    ("credits that are a list", "credits: [韩迪, 朱彤昕]\n"),
    ("an overview item that is a list", "national:\n  overview:\n    - [a]\n"),
    ("an unknown appendix part", "appendix: [charts]\n"),
    ("an appendix that is text", "appendix: counts\n"),
    ("an appendix item that is a mapping", "appendix:\n  - {counts: true}\n"),
    ("the file is a list", "- national\n"),
    ("a policy id not in the id form", "national:\n  groups:\n    - policies:\n"
     "        - Not An Id\n"),
]


def bulletin_cases():
    schema = validator("bulletin.schema.json")
    tree = scratch_tree()
    target = os.path.join(tree, "bulletins", "2023-03.yaml")
    with open(target, encoding="utf-8") as f:
        bundled = f.read()
    agree = 0
    try:
        for what, text in BULLETIN_CASES:
            text = bundled if text is None else text
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            errors = errors_of(schema, load_yaml(text))
            codes = ccnt_codes(tree, "bulletins/2023-03.yaml")
            shape = codes & SHAPE_CODES
            if what == "a policy id not in the id form":
                # The one thing the schema says before ccnt's shape checks: ccnt finds no
                # policy with that id (E062), since ids have the form the schema asks for.
                check(errors and "E062" in codes and not shape,
                      f"bulletin, {what}: schema {errors or 'accepts'}, ccnt {sorted(codes)}")
            else:
                check(bool(errors) == bool(shape),
                      f"bulletin, {what}: schema {errors or 'accepts'}, ccnt {sorted(codes)}")
            agree += 1
    finally:
        shutil.rmtree(tree)
    print(f"editorial files judged alike by the bulletin schema and ccnt: {agree}")


def main():
    bundled_files()
    policy_cases()
    bulletin_cases()
    for failure in failures:
        print("FAIL:", failure)
    print(f"{'failed' if failures else 'passed'}: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
