#!/usr/bin/env python3
"""Compares the pages linkchecker reached (its CSV output) with the HTML files of the site: every page must be
reachable from the home page. Prints the counts and exits 1 on an unreachable page or a broken link."""
import csv
import os
import sys
from urllib.parse import unquote, urlparse

report, root, base = sys.argv[1], sys.argv[2], sys.argv[3]   # base: http://127.0.0.1:PORT/briefing/
reached, broken, checked = set(), [], 0
with open(report, encoding="utf-8") as f:
    rows = [line for line in f if not line.startswith("#")]
for row in csv.DictReader(rows, delimiter=";"):
    url = row.get("url") or ""
    if not url.startswith(base):
        continue
    checked += 1
    if row.get("valid") not in ("True", "true", "1"):
        broken.append("%s (on %s): %s" % (url, row.get("parentname"), row.get("result")))
    path = unquote(urlparse(url).path)[len(urlparse(base).path):]
    if path == "" or path.endswith("/"):
        path += "index.html"
    reached.add(path)
pages = set()
for folder, _, files in os.walk(root):
    for name in files:
        if name.endswith(".html"):
            pages.add(os.path.relpath(os.path.join(folder, name), root))
orphans = sorted(pages - reached)
for b in broken:
    print("  broken: " + b)
for o in orphans:
    print("  not linked from anywhere: " + o)
print("links: %d URLs of this site checked, %d broken; pages: %d in public/, %d reached from the home page, %d not linked"
      % (checked, len(broken), len(pages), len(pages & reached), len(orphans)))
sys.exit(1 if broken or orphans else 0)
