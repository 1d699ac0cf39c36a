#!/usr/bin/env python3
"""Checks the files GitHub and pre-commit read, as far as can be done without them.

    check_ci_files.py SOURCE_DIR

action.yml, .github/workflows/*.yml, docs/examples/*.yml and .pre-commit-hooks.yaml must parse
as YAML and hold what GitHub and pre-commit require: a composite action whose `run` steps name
their shell, whose inputs and step outputs referred to in ${{ }} exist, and whose scripts are in
the repository and executable; workflows with triggers and jobs, the repository's own using the
action (`uses: ./`), the release one run on version tags calling tools/release.sh with the right
to write releases; hooks whose `files` patterns take every file ccnt checks and nothing else.
Needs python3-yaml (tools/bootstrap.sh installs it).
"""

import glob
import os
import re
import sys

try:
    import yaml
except ImportError:
    print("skipped: python3-yaml is missing (tools/bootstrap.sh installs it)")
    sys.exit(77)

SOURCE = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def load(path):
    with open(os.path.join(SOURCE, path), encoding="utf-8") as f:
        return yaml.safe_load(f)


def triggers(workflow):
    # YAML 1.1 reads the key `on` as true.
    return workflow.get("on", workflow.get(True))


# --- action.yml ---
action = load("action.yml")
check(action.get("name") and action.get("description"), "action.yml: no name or description")
runs = action.get("runs", {})
check(runs.get("using") == "composite", "action.yml: runs.using is not composite")
steps = runs.get("steps", [])
step_ids = {step.get("id") for step in steps}
inputs = set(action.get("inputs", {}))
for key in ("version", "root", "paths", "strict", "summary", "diff"):
    check(key in inputs, f"action.yml: no input `{key}`")
check(not action.get("inputs", {}).get("root", {}).get("required"), "action.yml: root is required")
text = open(os.path.join(SOURCE, "action.yml"), encoding="utf-8").read()
for name in re.findall(r"\$\{\{[^}]*\binputs\.([A-Za-z0-9_-]+)", text):
    check(name in inputs, f"action.yml: uses undeclared input `{name}`")
for name in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.outputs", text):
    check(name in step_ids, f"action.yml: refers to step `{name}`, which no step is")
for step in steps:
    where = f"action.yml: step {step.get('id') or step.get('name')}"
    if "run" in step:
        check(step.get("shell") in ("bash", "sh"), f"{where}: a composite run step needs `shell`")
        for script in re.findall(r"\$GITHUB_ACTION_PATH/([^\"' ]+)", step["run"]):
            path = os.path.join(SOURCE, script)
            check(os.path.isfile(path) and os.access(path, os.X_OK),
                  f"{where}: {script} is not an executable file of the repository")
    else:
        check("uses" in step, f"{where}: neither run nor uses")
check([s.get("id") for s in steps] == ["release", "cache", "source", "validate"],
      "action.yml: the steps are not release, cache, source, validate")
check(steps[1].get("uses", "").startswith("actions/cache@"), "action.yml: no actions/cache step")
for name, output in action.get("outputs", {}).items():
    check("value" in output, f"action.yml: output `{name}` has no value")

# --- workflows ---
workflows = {}
for path in sorted(glob.glob(os.path.join(SOURCE, ".github/workflows/*.yml")) +
                   glob.glob(os.path.join(SOURCE, "docs/examples/*.yml"))):
    relative = os.path.relpath(path, SOURCE)
    workflow = load(relative)
    workflows[relative] = workflow
    check(triggers(workflow), f"{relative}: no `on:`")
    check(workflow.get("jobs"), f"{relative}: no jobs")
    for job_name, job in (workflow.get("jobs") or {}).items():
        check("runs-on" in job, f"{relative}: job {job_name} has no runs-on")
        check(job.get("steps"), f"{relative}: job {job_name} has no steps")
        for step in job.get("steps", []):
            check(("run" in step) != ("uses" in step),
                  f"{relative}: job {job_name}: a step needs run or uses, not both")
            for script in re.findall(r"(tools/[A-Za-z0-9_/.-]+\.sh)", step.get("run", "")):
                check(os.path.isfile(os.path.join(SOURCE, script)),
                      f"{relative}: job {job_name} runs {script}, which is not there")


def uses(workflow):
    return [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]


own = workflows.get(".github/workflows/validate.yml")
check(own and "./" in uses(own), "validate.yml: does not use the action (uses: ./)")
release = workflows.get(".github/workflows/release.yml")
check(release is not None, "no .github/workflows/release.yml")
if release:
    tags = (triggers(release).get("push") or {}).get("tags", [])
    check(tags and all(t.startswith("v") for t in tags), "release.yml: not run on version tags v…")
    runs_text = "\n".join(step.get("run", "") for job in release["jobs"].values()
                          for step in job["steps"])
    check("tools/release.sh" in runs_text and "--test" in runs_text,
          "release.yml: does not build and test with tools/release.sh --test")
    check("sha256sum -c SHA256SUMS" in runs_text, "release.yml: does not check the checksums")
    check(release["jobs"]["publish"].get("permissions", {}).get("contents") == "write",
          "release.yml: publish may not write the release")
examples = [w for path, w in workflows.items() if path.startswith("docs/examples/")]
check(examples, "no example workflow in docs/examples/")
for workflow in examples:
    check(any(re.match(r"^[A-Za-z0-9-]+/ccnt@v[0-9]", u) for u in uses(workflow)),
          "the example workflow does not use the action at a release")

# --- .pre-commit-hooks.yaml ---
hooks = {hook["id"]: hook for hook in load(".pre-commit-hooks.yaml")}
check(set(hooks) == {"ccnt-validate", "ccnt-validate-files"}, f"hook ids: {sorted(hooks)}")
checked = ["policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml",
           "policies/zhejiang/ningbo/industry/x.yml", "bulletins/2023-03.yaml",
           "schemas/regions.yaml", "schemas/policy.schema.json", ".ccnt.yaml"]
not_checked = ["README.md", "docs/ci.md", "bulletins/README.md", "bulletins/old/2023-03.yaml",
               "templates/bulletin.md.mustache", "src/policies/x.yaml", "x.ccnt.yaml"]
for hook_id, hook in hooks.items():
    for key in ("name", "entry", "language", "files"):
        check(key in hook, f"hook {hook_id}: no `{key}`")
    check(hook.get("language") == "system", f"hook {hook_id}: not language: system")
    check(hook.get("entry") == "ccnt validate", f"hook {hook_id}: entry is not ccnt validate")
    pattern = re.compile(hook.get("files", ""))
    wanted = checked if hook_id == "ccnt-validate" else [p for p in checked
                                                          if not p.startswith("schemas/")]
    for path in wanted:
        check(pattern.search(path), f"hook {hook_id}: files does not take {path}")
    for path in not_checked:
        check(not pattern.search(path), f"hook {hook_id}: files takes {path}")
check(hooks["ccnt-validate"].get("pass_filenames") is False,
      "ccnt-validate: not pass_filenames: false (the whole tree)")
check(hooks["ccnt-validate-files"].get("pass_filenames", True) is True,
      "ccnt-validate-files: does not pass the file names")

for failure in failures:
    print(f"check_ci_files: FAIL: {failure}", file=sys.stderr)
if failures:
    sys.exit(1)
print("check_ci_files: all checks passed")
