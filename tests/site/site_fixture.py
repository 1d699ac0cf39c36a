"""Builds the website of the bundled data tree into a scratch directory, for the site's tests."""

import os
import shutil
import subprocess
import tempfile

BUNDLED = ("policies", "schemas", "bulletins", "templates")
# The repository the edit links point at, as a data repository would configure it.
REPOSITORY = "https://github.com/example/ccnt-data"


def pinned_environment():
    env = {k: v for k, v in os.environ.items()
           if k not in ("CCNT_ROOT", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG="C.UTF-8", NO_COLOR="1", CCNT_TODAY="2026-11-24",
               CCNT_DATA_DIR="/nonexistent/ccnt-data")
    return env


def build_site(ccnt, source_dir):
    """Copies the bundled tree to a scratch directory and runs `ccnt site` there; returns
    (scratch, site directory). The caller removes the scratch directory."""
    scratch = tempfile.mkdtemp(prefix="ccnt-site-test-")
    for name in BUNDLED:
        shutil.copytree(os.path.join(source_dir, name), os.path.join(scratch, name))
    site = os.path.join(scratch, "_site")
    result = subprocess.run([ccnt, "site", "--repository", REPOSITORY], cwd=scratch,
                            env=pinned_environment(), capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"ccnt site failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return scratch, site
