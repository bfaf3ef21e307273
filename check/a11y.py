#!/usr/bin/env python3
"""Checks every page of a built site for what a screen-reader user needs: a language, one h1, headings that do not
skip levels, link text that says where it goes, and a text alternative for the chart. Prints each problem and
exits 1 if there are any."""
import html.parser
import os
import sys

VAGUE = {"here", "click here", "more", "read more", "link", "this", "this page"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.headings = []
        self.links = []          # (href, text, aria-label)
        self.svgs = []           # (role, aria-labelledby, has title, has desc)
        self._link = None
        self._svg = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self._link = [a.get("href"), "", a.get("aria-label")]
        if tag == "svg":
            self._svg = {"role": a.get("role"), "labelledby": a.get("aria-labelledby"), "title": False, "desc": False,
                         "hidden": a.get("aria-hidden") == "true"}
        if self._svg is not None and tag in ("title", "desc"):
            self._svg[tag] = True

    def handle_endtag(self, tag):
        if tag == "a" and self._link:
            self.links.append(tuple(self._link))
            self._link = None
        if tag == "svg" and self._svg is not None:
            self.svgs.append(self._svg)
            self._svg = None

    def handle_data(self, data):
        if self._link:
            self._link[1] += data


def check(root):
    problems = []
    pages = 0
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            pages += 1
            path = os.path.relpath(os.path.join(folder, name), root)
            page = Page()
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                page.feed(f.read())
            if not page.lang:
                problems.append("%s: no lang attribute on <html>" % path)
            if page.headings.count(1) != 1:
                problems.append("%s: %d h1 elements (one expected)" % (path, page.headings.count(1)))
            for before, after in zip(page.headings, page.headings[1:]):
                if after > before + 1:
                    problems.append("%s: heading level jumps from h%d to h%d" % (path, before, after))
            for href, text, label in page.links:
                words = " ".join((label or text).split()).lower()
                if not words or words in VAGUE:
                    problems.append("%s: link to %s has no text that says where it goes (%r)" % (path, href, text))
            # A picture hidden from assistive technology (a legend's swatch beside its text) needs no label.
            for svg in page.svgs:
                if svg["hidden"]:
                    continue
                if svg["role"] != "img" or not svg["labelledby"] or not (svg["title"] and svg["desc"]):
                    problems.append("%s: a chart without role=img, title and description" % path)
    return pages, problems


if __name__ == "__main__":
    pages, problems = check(sys.argv[1])
    for p in problems:
        print("  " + p)
    print("accessibility: %d pages checked, %d problems" % (pages, len(problems)))
    sys.exit(1 if problems else 0)
