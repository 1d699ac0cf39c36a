#!/usr/bin/env python3
"""Reads the website `ccnt site` makes of the bundled data as a reader would, in Debian's
headless Chromium, from file:// and with every request to another host refused:

    browser_test.py CCNT SOURCE_DIR ARTIFACT_DIR

From the home page to Zhejiang's industry policies by clicking (the map, then the region's
sector list) and by the search page's facets; searches for 光伏, 储能 and a region's pinyin,
checked against the data itself; a policy page against its record; every link of that page
followed; the March 2023 bulletin against the published one, paragraph by paragraph, with its
headings; the language switch; the CSV download read back; each page at phone width without
sideways scrolling. Screenshots at desktop and phone width are kept in ARTIFACT_DIR.
Python 3 standard library only (webdriver.py speaks to chromedriver).
"""

import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.parse

import site_fixture
import webdriver

DESKTOP, PHONE = 1280, 390


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
            print(f"FAILED: {what}", flush=True)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def golden_paragraphs(path):
    """The published bulletin's paragraphs as text, whitespace removed (as the golden unit test
    reads them: a bold list item is its text)."""
    paragraphs, current = [], []
    for line in open(path, encoding="utf-8").read().split("\n"):
        line = re.sub(r"^- ", "", line.strip())
        line = re.sub(r"^\*\*(.*)\*\*$", r"\1", line)
        line = re.sub(r"<(https://[^>]+)>", r"\1", line)  # an autolink reads as its address
        if not line:
            if current:
                paragraphs.append(squeeze("".join(current)))
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(squeeze("".join(current)))
    return paragraphs


def contains(policy, word):
    return any(word in (policy.get(key) or "") for key in ("title", "summary", "title_en")) or \
        any(word in issuer for issuer in policy.get("issuers", []))


