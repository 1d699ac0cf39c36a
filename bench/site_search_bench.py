#!/usr/bin/env python3
"""Measures the website's search in a real browser (Debian's headless Chromium, from file://):

    site_search_bench.py SITE_DIR [RUNS]

Opens SITE_DIR/search.html, waits for its index to load, then answers each query of QUERIES
RUNS times (each from a fresh page, so that no shard is loaded yet) and prints, as JSON: the
time from opening the page to its first answer, and per query the median time the page's script
took from the query to the rendered results (the page records it in data-ms: finding and loading
the index shards the query needs, intersecting, counting the facets, loading the titles shown),
the number of results, and the bytes the page loaded (raw and gzip-compressed, as a static host
serves them) for the first load and for the query.
"""

import gzip
import json
import os
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "site"))
import webdriver  # noqa: E402

QUERIES = ["光伏", "储能", "碳达峰实施方案", "zhejiang", "浙江 工业", "新能源汽车"]


def loaded_bytes(site, urls):
    raw = packed = 0
    for url in urls:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if not path.startswith(site) or not os.path.isfile(path):
            continue
        data = open(path, "rb").read()
        raw += len(data)
        packed += len(gzip.compress(data, 6))
    return raw, packed


def main():
    site = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    base = "file://" + urllib.parse.quote(site) + "/search.html"
    result = {"queries": {}}
    with webdriver.Browser(None, 1280, 900, timeout=120) as b:
        def answered():
            return b.run("var s = document.getElementById('search');"
                         "return s.hasAttribute('data-answered') && "
                         "s.getAttribute('data-answered') === location.hash.slice(1);")

        def resources():
            # What the page loaded: its stylesheet and scripts (the index is loaded as scripts).
            return b.run("return Array.from(document.querySelectorAll('script[src], "
                         "link[rel=stylesheet]')).map(e => e.src || e.href);")

        first = []
        for _ in range(runs):
            b.open("about:blank")
            start = time.time()
            b.open(base)
            b.wait_for(answered, "the first answer", timeout=120)
            first.append(time.time() - start)
        initial = resources() + [base]
        result["first_answer_s"] = round(statistics.median(first), 3)
        result["first_load_bytes"], result["first_load_gzip_bytes"] = loaded_bytes(site, initial)
        for query in QUERIES:
            times, count, raw, packed = [], "", 0, 0
            for _ in range(runs):
                b.open(base)
                b.wait_for(answered, "the page", timeout=120)
                before = set(resources())
                b.run("location.hash = 'q=' + encodeURIComponent(arguments[0]);", query)
                b.wait_for(answered, f"the answer to {query}", timeout=120)
                times.append(int(b.find("#search").attribute("data-ms")))
                count = b.find("#result-count").text
                raw, packed = loaded_bytes(site, [u for u in resources() if u not in before])
            result["queries"][query] = {"median_ms": statistics.median(times), "runs_ms": times,
                                        "results": count, "loaded_bytes": raw,
                                        "loaded_gzip_bytes": packed}
    search_dir = os.path.join(site, "search")
    total_raw = total_gzip = 0
    for name in os.listdir(search_dir):
        data = open(os.path.join(search_dir, name), "rb").read()
        total_raw += len(data)
        total_gzip += len(gzip.compress(data, 6))
    result["index_files"] = len(os.listdir(search_dir))
    result["index_bytes"], result["index_gzip_bytes"] = total_raw, total_gzip
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
