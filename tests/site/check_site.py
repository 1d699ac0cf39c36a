#!/usr/bin/env python3
"""Checks the website `ccnt site` makes of the bundled data, file by file, as a static host
serves it:

    check_site.py CCNT SOURCE_DIR

- every HTML page is well-formed as Debian's `tidy` reads it: no errors, and no warning but the
  two tidy 5.6 gives for valid HTML5 it does not know (aria-current, and href on an SVG link);
- every internal link and resource resolves to a file of the site (and a #fragment to an id in
  it), so nothing is broken from file:// or from any directory of any host;
- nothing is loaded from another host: every stylesheet, script and image is a file of the site;
- each page has one h1, a lang attribute, a title, and its form controls have labels;
- only the search page has a script: every other page works without JavaScript.
Python 3 standard library only (and tidy).
"""

import html.parser
import os
import shutil
import subprocess
import sys
import urllib.parse

import site_fixture

ALLOWED_TIDY_WARNINGS = (
    'proprietary attribute "aria-current"',  # WAI-ARIA 1.1; tidy 5.6 predates it
    '<a> proprietary attribute "href"',       # an SVG 2 link (the map's tiles)
)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []       # (tag, attribute, value)
        self.ids = set()
        self.h1 = 0
        self.lang = None
        self.title = False
        self.scripts = []
        self.controls = []    # ids of inputs and selects
        self.labels = set()   # the ids labels are for
        self.aria_labelled = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "title":
            self.title = True
        if tag == "h1":
            self.h1 += 1
        if tag == "script" and a.get("type") != "application/json":
            self.scripts.append(a.get("src"))
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append(a.get("id"))
            if "aria-label" in a:
                self.aria_labelled.add(a.get("id"))
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        for name in ("href", "src", "action"):
            if name in a:
                self.links.append((tag, name, a[name]))


def main():
    ccnt, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    scratch, site = site_fixture.build_site(ccnt, source_dir)
    problems = []
    pages = 0
    try:
        ids_of = {}
        parsed = {}
        for folder, _, files in os.walk(site):
            for name in files:
                if not name.endswith(".html"):
                    continue
                path = os.path.join(folder, name)
                page = Page()
                page.feed(open(path, encoding="utf-8").read())
                parsed[path] = page
                ids_of[os.path.realpath(path)] = page.ids
        for path, page in sorted(parsed.items()):
            pages += 1
            rel = os.path.relpath(path, site)
            tidy = subprocess.run(["tidy", "-q", "-e", "--show-warnings", "yes", path],
                                  capture_output=True, text=True)
            for line in tidy.stderr.splitlines():
                if "Error:" in line or ("Warning:" in line and
                                        not any(w in line for w in ALLOWED_TIDY_WARNINGS)):
                    problems.append(f"{rel}: tidy: {line}")
            if tidy.returncode >= 2:
                problems.append(f"{rel}: tidy exited with {tidy.returncode}")
            if page.h1 != 1:
                problems.append(f"{rel}: {page.h1} h1 elements")
            if page.lang not in ("zh-CN", "en"):
                problems.append(f"{rel}: lang={page.lang!r}")
            if not page.title:
                problems.append(f"{rel}: no title")
            for control in page.controls:
                if control not in page.labels and control not in page.aria_labelled:
                    problems.append(f"{rel}: the control {control!r} has no label")
            is_search = rel in ("search.html", os.path.join("en", "search.html"))
            if page.scripts and not is_search:
                problems.append(f"{rel}: has a script {page.scripts}")
            for tag, attribute, value in page.links:
                url = urllib.parse.urlsplit(value)
                if url.scheme in ("http", "https", "mailto"):
                    if tag != "a" or url.scheme == "http":
                        problems.append(f"{rel}: <{tag} {attribute}> loads {value} from another host")
                    continue
                if url.scheme or url.netloc:
                    problems.append(f"{rel}: <{tag} {attribute}={value!r}>: not a link of the site")
                    continue
                target = path if not url.path else os.path.normpath(
                    os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path)))
                if not target.startswith(site + os.sep) and target != site:
                    problems.append(f"{rel}: {value} leads out of the site")
                elif not os.path.isfile(target):
                    problems.append(f"{rel}: {value} does not resolve ({os.path.relpath(target, site)})")
                elif url.fragment and target.endswith(".html") and "=" not in url.fragment:
                    # (a fragment with = is the search page's state, read by its script)
                    if url.fragment not in ids_of.get(os.path.realpath(target), set()):
                        problems.append(f"{rel}: {value}: no id {url.fragment!r} there")
        if pages < 50:
            problems.append(f"only {pages} pages")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for problem in problems[:200]:
        print(problem)
    print(f"{pages} pages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