def main():
    ccnt, source_dir, artifacts = (os.path.abspath(a) for a in sys.argv[1:4])
    os.makedirs(artifacts, exist_ok=True)
    scratch, site = site_fixture.build_site(ccnt, source_dir)
    downloads = tempfile.mkdtemp(prefix="ccnt-downloads-")
    checks = Checks()
    check = checks.check
    records = json.load(open(os.path.join(site, "data", "ccnt-policies.json"), encoding="utf-8"))
    records = records.get("policies", records) if isinstance(records, dict) else records
    by_id = {r["id"]: r for r in records}
    base = "file://" + urllib.parse.quote(site)
    started = time.time()
    try:
        with webdriver.Browser(downloads, DESKTOP, 900) as b:
            def shot(name, ready=None):
                """Screenshots at desktop and phone width (the page loaded again at each, as a
                phone would load it); at phone width nothing may scroll sideways."""
                for width, label in ((DESKTOP, "desktop"), (PHONE, "phone")):
                    b.emulate(width)
                    b.run("location.reload();")
                    time.sleep(0.3)
                    b.wait_for(lambda: b.run("return document.readyState;") == "complete",
                               "the page")
                    if ready:
                        b.wait_for(ready, "the page's answer")
                    if label == "phone":
                        wide = b.run("return document.documentElement.scrollWidth;")
                        check(wide <= PHONE + 1, f"{name}: {wide} px wide at a {PHONE} px phone")
                    b.full_screenshot(os.path.join(artifacts, f"{name}-{label}.png"))
                b.stop_emulating()
                b.run("location.reload();")
                time.sleep(0.3)
                b.wait_for(lambda: b.run("return document.readyState;") == "complete", "the page")
                if ready:
                    b.wait_for(ready, "the page's answer")

            def only_local_requests(page):
                urls = b.run("return Array.from(document.querySelectorAll("
                             "'script[src], link[href], img[src], iframe[src], source[src]'))"
                             ".filter(e => e.tagName !== 'LINK' || e.rel === 'stylesheet' || "
                             "e.rel === 'icon').map(e => e.src || e.href)"
                             ".concat(performance.getEntriesByType('resource').map(e => e.name))"
                             ".concat([location.href]);")
                outside = [u for u in urls if not u.startswith("file://")]
                check(not outside, f"{page}: requests to other hosts: {outside}")

            def answered():
                # The script marks the state it has answered, as it writes it into the address.
                return b.run("var s = document.getElementById('search');"
                             "return s.hasAttribute('data-answered') && "
                             "s.getAttribute('data-answered') === location.hash.slice(1);")

            def result_ids():
                return [re.sub(r"^(.*/)?policies/|\.html$", "", a.attribute("href"))
                        for a in b.find_all("#results li > a")]

            # 1. The home page, from file://.
            b.open(base + "/index.html")
            check(b.run("return document.documentElement.lang;") == "zh-CN", "home: lang zh-CN")
            check(b.find("h1").text == "零碳录：中国碳中和政策数据库", "home: its h1")
            check(f"共收录政策 {len(records)} 项" in b.find("main").text, "home: the total")
            check(len(b.find_all("svg.chart-svg")) == 2, "home: the map and the month chart")
            only_local_requests("home")
            shot("home")

            # 2. Zhejiang's industry policies in three clicks: the map's tile, the sector.
            clicks = 0
            b.find("svg a[href$='regions/zhejiang.html']").click()
            clicks += 1
            b.wait_for(lambda: b.url.endswith("/regions/zhejiang.html"), "Zhejiang's page")
            check(b.find("h1").text == "浙江省", "region: h1 浙江省")
            b.find("a[href='#sector-industry']").click()
            clicks += 1
            listed = [re.sub(r"^(.*/)?policies/|\.html$", "", a.attribute("href"))
                      for a in b.find_all("#sector-industry li > a")]
            expected = sorted(r["id"] for r in records
                              if r["sector"] == "industry" and r["region"] == "zhejiang")
            check(sorted(listed) == expected and expected,
                  f"region: Zhejiang's industry policies {listed} == {expected} in {clicks} clicks")
            shot("region")

            # 3. The same by the search page's facets: a province includes its cities.
            b.open(base + "/search.html")
            b.wait_for(answered, "the search page")
            b.find("#f-region-zhejiang").click()
            b.wait_for(lambda: "region=zhejiang" in b.url and answered(), "the region facet")
            b.find("#f-sector-industry").click()
            b.wait_for(lambda: "sector=industry" in b.url and answered(), "the sector facet")
            check(sorted(result_ids()) == expected, f"facets: {result_ids()} == {expected}")
            shared = b.url
            b.open(base + "/index.html")
            b.open(shared)
            b.wait_for(answered, "the shared address")
            check(sorted(result_ids()) == expected, "facets: the address alone gives the same")
            b.open(base + "/search.html#region=guangdong")
            b.wait_for(answered, "Guangdong")
            guangdong = sorted(r["id"] for r in records if r["region"] in ("guangdong", "guangzhou"))
            check(sorted(result_ids()) == guangdong,
                  f"facets: 广东 includes 广州: {result_ids()} == {guangdong}")

            # 4. Search as one types: 光伏, 储能, a region's pinyin.
            for word in ("光伏", "储能"):
                b.open(base + "/search.html")
                b.wait_for(answered, "the search page")
                box = b.find("#q")
                box.send_keys(word)
                b.wait_for(lambda: f"q={word}" in urllib.parse.unquote(b.url) and answered(),
                           f"the search for {word}")
                want = sorted(r["id"] for r in records if contains(r, word))
                got = sorted(result_ids())
                check(got == want and want, f"search {word}: {got} == {want}")
                ms = int(b.find("#search").attribute("data-ms") or 9999)
                check(ms < 100, f"search {word}: answered in {ms} ms")
                if word == "光伏":
                    shot("search", answered)
            b.open(base + "/search.html#q=zhejiang")
            b.wait_for(answered, "the search for zhejiang")
            zhejiang = sorted(r["id"] for r in records if r["region"] == "zhejiang")
            check(sorted(result_ids()) == zhejiang, f"search zhejiang (pinyin): {result_ids()}")

            # 5. A policy page shows everything its record holds; its links all lead somewhere.
            b.open(base + "/search.html#q=" + urllib.parse.quote("工业领域碳达峰"))
            b.wait_for(answered, "a search")
            b.find("#results a[href$='zhejiang-industry-carbon-peaking.html']").click()
            b.wait_for(lambda: b.url.endswith("zhejiang-industry-carbon-peaking.html"), "the page")
            record = by_id["zhejiang-industry-carbon-peaking"]
            text = squeeze(b.find("main").text)
            for key in ("title", "summary", "doc_type", "added", "id", "path"):
                check(squeeze(str(record[key])) in text, f"policy page shows its {key}")
            for tag in record["tags"]:
                check(tag in text, f"policy page shows the tag {tag}")
            rows = b.find_all("section[aria-labelledby='targets'] tbody tr")
            check(len(rows) == len(record["targets"]), "policy page: a row per target")
            for target in record["targets"]:
                check(squeeze(target["text"]) in text, f"policy page: target {target['text']}")
            check("13.5%" in text and "高于国家水平" in text, "policy page: beside the benchmark")
            for other in record.get("implements", []):
                check(b.find_all(f"main a[href$='policies/{other}.html']"),
                      f"policy page: links to {other}, which it implements")
            edit = b.find("a[href^='https://github.com/example/ccnt-data/edit/main/']")
            check(edit.attribute("href").endswith(record["path"]), "policy page: the edit link")
            only_local_requests("policy")
            shot("policy")
            page_url = b.url
            links = [a.property("href") for a in b.find_all("main a[href]")]
            internal = sorted({l for l in links if l.startswith("file://")})
            check(len(internal) >= 6, f"policy page: {len(internal)} internal links")
            for link in internal:
                b.open(link)
                if urllib.parse.urlsplit(link).path.endswith(".html"):
                    ok = b.url.startswith("file://") and b.run(
                        "return !!document.querySelector('h1') && document.title.length > 0;")
                else:  # a download or the API: the file is there and not empty
                    ok = b.url.startswith("file://") and b.run(
                        "return document.body.innerText.length > 0;")
                check(ok, f"the link {link} opens a page")
            b.open(page_url)

            # 6. The March 2023 bulletin reads as the published one, with headings.
            b.open(base + "/bulletins/index.html")
            b.find_link("2023 年 3 月月报").click()
            b.wait_for(lambda: b.url.endswith("bulletins/2023-03.html"), "the bulletin")
            check(b.find("h1").text == "2023 年 3 月月报", "bulletin: its h1")
            h2 = [e.text for e in b.find_all("article.bulletin h2")]
            check(h2.count("碳中和国家行动一览") == 2 and "关于零碳录" in h2, f"bulletin: h2 {h2}")
            h3 = b.find_all("article.bulletin h3 a[href*='policies/']")
            check(len(h3) == 17, f"bulletin: 17 headlines linked to their pages ({len(h3)})")
            blocks = b.run("return Array.from(document.querySelectorAll("
                           "'article.bulletin > p, article.bulletin > h1, article.bulletin > h2, "
                           "article.bulletin > h3')).map(e => e.innerText);")
            rendered = [squeeze(t) for t in blocks]
            golden = golden_paragraphs(os.path.join(source_dir, "tests/golden/ccnt-bulletin-2023-03.md"))
            for i, (x, y) in enumerate(zip(rendered, golden)):
                if x != y:
                    print(f"bulletin block {i}:\n  page:      {x}\n  published: {y}")
                    break
            check(rendered == golden, "bulletin: every paragraph of the published bulletin, in order, "
                  "and nothing else" + ("" if rendered == golden else
                                        f" (first difference at {next((i for i, (x, y) in enumerate(zip(rendered, golden)) if x != y), min(len(rendered), len(golden)))}: "
                                        f"{len(rendered)} vs {len(golden)} blocks)"))
            shot("bulletin")

            # 7. The language switch, keeping a search.
            b.open(base + "/search.html#q=" + urllib.parse.quote("光伏"))
            b.wait_for(answered, "the search")
            b.find("#lang-switch").click()
            b.wait_for(lambda: "/en/search.html" in b.url, "the English search page")
            check(b.run("return document.documentElement.lang;") == "en", "English: lang en")
            b.wait_for(answered, "the English answer")
            check(b.find("h1").text == "Browse and search", "English: its h1")
            check(sorted(result_ids()) == sorted(r["id"] for r in records if contains(r, "光伏")),
                  "English: the same search")
            shot("search-en", answered)
            b.open(base + "/en/policies/zhejiang-industry-carbon-peaking.html")
            check("Zhejiang" in b.find("main").text and record["title"] in b.find("h1").text,
                  "English policy page: the interface in English, the data as recorded")
            b.find("#lang-switch").click()
            check(b.url.endswith("/policies/zhejiang-industry-carbon-peaking.html") and
                  "/en/" not in b.url, "back to Chinese on the same policy")

            # 8. The CSV download opens with its Chinese intact.
            b.open(base + "/downloads.html")
            b.find("a[href$='data/ccnt-policies.csv']").click()
            csv_path = os.path.join(downloads, "ccnt-policies.csv")
            b.wait_for(lambda: os.path.exists(csv_path) and os.path.getsize(csv_path) > 0,
                       "the CSV download")
            raw = open(csv_path, "rb").read()
            check(raw.startswith(b"\xef\xbb\xbf"), "CSV: starts with a UTF-8 byte-order mark")
            rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
            check(len(rows) == len(records), f"CSV: {len(rows)} rows for {len(records)} policies")
            titles = {r["title"] for r in rows}
            check(record["title"] in titles, "CSV: Chinese titles intact")
            shot("downloads")

            # 9. Without JavaScript, browsing still works: no page but the search has a script.
            b.open(base + "/regions/index.html")
            check(b.run("return document.scripts.length;") == 0, "regions: no script")
            shot("regions")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(downloads, ignore_errors=True)
    print(f"{checks.passed} passed, {len(checks.failures)} failed "
          f"(in {time.time() - started:.0f} s; screenshots in {artifacts})")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
