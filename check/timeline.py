#!/usr/bin/env python3
"""The timeline as a reader meets it on the served site: every event of content/events.yml is listed on
timeline/index.html, and every source link of the timeline and of each topic's timeline works: a link into the
site is fetched (and its #fragment must be an id of the page it reaches); an outside link must be a well-formed
https address with a path (or a query naming the report). Prints what it checked; exits 1 on any problem.
Usage: timeline.py content/events.yml http://127.0.0.1:PORT/briefing/"""
import re
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urldefrag, urlparse

events_file, base = sys.argv[1], sys.argv[2]


def events(path):
    """The `event` of each item: one line each, as events.yml writes them (a quoted value loses its quotes)."""
    texts = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(?:- |  )event:\s*(.*?)\s*$", line)
        if m:
            value = m.group(1)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            texts.append(value)
    return texts


class Timeline(HTMLParser):
    """Collects each entry's text (its p.what), its links, the topic timelines linked and the page's ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries, self.topics, self.ids = [], [], set()
        self.in_entry = self.in_what = self.in_topics = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        cls = (a.get("class") or "").split()
        if tag == "nav" and "timeline-topics" in cls:
            self.in_topics = True
        if tag == "li" and any(c.startswith("timeline-") for c in cls):
            self.in_entry = True
            self.entries.append({"text": "", "links": []})
        if tag == "p" and "what" in cls and self.in_entry:
            self.in_what = True
        if tag == "a" and a.get("href"):
            if self.in_entry:
                self.entries[-1]["links"].append((a["href"], a.get("rel") or ""))
            elif self.in_topics:
                self.topics.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_what = False
        if tag == "li" and self.in_entry and not self.in_topics:
            self.in_entry = False
        if tag == "nav":
            self.in_topics = False

    def handle_data(self, data):
        if self.in_what:
            self.entries[-1]["text"] += data


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8", "replace")


def page_ids(text):
    return set(re.findall(r'\sid="([^"]+)"', text))


problems, checked_internal, checked_outside, pages = [], set(), set(), {}


def load(url):
    if url not in pages:
        try:
            status, text = fetch(url)
            pages[url] = text if status == 200 else None
        except Exception as error:  # any failure to fetch is the link's problem, reported below
            pages[url] = None
            problems.append("%s: %s" % (url, error))
    return pages[url]


def check_page(url):
    text = load(url)
    if text is None:
        problems.append("%s does not load" % url)
        return None
    parser = Timeline()
    parser.feed(text)
    for entry in parser.entries:
        if not entry["links"]:
            problems.append("%s: the entry '%s' has no source link" % (url, entry["text"].strip()))
        for href, rel in entry["links"]:
            target = urljoin(url, href)
            parts = urlparse(target)
            if target.startswith(base):
                page, fragment = urldefrag(target)
                body = load(page)
                checked_internal.add(target)
                if body is None:
                    problems.append("%s: link %s does not resolve" % (url, href))
                elif fragment and fragment not in page_ids(body):
                    problems.append("%s: link %s names #%s, which %s does not have" % (url, href, fragment, page))
            else:
                checked_outside.add(target)
                # A report's own page: a path, or a query naming it (`/?p=152342`), never a bare home page.
                if parts.scheme != "https" or not parts.netloc or (parts.path in ("", "/") and not parts.query):
                    problems.append("%s: outside link %s is not an https address with a path" % (url, href))
                if "noopener" not in rel.split() or "noreferrer" not in rel.split():
                    problems.append("%s: outside link %s lacks rel=noopener noreferrer" % (url, href))
    return parser


main_url = urljoin(base, "timeline/index.html")
timeline = check_page(main_url)
if timeline is not None:
    listed = [" ".join(e["text"].split()) for e in timeline.entries]
    wanted = events(events_file)
    missing = [text for text in wanted if " ".join(text.split()) not in listed]
    for text in missing:
        problems.append("timeline/index.html does not list the event '%s'" % text)
    if not wanted:
        problems.append("%s holds no events" % events_file)
    for href in timeline.topics:
        check_page(urljoin(main_url, href))
    print("timeline: %d entries; %d of the %d events of %s listed; %d topic timelines"
          % (len(timeline.entries), len(wanted) - len(missing), len(wanted), events_file, len(timeline.topics)))
print("source links: %d into the site resolve, %d outside are https addresses with a path"
      % (len(checked_internal), len(checked_outside)))
for problem in problems:
    print("  " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
