#!/usr/bin/env python3
"""make bench: builds synthetic dossiers with dossier, Hugo and the cmark-gfm command line in one run, and prints
median wall times, peak memory and the ratios the performance targets are stated in, and how long `dossier serve`
takes from a saved note to its pages' reload event (bench/serve_latency.py). With --reference, another
dossier binary (say, the build of main before a change) builds a copy of each site too, run by run alternately
with this one, and the two are printed side by side.

  python3 bench/run.py [--sizes 1000,10000,50000] [--runs 3] [--work DIR]
                       [--reference PATH [--reference-templates DIR] [--reference-config FILE]
                                         [--reference-old-territory]]
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
import search_budget  # noqa: E402
import serve_latency  # noqa: E402

DOSSIER = os.path.join(ROOT, ".build", "release", "dossier")
SERVE_EDITS = 7
SEARCH_QUERIES = ["Zelenskyy Sudzha", "drone strike"]
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
    return interleaved(runs, [fn])[0]


def interleaved(runs, fns):
    """Each of fns once per round, the order reversed every other round so that neither always runs on a cache
    the other warmed or a disk the other filled; for each, the median wall time and the largest peak memory."""
    results = [[] for _ in fns]
    for r in range(runs):
        for i in (range(len(fns)) if r % 2 == 0 else reversed(range(len(fns)))):
            results[i].append(fns[i]())
    return [(statistics.median(x[0] for x in res), max(x[1] for x in res)) for res in results]


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

    def __init__(self, work, delete):
        self.folder = os.path.join(work, "trash")
        self.count = 0
        # In memory (tmpfs) nothing is slowed by a deletion, and kept outputs would hold the machine's memory: at
        # 50,000 notes, 15 GiB of it before Hugo's second run, which then thrashed.
        self.delete = delete

    def put(self, path):
        if os.path.lexists(path):
            if self.delete:
                shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
                return
            os.makedirs(self.folder, exist_ok=True)
            self.count += 1
            os.rename(path, os.path.join(self.folder, str(self.count)))


def clean(site, trash):
    # The previous tree too: it lists what it holds, and a build would reuse it.
    for name in ("public", ".public.prev", ".dossier-cache"):
        trash.put(os.path.join(site, name))
    os.sync()


class Builder:
    """One dossier binary and the copy of the site it builds: each keeps its own output and build cache."""

    def __init__(self, binary, site):
        self.site = site
        self.command = [binary, "build", site]
        self.notes = sorted(os.path.join(site, "content", "notes", f) for f in os.listdir(os.path.join(site, "content", "notes")))


def write_bench_config(source, target):
    """The shipped site.yml without its top-level `summary:` block: the briefing's key points name the shipped
    notes, which a generated site does not have."""
    out, skipping = [], False
    for line in open(source, encoding="utf-8"):
        top_level = line[:1] not in (" ", "\t", "-", "#", "\n")
        if top_level:
            skipping = line.startswith("summary:")
        if not skipping:
            out.append(line)
    with open(target, "w", encoding="utf-8") as f:
        f.writelines(out)


def bench(n, runs, work, trash, reference=None, reference_templates=None, reference_config=None,
          reference_old_territory=False):
    site = os.path.join(work, "site-%d" % n)
    generate.generate(site, n)
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(site, "templates"))
    # The shipped configuration, so that the build reads one as a real site's does (a binary from before
    # site.yml ignores it).
    if os.path.exists(os.path.join(ROOT, "site.yml")):
        write_bench_config(os.path.join(ROOT, "site.yml"), os.path.join(site, "site.yml"))
    builders = [Builder(DOSSIER, site)]
    if reference:
        reference_site = os.path.join(work, "site-%d-reference" % n)
        shutil.copytree(site, reference_site, ignore=shutil.ignore_patterns("templates"))
        shutil.copytree(reference_templates or os.path.join(ROOT, "templates"), os.path.join(reference_site, "templates"))
        if reference_config:
            write_bench_config(reference_config, os.path.join(reference_site, "site.yml"))
        if reference_old_territory:
            generate.old_territory(reference_site)
        builders.append(Builder(reference, reference_site))
    bodies = builders[0].notes
    build = builders[0].command

    def cold(builder):
        def run():
            clean(builder.site, trash)
            return timed(builder.command)
        return run

    edits = [0]

    def edit_and_build(builder, position, words):
        """Appends a sentence no earlier run wrote to one note, times the build, then puts the note back and builds
        again, so that the output ends as the content is."""
        edited = builder.notes[position]
        original = open(edited).read()
        with open(edited, "a") as f:
            f.write("\n%s, number %d.\n" % (words, edits[0] // len(builders)))
        edits[0] += 1
        result = timed(builder.command)
        with open(edited, "w") as f:
            f.write(original)
        timed(builder.command)
        return result

    def one_edit(builder):
        # The same note in each copy, with the same new text in one round.
        return lambda: edit_and_build(builder, len(builder.notes) // 2, "An edit")

    def first_edit(builder):
        # The rebuild an editor meets first: a cold build, then one note changed (the output has no second tree yet).
        def run():
            clean(builder.site, trash)
            timed(builder.command)
            return edit_and_build(builder, len(builder.notes) // 3, "A first edit")
        return run

    stages = [("cold", cold), ("nochange", lambda b: lambda: timed(b.command)), ("oneedit", one_edit),
              ("firstedit", first_edit)]
    row = {"n": n}
    for name, stage in stages:
        results = interleaved(runs, [stage(b) for b in builders])
        row[name] = results[0]
        if reference:
            row["reference " + name] = results[1]

    # The output after edits and rebuilds must be byte-identical to a cold build.
    reference_output = os.path.join(work, "cold-%d" % n)
    subprocess.run(build + ["--output", reference_output], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    diff = subprocess.run(["diff", "-r", "-q", reference_output, os.path.join(site, "public")], stdout=subprocess.PIPE)
    row["identical"] = diff.returncode == 0
    # The search budgets, on the cold build's index: a name in another spelling with a place, and two of the
    # commonest words (the most postings a two-word query can fetch).
    row["search"] = search_budget.report(reference_output, SEARCH_QUERIES)
    trash.put(reference_output)
    # dossier serve on the same site, the build stages done: from a saved note to its pages' reload event, in ms.
    row["serve"] = serve_latency.measure(DOSSIER, site, SERVE_EDITS)
    if reference:
        diff = subprocess.run(["diff", "-r", "-q", os.path.join(site, "public"), os.path.join(builders[1].site, "public")],
                              stdout=subprocess.PIPE, text=True)
        row["same as reference"] = diff.returncode == 0
        row["differing files"] = len(diff.stdout.splitlines())
        trash.put(builders[1].site)

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
    for path in (hugo_dir, site):
        trash.put(path)
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=None, help="folder to build in (default: the system's temporary folder)")
    parser.add_argument("--reference", default=None, metavar="PATH",
                        help="another dossier binary to build the same sites with, alternately, for comparison")
    parser.add_argument("--reference-templates", default=None, metavar="DIR",
                        help="the templates the reference builds with (default: this repository's)")
    parser.add_argument("--reference-config", default=None, metavar="FILE",
                        help="the site.yml the reference builds with (default: this repository's), for a binary "
                             "that predates some of its sections")
    parser.add_argument("--reference-old-territory", action="store_true",
                        help="give the reference territory.csv in its seven columns of before quotes and primary statements")
    args = parser.parse_args()
    reference = os.path.abspath(args.reference) if args.reference else None
    if reference and not (os.path.isfile(reference) and os.access(reference, os.X_OK)):
        sys.exit("--reference %s: not an executable file" % args.reference)
    if args.reference_templates and not reference:
        sys.exit("--reference-templates needs --reference")
    if args.reference_templates and not os.path.isdir(args.reference_templates):
        sys.exit("--reference-templates %s: not a folder" % args.reference_templates)
    if args.reference_config and not (reference and os.path.isfile(args.reference_config)):
        sys.exit("--reference-config %s: needs --reference, and a file" % args.reference_config)
    sizes = [int(s) for s in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="dossier-bench-", dir=args.work)
    fs = subprocess.run(["stat", "-f", "-c", "%T", work], stdout=subprocess.PIPE, text=True).stdout.strip()
    trash = Trash(work, delete=fs == "tmpfs")
    rows = []
    print("median of %d runs; peak memory from GNU time; machine: %d cores; building in %s (%s); %s" % (
        args.runs, os.cpu_count(), work, fs,
        "outputs deleted between runs" if trash.delete else "outputs moved aside, not deleted, until the end"))
    print("%8s | %-17s | %-17s | %-17s | %-17s | %-17s | %9s | %11s | %9s %9s | %s" % (
        "notes", "dossier cold", "no change", "one note edited", "Hugo", "cmark-gfm floor", "vs Hugo", "vs floor",
        "rebuild", "edit", "identical"), flush=True)
    print("%8s   (one note edited: the median of edits after an edit; the first edit after a cold build is on the line"
          " below each row)" % "")
    try:
        for n in sizes:
            print("benchmarking %d notes..." % n, file=sys.stderr, flush=True)
            r = bench(n, args.runs, work, trash, reference, args.reference_templates, args.reference_config,
                      args.reference_old_territory)
            rows.append(r)
            print("%8d | %s | %s | %s | %s | %s | %8.3fx | %10.3fx | %8.3fx %8.3fx | %s" % (
                r["n"], fmt(r["cold"]), fmt(r["nochange"]), fmt(r["oneedit"]), fmt(r["hugo"]), fmt(r["floor"]),
                r["cold"][0] / r["hugo"][0], r["cold"][0] / r["floor"][0], r["nochange"][0] / r["cold"][0],
                r["oneedit"][0] / r["cold"][0], "yes" if r["identical"] else "NO"), flush=True)
            print("%8s | first edit after a cold build: %s, %.3fx cold" % (
                "", fmt(r["firstedit"]), r["firstedit"][0] / r["cold"][0]), flush=True)
            print("%8s | dossier serve, save to reload: median %.0f ms, slowest %.0f ms (%d saves)" % (
                "", statistics.median(r["serve"]), max(r["serve"]), len(r["serve"])), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if reference:
        print_comparison(rows, reference, args.reference_templates)
    by_n = {r["n"]: r for r in rows}
    checks = []
    if 10000 in by_n and 50000 in by_n:
        big, r = by_n[50000], by_n[10000]
        growth = big["cold"][0] / r["cold"][0]
        print("growth 10,000 → 50,000 notes: %.2fx the time (target at most 5x)" % growth)
        checks += [("50,000 notes: at most 5x the 10,000-note time", growth <= 5),
                   ("50,000 notes: peak memory at most 300 MiB",
                    max(big[s][1] for s in ("cold", "nochange", "oneedit", "firstedit")) <= 300)]
    if 10000 in by_n:
        r = by_n[10000]
        checks = [
            ("cold build at most 1.0x the one-core cmark-gfm floor", r["cold"][0] <= 1.0 * r["floor"][0]),
            ("cold build at most 0.35x Hugo", r["cold"][0] <= 0.35 * r["hugo"][0]),
            ("peak memory at most 150 MiB", max(r[s][1] for s in ("cold", "nochange", "oneedit", "firstedit")) <= 150),
            ("no-change rebuild at most 0.05x cold", r["nochange"][0] <= 0.05 * r["cold"][0]),
            ("one-note rebuild at most 0.1x cold", r["oneedit"][0] <= 0.1 * r["cold"][0]),
            ("the first edit after a cold build at most 0.1x cold", r["firstedit"][0] <= 0.1 * r["cold"][0]),
            ("rebuilt output identical to a cold build", r["identical"]),
            ("serve save-to-reload at most 150 ms (slowest of %d)" % len(r["serve"]), max(r["serve"]) <= 150),
        ] + checks
        if reference:
            checks += [("cold build no slower than the reference (5% margin)", r["cold"][0] <= 1.05 * r["reference cold"][0]),
                       ("no-change rebuild no slower than the reference (5% margin)",
                        r["nochange"][0] <= 1.05 * r["reference nochange"][0])]
    for name, ok in checks:
        print("%-56s %s" % (name, "met" if ok else "MISSED"))
    for r in rows:
        print("search at %d notes:" % r["n"])
        print("\n".join("  " + line for line in r["search"][0]))


def fmt(timing):
    """A (seconds, MiB) pair as the tables print it."""
    return "%6.3f s %6.1f MiB" % timing


def print_comparison(rows, reference, templates):
    """This dossier beside the reference, stage by stage: times and peak memory, and their ratios."""
    print()
    print("this dossier (%s) against the reference (%s, templates: %s), alternating run by run:"
          % (os.path.relpath(DOSSIER, ROOT), reference, templates or "this repository's"))
    print("%8s | %-15s | %-19s | %-19s | %9s | %9s" % ("notes", "stage", "this dossier", "reference", "time", "memory"))
    for r in rows:
        for key, name in (("cold", "cold"), ("nochange", "no change"), ("oneedit", "one note edited")):
            new, old = r[key], r["reference " + key]
            print("%8d | %-15s | %s | %s | %8.3fx | %8.3fx" % (r["n"], name, fmt(new), fmt(old), new[0] / old[0], new[1] / old[1]))
        print("%8d | %-15s | %s" % (r["n"], "output", "the same as the reference's" if r["same as reference"]
                                     else "differs from the reference's in %d files or folders (diff -r -q)" % r["differing files"]))
    print("(time and memory: this dossier's over the reference's; below 1 is better)")


if __name__ == "__main__":
    main()
