#!/usr/bin/env python3
"""make hostile: builds a small site spoiled by each pathological input the build must survive, with the release
binary, and prints each build's exit status, wall time and peak memory against the limits (2 s, 500 MB).

  python3 bench/hostile.py [--binary .build/release/dossier]

Exit status 1 when a build crashed, hung, took too long or used too much memory. Peak memory is GNU time's: the
largest of the build and each worker process it waited for.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT_SECONDS = 2.0
LIMIT_MIB = 500
NOTE = "---\ntitle: Hostile\ndate: 2025-01-01\n---\n"


def table(columns, size):
    """A table as compact as GFM allows (`|a|a|…`, `|-|-|…`), then one-letter rows up to `size` bytes: every
    row is padded to the header's width, so the cells grow as columns times rows."""
    header = "|a" * columns + "|\n"
    rule = "|-" * columns + "|\n"
    return header + rule + "x\n" * max(1, (size - len(header) - len(rule)) // 2)


def cache_with_huge_length(site):
    """Overwrites the first note's topic count in the note cache with a length of exabytes."""
    path = os.path.join(site, ".dossier-cache", "notes")
    data = bytearray(open(path, "rb").read())
    import re
    match = re.search(rb"\d{4}-\d\d-\d\d", bytes(data))
    offset = match.end() + 1
    if data[match.end()] == 1:  # a summary follows: skip it
        offset += 8 + int.from_bytes(data[offset:offset + 8], "little")
    data[offset:offset + 8] = (0x1F40000000000000).to_bytes(8, "little")
    open(path, "wb").write(data)
    with open(os.path.join(site, "templates", "note.mustache"), "a") as f:
        f.write("\n")


def laughs(indent=""):
    """Nine lines of YAML, each an anchored list of nine aliases of the line before: 9^9 items once expanded."""
    lines = [indent + "a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [indent + "a%d: &a%d [%s]" % (k, k, ", ".join(["*a%d" % (k - 1)] * 9)) for k in range(1, 9)]
    return "\n".join(lines) + "\n"


CASES = [
    ("note: 5,000-column table (30 KB)", {"content/notes/hostile.md": NOTE + table(5000, 30 * 1024)}),
    ("note: 2,000-column table (12 KB)", {"content/notes/hostile.md": NOTE + table(2000, 12 * 1024)}),
    ("note: 960 KB of '![[]()'", {"content/notes/hostile.md": NOTE + "![[]()" * (960 * 1024 // 6)}),
    ("note: 50,000 nested block quotes", {"content/notes/hostile.md": NOTE + "> " * 50000 + "x\n"}),
    ("note: 100,000 nested brackets", {"content/notes/hostile.md": NOTE + "[" * 100000 + "]" * 100000}),
    ("article: 20 KB of 'a a a … sq ft'", {"content/articles/2025-01-01-hostile.txt": "a " * 10000 + "sq ft\n"}),
    ("template: 425 KB", {"templates/note.mustache": "<p>{{pageTitle}} text here</p>\n" * 14000}),
    ("template: 20,000 nested sections", {"templates/note.mustache": "{{#title}}" * 20000 + "{{/title}}" * 20000}),
    ("template: partial that includes itself", {"templates/loop.mustache": "{{> loop}}"}),
    ("cache: a length field overwritten", cache_with_huge_length),
    ("topics.yml: an alias bomb as a key", {"content/topics.yml": "- name: Kursk\n  x:\n" + laughs("    ") + "- {? *a8 : 1, name: Y}\n"}),
    ("note: an alias bomb as a front matter key", {"content/notes/hostile.md": "---\ntitle: X\n" + laughs() + "? *a8\n: 1\n---\nbody\n"}),
]


def measure(binary, site):
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        try:
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, binary, "build", site],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
            status, errors = proc.returncode, proc.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired:
            return None, 60.0, 0, "killed after 60 s"
        wall = time.perf_counter() - start
        lines = report.read().strip().splitlines()
        peak = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else 0
    lines = errors.splitlines()
    message = next((l for l in lines if ": error: " in l or ": warning: the build cache" in l), lines[0] if lines else "")
    return status, wall, peak, message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "dossier"))
    args = parser.parse_args()
    failed = False
    print("%-42s %6s %8s %9s  %s" % ("input", "status", "wall s", "peak MiB", "first message"))
    for name, change in CASES:
        with tempfile.TemporaryDirectory(prefix="dossier-hostile-") as work:
            site = os.path.join(work, "site")
            os.mkdir(site)
            for part in ("content", "templates"):
                shutil.copytree(os.path.join(ROOT, part), os.path.join(site, part))
            subprocess.run([args.binary, "build", site], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if callable(change):
                change(site)
            else:
                for path, text in change.items():
                    with open(os.path.join(site, path), "w") as f:
                        f.write(text)
            status, wall, peak, message = measure(args.binary, site)
            crashed = status is None or status not in (0, 1)
            over = wall > LIMIT_SECONDS or peak > LIMIT_MIB
            failed |= crashed or over
            print("%-42s %6s %8.2f %9.0f  %s%s" % (name, status, wall, peak, message[:110],
                                                 "  <-- OVER LIMIT" if over else "  <-- CRASH" if crashed else ""))
    print("limits: %.0f s and %d MiB per build" % (LIMIT_SECONDS, LIMIT_MIB))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
