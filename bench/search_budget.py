#!/usr/bin/env python3
"""The search budgets on a built site: the index's size on disk, the bytes a query fetches (computed by doing
in Python what templates/assets/search.js does: the same word keys, shard hash and ranking) and the time the
script's own ranking takes in node once the data has arrived (JSON parsing included).

    python3 bench/search_budget.py PUBLIC_DIR "Zelenskyy Sudzha" ["drone strike" ...]
"""
import json
import os
import shutil
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "templates", "assets", "search.js")
PAGE = 20
CLITICS = ["s", "d", "ll", "re", "ve", "m", "t"]
APOSTROPHES = {0x27, 0x2019, 0x2BC, 0x2B9, 0x2BA}


def is_word(cp):
    if cp < 0x80:
        return 0x30 <= cp <= 0x39 or 0x41 <= cp <= 0x5A or 0x61 <= cp <= 0x7A
    cat = unicodedata.category(chr(cp))
    return cat[0] in "LN" or cat == "Mn"


def joins(cps, start):
    part = []
    for cp in cps[start:start + 3]:
        if not is_word(cp) or cp in APOSTROPHES:
            break
        part.append(cp)
    if len(part) == 3:
        return True
    return bool(part) and not any(len(c) == len(part) and all((p | 0x20) == ord(x) for p, x in zip(part, c)) for c in CLITICS)


def fold(text):
    b = bytearray(x + 0x20 if 0x41 <= x <= 0x5A else x for x in text.encode() if x != 0x27)
    iota, iotated = b"yij", b"aue"
    if sum(1 for x in b if x & 0xC0 != 0x80) >= 6:
        for i in range(len(b) - 1):
            if b[i] in iota and b[i + 1] in iotated:
                b[i] = ord("j")
        start = len(b)
        while start > 0 and b[start - 1] in iota:
            start -= 1
        tail = len(b) - start
        if start > 1 and tail in (1, 2) and b[start] != ord("j"):
            adjectival = b[start - 1] == ord("k") and b[start - 2] in b"sc"
            consonant = 0x61 <= b[start - 1] <= 0x7A and b[start - 1] not in b"aeiouyj"
            if (consonant if tail == 2 else adjectival):
                b = b[:start] + b"yj"
    return b.decode()


def key(cps):
    if all(cp < 0x80 for cp in cps):
        return fold("".join(map(chr, cps)))
    plain = ""
    for cp in cps:
        if cp in (0x12C, 0x12D):
            plain += "j"
        elif cp in (0xCF, 0xEF):
            plain += "i"
        elif cp != 0x361 and cp not in APOSTROPHES:
            plain += chr(cp).lower()
    return fold(plain)


def words(text):
    cps = [ord(c) for c in text]
    keys, start = [], None
    for i, cp in enumerate(cps):
        if (start is not None and joins(cps, i + 1)) if cp in APOSTROPHES else is_word(cp):
            if start is None:
                start = i
        elif start is not None:
            keys.append(key(cps[start:i]))
            start = None
    if start is not None:
        keys.append(key(cps[start:]))
    return keys


def shard(term, count):
    h = 0x811C9DC5
    for x in term.encode():
        h = ((h ^ x) * 0x01000193) & 0xFFFFFFFF
    return h & (count - 1)


def decode(values):
    out, doc = {}, -1
    for v in values:
        doc += v // 8
        out[doc] = v % 8
    return out


def weight(fields):
    return 100 if fields & 4 else 10 if fields & 2 else 1


def folder_size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def query(public, text):
    """What a search for `text` fetches, as the script fetches it: (bytes of index data, results, files)."""
    base = os.path.join(public, "search")
    meta = json.load(open(os.path.join(base, "meta.json")))
    files = ["meta.json"]
    terms = list(dict.fromkeys(words(text)))
    shards = list(dict.fromkeys(shard(t, meta["shards"]) for t in terms))
    files += ["terms/%d.json" % n for n in shards]
    tables = {n: json.load(open(os.path.join(base, "terms/%d.json" % n))) for n in shards}
    postings = sorted((decode(tables[shard(t, meta["shards"])].get(t, [])) for t in terms), key=len)
    ranked = []
    for doc, fields in postings[0].items():
        if all(doc in p for p in postings[1:]):
            ranked.append((-sum(weight(p[doc]) for p in postings), doc))
    ranked.sort()
    chunks = list(dict.fromkeys(doc // meta["chunk"] for _, doc in ranked[:PAGE]))
    files += ["docs/%d.json" % n for n in chunks]
    return sum(os.path.getsize(os.path.join(base, f)) for f in files), len(ranked), files


NODE_TIMER = r"""
const s = require(process.argv[1]);
const [base, text, runs] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const fs = require("fs");
const meta = JSON.parse(fs.readFileSync(base + "/meta.json", "utf8"));
const terms = Array.from(new Set(s.words(text)));
const raw = terms.map(t => fs.readFileSync(base + "/terms/" + s.shard(t, meta.shards) + ".json", "utf8"));
const times = [];
let count = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const tables = raw.map(t => JSON.parse(t));
  count = s.rank(terms, tables).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ms: times[Math.floor(times.length / 2)], max: times[times.length - 1], results: count}));
"""


def time_in_node(public, text, runs=21):
    node = shutil.which("node")
    if not node:
        return None
    out = subprocess.run([node, "-e", NODE_TIMER, SCRIPT, os.path.join(public, "search"), text, str(runs)],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    return json.loads(out)


def report(public, queries):
    """Lines saying each budget and whether it is met; the index's size and, per query, bytes and time."""
    lines, ok = [], True
    size = folder_size(os.path.join(public, "search"))
    met = size <= 15 * 1000 * 1000
    ok &= met
    lines.append("search index on disk: %.2f MB in %d files (budget 15 MB): %s" % (
        size / 1e6, sum(len(f) for _, _, f in os.walk(os.path.join(public, "search"))), "met" if met else "MISSED"))
    page = sum(os.path.getsize(os.path.join(public, p)) for p in ("search/index.html", "assets/search.js", "assets/style.css"))
    for text in queries:
        fetched, results, files = query(public, text)
        met = fetched <= 300 * 1000
        ok &= met
        lines.append("query %r: %d results, %.1f KB of index fetched in %d files (budget 300 KB): %s; the page, script and"
                     " stylesheet add %.1f KB" % (text, results, fetched / 1e3, len(files), "met" if met else "MISSED", page / 1e3))
        timing = time_in_node(public, text)
        if timing is None:
            lines.append("  no node here: the query's time is not measured")
        else:
            met = timing["max"] < 100 and timing["results"] == results
            ok &= met
            lines.append("  parse and rank in node (the script's own code): median %.1f ms, slowest %.1f ms (budget 100 ms),"
                         " same %d results as Python: %s" % (timing["ms"], timing["max"], timing["results"], "met" if met else "MISSED"))
    return lines, ok


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lines, ok = report(sys.argv[1], sys.argv[2:])
    print("\n".join(lines))
    sys.exit(0 if ok else 1)
