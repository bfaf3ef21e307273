#!/usr/bin/env python3
"""Checks the feed, the sitemap and robots.txt as served: the feed parses with feedparser without its "bozo" flag,
holds entries newest first, and every entry's link, like every sitemap URL, resolves on the served site once the
published base URL is swapped for the served address. Exits 1 on a problem.
Usage: feed.py SERVED_BASE PUBLISHED_BASE"""
import sys
import urllib.request
import xml.etree.ElementTree as ET

import feedparser

served, published = sys.argv[1], sys.argv[2]   # http://127.0.0.1:PORT/briefing/, https://example.org/briefing/
problems = []


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def resolves(address, where):
    if not address.startswith(published):
        problems.append("%s: %s is not under the base URL %s" % (where, address, published))
        return
    url = served + address[len(published):]
    try:
        status, _ = fetch(url)
        if status != 200:
            problems.append("%s: %s answers %d" % (where, url, status))
    except Exception as error:   # an HTTP error or a refused connection: the link does not resolve
        problems.append("%s: %s does not resolve (%s)" % (where, url, error))


_, body = fetch(served + "feed.xml")
feed = feedparser.parse(body)
if feed.bozo:
    problems.append("feed.xml: feedparser flags it: %s" % feed.bozo_exception)
if feed.version != "atom10":
    problems.append("feed.xml: not read as Atom 1.0 (%r)" % feed.version)
if not feed.entries:
    problems.append("feed.xml: no entries")
dates = [entry.get("updated", "") for entry in feed.entries]
if dates != sorted(dates, reverse=True):
    problems.append("feed.xml: entries are not newest first")
for entry in feed.entries:
    for field in ("title", "link", "id", "updated", "author"):
        if not entry.get(field):
            problems.append("feed.xml: entry %r has no %s" % (entry.get("title"), field))
    resolves(entry.get("link", ""), "feed.xml entry %r" % entry.get("title"))

_, body = fetch(served + "sitemap.xml")
namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
locations = [loc.text or "" for loc in ET.fromstring(body).findall("s:url/s:loc", namespace)]
if not locations:
    problems.append("sitemap.xml: no URLs")
for location in locations:
    resolves(location, "sitemap.xml")

_, body = fetch(served + "robots.txt")
if ("Sitemap: " + published + "sitemap.xml").encode() not in body:
    problems.append("robots.txt: does not point at the sitemap")

for problem in problems:
    print("  " + problem)
print("feed: %d entries, Atom read by feedparser %s without bozo; sitemap: %d URLs; %d problems"
      % (len(feed.entries), feedparser.__version__, len(locations), len(problems)))
sys.exit(1 if problems else 0)
