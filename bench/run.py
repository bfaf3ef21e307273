#!/usr/bin/env python3
"""make bench: builds synthetic dossiers with dossier, Hugo and the cmark-gfm command line in one run, and prints
median wall times, peak memory and the ratios the performance targets are stated in.

  python3 bench/run.py [--sizes 1000,10000,50000] [--runs 3]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate  # noqa: E402

DOSSIER = os.path.join(ROOT, ".build", "release", "dossier")
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]


def timed(cmd, cwd=None, cpus=None):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS in MiB)."""
    prefix = ["taskset", "-c", cpus] if cpus else []
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + prefix + cmd, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(cmd), proc.stderr.decode()[-2000:]))
        peak_kib = int(report.read().strip().splitlines()[-1])
    return wall, peak_kib / 1024


def median_of(runs, fn):
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def hugo_site(site, hugo_dir):
    """The same notes as a Hugo site: front matter kept, links to articles pointed at a page that exists."""
    shutil.copytree(os.path.join(HERE, "hugo"), hugo_dir)
    notes = os.path.join(hugo_dir, "content", "notes")
    os.makedirs(notes)
    with open(os.path.join(hugo_dir, "content", "_index.md"), "w") as f:
        f.write("---\ntitle: Benchmark\n---\n")
    for name in os.listdir(os.path.join(site, "content", "notes")):
        with open(os.path.join(site, "content", "notes", name)) as src:
            text = src.read()
        text = re.sub(r"\]\(\.\./articles/[^)]*\)", "](https://example.org/)", text)
        with open(os.path.join(notes, name), "w") as dst:
            dst.write(text)


class Trash:
    """Where outputs go between runs. They are moved aside, not deleted, until every timing is taken: ext4 without
    a journal (this machine's disk) skips inodes freed in the last minute when it allocates new ones, one by one,
    so a build started right after deleting the last one pays seconds of kernel time for the harness's deletion
    (measured here: 0.7 s to create 10,000 folders and files a minute after a deletion, 2 to 10 s right after)."""

    def __init__(self, work):
        self.folder = os.path.join(work, "trash")
        self.count = 0

    def put(self, path):
        if os.path.lexists(path):
            os.makedirs(self.folder, exist_ok=True)
            self.count += 1
            os.rename(path, os.path.join(self.folder, str(self.count)))


def clean(site, trash):
    # The previous tree too: it lists what it holds, and a build would reuse it.
    for name in ("public", ".public.prev", ".dossier-cache"):
        trash.put(os.path.join(site, name))
    os.sync()


def bench(n, runs, work, trash):
    site = os.path.join(work, "site-%d" % n)
    generate.generate(site, n)
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(site, "templates"))
    bodies = sorted(os.path.join(site, "content", "notes", f) for f in os.listdir(os.path.join(site, "content", "notes")))
    build = [DOSSIER, "build", site]

    def cold():
        clean(site, trash)
        return timed(build)

    row = {"n": n}
    row["cold"] = median_of(runs, cold)
    row["nochange"] = median_of(runs, lambda: timed(build))
    edited = bodies[len(bodies) // 2]
    original = open(edited).read()

    def one_edit():
        with open(edited, "a") as f:
            f.write("\nAn edit at %f.\n" % time.perf_counter())
        result = timed(build)
        with open(edited, "w") as f:
            f.write(original)
        timed(build)
        return result

    row["oneedit"] = median_of(runs, one_edit)

    # The output after edits and rebuilds must be byte-identical to a cold build.
    reference = os.path.join(work, "reference-%d" % n)
    subprocess.run(build + ["--output", reference], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    diff = subprocess.run(["diff", "-r", "-q", reference, os.path.join(site, "public")], stdout=subprocess.PIPE)
    row["identical"] = diff.returncode == 0

    hugo_dir = os.path.join(work, "hugo-%d" % n)
    hugo_site(site, hugo_dir)

    def hugo():
        trash.put(os.path.join(hugo_dir, "public"))
        trash.put(os.path.join(hugo_dir, "resources"))
        os.sync()
        return timed(["hugo", "--quiet", "--source", hugo_dir, "--destination", os.path.join(hugo_dir, "public")])

    row["hugo"] = median_of(runs, hugo)
    # The floor: cmark-gfm's own command line over the same Markdown, on one core. It concatenates the files
    # it is given; they are concatenated beforehand because 50,000 names do not fit on a command line.
    joined = os.path.join(work, "all-notes-%d.md" % n)
    with open(joined, "wb") as out:
        for body in bodies:
            with open(body, "rb") as f:
                out.write(f.read())
    row["floor"] = median_of(runs, lambda: timed(CMARK + [joined], cpus="0"))
    os.remove(joined)
    for path in (hugo_dir, reference, site):
        trash.put(path)
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=None, help="folder to build in (default: the system's temporary folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="dossier-bench-", dir=args.work)
    trash = Trash(work)
    fs = subprocess.run(["stat", "-f", "-c", "%T", work], stdout=subprocess.PIPE, text=True).stdout.strip()
    rows = []
    print("median of %d runs; peak memory from GNU time; machine: %d cores; building in %s (%s); outputs moved aside,"
          " not deleted, until the end" % (args.runs, os.cpu_count(), work, fs))
    print("%8s | %-17s | %-17s | %-17s | %-17s | %-17s | %9s | %11s | %9s %9s | %s" % (
        "notes", "dossier cold", "no change", "one note edited", "Hugo", "cmark-gfm floor", "vs Hugo", "vs floor",
        "rebuild", "edit", "identical"), flush=True)
    try:
        for n in sizes:
            print("benchmarking %d notes..." % n, file=sys.stderr, flush=True)
            r = bench(n, args.runs, work, trash)
            rows.append(r)
            fmt = lambda t: "%6.3f s %6.1f MiB" % t
            print("%8d | %s | %s | %s | %s | %s | %8.3fx | %10.3fx | %8.3fx %8.3fx | %s" % (
                r["n"], fmt(r["cold"]), fmt(r["nochange"]), fmt(r["oneedit"]), fmt(r["hugo"]), fmt(r["floor"]),
                r["cold"][0] / r["hugo"][0], r["cold"][0] / r["floor"][0], r["nochange"][0] / r["cold"][0],
                r["oneedit"][0] / r["cold"][0], "yes" if r["identical"] else "NO"), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    by_n = {r["n"]: r for r in rows}
    if 10000 in by_n and 50000 in by_n:
        print("growth 10,000 → 50,000 notes: %.2fx the time (target at most 5.5x)" % (by_n[50000]["cold"][0] / by_n[10000]["cold"][0]))
    if 10000 in by_n:
        r = by_n[10000]
        checks = [
            ("cold build at most 0.2x Hugo", r["cold"][0] <= 0.2 * r["hugo"][0]),
            ("cold build at most 1.5x the cmark-gfm floor", r["cold"][0] <= 1.5 * r["floor"][0]),
            ("peak memory at most 200 MiB", max(r["cold"][1], r["nochange"][1], r["oneedit"][1]) <= 200),
            ("no-change rebuild at most 0.1x cold", r["nochange"][0] <= 0.1 * r["cold"][0]),
            ("one-note rebuild at most 0.15x cold", r["oneedit"][0] <= 0.15 * r["cold"][0]),
            ("rebuilt output identical to a cold build", r["identical"]),
        ]
        for name, ok in checks:
            print("%-45s %s" % (name, "met" if ok else "MISSED"))


if __name__ == "__main__":
    main()
