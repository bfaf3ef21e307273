#!/usr/bin/env python3
"""Checks the briefing's PDF against its page: every section heading and the as-of date are in the printed text,
every table cell's text is there (nothing cut off at the edge), no word is set beyond the paper's width, and no
internal link prints its relative address.
Usage: briefing_pdf.py PAGE.html PDF. Prints what it checked; exits 1 with each problem otherwise."""
import html
import html.parser
import re
import subprocess
import sys


class Page(html.parser.HTMLParser):
    """The page's h2 headings, the as-of date's text and the text of every table cell, as a reader sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.cells, self.as_of = [], [], None
        self._h2 = self._cell = self._as_of = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h2":
            self._h2 = ""
        elif tag in ("td", "th"):
            self._cell = ""
        elif tag == "p" and "as-of" in (a.get("class") or "").split():
            self._as_of = True
        elif tag == "time" and self._as_of and self.as_of is None:
            self.as_of = ""

    def handle_endtag(self, tag):
        if tag == "h2" and self._h2 is not None:
            self.headings.append(self._h2.strip())
            self._h2 = None
        elif tag in ("td", "th") and self._cell is not None:
            self.cells.append(self._cell.strip())
            self._cell = None
        elif tag == "time" and self._as_of:
            self._as_of = False
        elif tag == "p":
            self._as_of = None

    def handle_data(self, data):
        if self._h2 is not None:
            self._h2 += data
        if self._cell is not None:
            self._cell += data
        if self._as_of and self.as_of is not None:
            self.as_of += data


def squeeze(text):
    """Text without spaces, line breaks or hyphens a line break may add, and with typographic quotes plain."""
    text = text.replace("\u2019", "'").replace("\u00ad", "")
    return re.sub(r"[\s\u00a0\u2010-]+", "", text)


def main(page_path, pdf_path):
    page = Page()
    page.feed(open(page_path, encoding="utf-8").read())
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    printed = squeeze(text)
    problems = []
    if not page.headings:
        problems.append("the page has no section headings")
    for heading in page.headings:
        if squeeze(heading) not in printed:
            problems.append(f"section heading '{heading}' is not in the PDF")
    if not page.as_of:
        problems.append("the page has no as-of date")
    elif squeeze("As of " + page.as_of) not in printed:
        problems.append(f"the as-of date '{page.as_of}' is not in the PDF")
    # Internal links print as their titles: no relative address after them.
    for address in sorted(set(re.findall(r"(?:\.\./)+\S*|\S*index\.html\S*", text))):
        problems.append(f"a relative address is printed: {address}")
    # Every word of every table cell, each as often as the cells have it, among the PDF's words (a cell's lines
    # interleave with its neighbours' in the PDF's text, so cells are matched word by word), and every word
    # inside the paper: a table wider than the page would cut words off or set them past its right edge.
    bbox = subprocess.run(["pdftotext", "-bbox", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    pages = 0
    width = None
    found = {}
    for line in bbox.splitlines():
        m = re.search(r'<page width="([\d.]+)"', line)
        if m:
            width, pages = float(m.group(1)), pages + 1
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if m and width is not None:
            word = squeeze(html.unescape(m.group(3)))
            found[word] = found.get(word, 0) + 1
            if float(m.group(2)) > width + 0.5 or float(m.group(1)) < -0.5:
                problems.append(f"'{m.group(3)}' is set beyond the page's width ({m.group(2)} > {width}) on page {pages}")
    words = 0
    for cell in page.cells:
        for word in cell.split():
            word, words = squeeze(word), words + 1
            if not word:
                continue
            if found.get(word, 0) > 0:
                found[word] -= 1
            else:
                problems.append(f"'{word}' of table cell '{cell}' is not in the PDF: the table is clipped")
    # A4 is 595 x 842 points.
    if width is None or abs(width - 595) > 2:
        problems.append(f"the PDF's pages are not A4 wide (595 pt): {width}")
    for problem in problems:
        print("briefing PDF: " + problem, file=sys.stderr)
    if problems:
        return 1
    print(f"briefing PDF: {pages} A4 pages, every word inside the paper; {len(page.headings)} section headings, "
          f"the as-of date '{page.as_of}' and all {words} words of the {len(page.cells)} table cells are in its text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
