import Foundation
import Testing
@testable import DossierKit

/// Notes mixing every construct the renderer treats specially: headings that repeat, links of every kind (into
/// the site, to files, remote, forbidden, by reference), images, tables, task lists, raw HTML, code, entities,
/// odd Unicode, nesting. The same seed gives the same notes.
struct VariedNotes {
    static let blocks = [
        "# Heading", "## Why it matters", "## Why it matters", "### `code` and <b>html</b> in a heading",
        "Text with *em*, **strong**, ~~struck~~, `code` and a hard  \nbreak\\\nand a backslash one.",
        "See [the article](../articles/a/) and [its paragraph](../articles/a/#p1), [the file](../articles/a.txt).",
        "[First](first.md), [by slug](../notes/first/#section-one), [a topic](/topics/kursk/), [home](/), [data](/data/territory.csv).",
        "![chart](../assets/chart.png) ![remote](https://example.org/x.png) ![proto](//evil.example/x.png) ![up](../../x.png)",
        "[bad](javascript:alert(1)) [vb](VBScript:x) [data](data:text/html,x) [file](file:///etc/passwd) [tab](java\tscript:x)",
        "www.example.org, https://example.org/path?q=1&r=2#frag, mail@example.org and <https://autolink.example/>.",
        "| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n| [x](../notes/other/) | www.x.org |\n| `|` | \\| |",
        "- [ ] task\n- [x] done\n  - nested *item* with [a link](first.md)\n    1. deeper",
        "1. one\n2. two\n\n   a paragraph in the item\n\n3) other delimiter",
        "> quote with [same page](#why-it-matters)\n> > nested quote\n> - list in quote",
        "```swift\nlet x = \"<b>\" // [not](a link)\n```", "    indented code with <tags>",
        "<div onclick=\"x()\">raw block</div>", "Inline <b>html</b>, &amp; &#106; &copy; &notanentity; <!-- comment -->",
        "Суджа і дрони — «лапки», e\u{301}, 🇺🇦, \u{00A0}nbsp, \u{200B}zero width.", "***", "---", "Setext\n===",
        "[ref][r] and [collapsed][] and [r]\n\n[r]: ../articles/a/ \"A title\"\n[collapsed]: https://example.org",
        "`` code with ` backtick ``", "\\*escaped\\* \\[x](y) \\<b>", "Footnote-like[^1], not enabled[^note].",
        "[%2e%2e](../%2e%2e/x) [spaces](<../articles/a b/>) [query](../articles/a/?x=1#p1) [empty]()",
        "*a **b** c* _d __e__ f_ ***g*** ~h~ ~~~i~~~", "<script>alert(1)</script>\n\n<textarea>x</textarea> <xmp>", "",
        "Line one\r\nline two\r\n", "\t- tab indented", "![nested [brackets]](../assets/a.png) [[double]](x)",
    ]

    private var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(state: seed) }

    mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    mutating func body() -> String {
        (0..<(1 + next(12))).map { _ in Self.blocks[next(Self.blocks.count)] }.joined(separator: next(4) == 0 ? "\n" : "\n\n")
    }
}

@Suite("Markdown workers: the same output as in this process, and every failure a message")
struct MarkdownWorkerTests {
    static var worker: String { Dossier.binary }

    @Test("hundreds of varied notes render in workers exactly as in this process, links and anchors included")
    func identical() {
        var notes = VariedNotes(seed: 11)
        let jobs = (0..<600).map { i in MarkdownJob(source: notes.body(), pageDepth: [2, 2, 1, 3][i % 4]) }
        let workers = MarkdownWorkers(dossier: Self.worker)
        defer { workers.stop() }
        let inWorkers = Parallel.map(jobs) { workers.render($0) }
        for (job, result) in zip(jobs, inWorkers) {
            let expected = job.render()
            #expect((try? result.get()) == expected, "\(job.source)")
        }
        #expect(jobs.contains { $0.render().rendered.html.contains("<del>") } && jobs.contains { $0.render().rendered.html.contains("<table>") })
    }

    @Test("a site builds byte for byte the same with workers as without, warnings included")
    func identicalSite() throws {
        var notes = VariedNotes(seed: 5)
        let sites = try (0..<2).map { _ in try SmallSite() }
        defer { for site in sites { site.folder.cleanUp() } }
        for i in 0..<120 {
            // Only links that resolve: the build must succeed to compare pages.
            let body = notes.body().replacingOccurrences(of: "../notes/other/", with: "first.md")
                .replacingOccurrences(of: "#p1", with: "").replacingOccurrences(of: "../articles/a b/", with: "../articles/a/")
                .replacingOccurrences(of: "../%2e%2e/x", with: "/").replacingOccurrences(of: "#why-it-matters", with: "")
                .replacingOccurrences(of: "../assets/chart.png", with: "/data/territory.csv")
                .replacingOccurrences(of: "../assets/a.png", with: "/data/territory.csv")
                .replacingOccurrences(of: "../../x.png", with: "/data/territory.json").replacingOccurrences(of: "](x)", with: "](/)")
            for site in sites { try site.write("content/notes/n\(i).md", "---\ntitle: Note \(i)\ndate: 2025-01-05\n---\n" + body) }
        }
        let alone = try SiteBuild.run(site: sites[0].site, output: sites[0].output)
        let withWorkers = try SiteBuild.run(site: sites[1].site, output: sites[1].output,
                                            options: BuildOptions(markdownWorker: URL(fileURLWithPath: Self.worker)))
        #expect(alone.notes == 121)
        #expect(alone.warnings == withWorkers.warnings)
        #expect(alone.warnings.contains { $0.message.contains("from another host is left out") })
        #expect(manifest(sites[0].output) == manifest(sites[1].output))
    }

    @Test("a note that runs away is stopped; the worker is replaced and the next note renders")
    func recovers() throws {
        let limits = MarkdownLimits.standard
        let workers = MarkdownWorkers(dossier: Self.worker, limits: limits, capacity: 1)
        defer { workers.stop() }
        // The worker has answered everything when the storm comes: its time starts when it is sent.
        #expect(try workers.render(MarkdownJob(source: "*warm*", pageDepth: 2)).get().rendered.html == "<p><em>warm</em></p>\n")
        let start = ContinuousClock.now
        let storm = Runaway.bracketStorm(bytes: 600_000)
        let seconds = MarkdownLimits.seconds(limits.parseSeconds(bytes: storm.utf8.count))
        #expect(workers.render(MarkdownJob(source: storm, pageDepth: 2)).failure
            == MarkdownProblem(line: nil, "Markdown took longer than \(seconds) to parse (limit: 1 s and 0.5 s per MB of note, of processor time)"))
        #expect(ContinuousClock.now - start < .seconds(10))
        let bomb = workers.render(MarkdownJob(source: Runaway.referenceBomb(length: 100_000, uses: 100_000), pageDepth: 2))
        #expect(bomb.failure?.message == "Markdown needs more than 280.4 MB of memory to parse (limit: 256 MB and 64 bytes per "
            + "byte of note; the parser was stopped by signal 6 (Aborted): [cmark] calloc returned null pointer, aborting)")
        #expect(try workers.render(MarkdownJob(source: "*ok*", pageDepth: 2)).get().rendered.html == "<p><em>ok</em></p>\n")
    }

    /// A stand-in worker: a shell script in place of `dossier markdown-worker`.
    static func script(_ text: String, parseSeconds: Double = 0.3, stallFactor: Double = 10) -> MarkdownWorkers {
        var limits = MarkdownLimits.standard
        limits.parseSeconds = parseSeconds
        limits.parseSecondsPerMB = 0
        limits.stallFactor = stallFactor
        return MarkdownWorkers(executable: "/bin/sh", arguments: ["-c", text], limits: limits, capacity: 1)
    }

    static let job = MarkdownJob(source: "text", pageDepth: 2)

    @Test("a worker that dies, hangs, spins or talks nonsense is a message about the note", arguments: [
        ("echo 'out of luck' >&2; exit 3", "the Markdown worker (/bin/sh) failed: the parser exited with status 3: out of luck"),
        ("kill -SEGV $$", "the Markdown worker (/bin/sh) failed: the parser was stopped by signal 11 (Segmentation fault)"),
        ("echo '[cmark] calloc returned null pointer, aborting' >&2; kill -ABRT $$",
         "Markdown needs more than 256 MB of memory to parse (limit: 256 MB and 64 bytes per byte of note; the parser was stopped by signal 6 (Aborted): [cmark] calloc returned null pointer, aborting)"),
        ("head -c 1 >/dev/null; printf '\\377\\377\\377\\377\\377\\377\\377\\177'; exec sleep 30", "the Markdown worker (/bin/sh) sent a damaged reply"),
        ("head -c 1 >/dev/null; printf '\\004\\000\\000\\000\\000\\000\\000\\000abcd'; exec sleep 30", "the Markdown worker (/bin/sh) sent a damaged reply"),
        ("head -c 1 >/dev/null; exit 0", "the Markdown worker (/bin/sh) failed: the parser exited with status 0"),
        ("while :; do :; done", "Markdown took longer than 0.3 s to parse (limit: 0.3 s and 0 s per MB of note, of processor time)"),
    ])
    func standIns(_ script: String, _ expected: String) {
        let workers = Self.script(script)
        defer { workers.stop() }
        let start = ContinuousClock.now
        #expect(workers.render(Self.job).failure?.message == expected)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test("a worker that gets no processor time is stopped by wall time")
    func stalled() {
        let workers = Self.script("exec sleep 60", parseSeconds: 0.2, stallFactor: 3)
        defer { workers.stop() }
        #expect(workers.render(Self.job).failure?.message
            == "Markdown parsing took longer than 0.6 s without getting 0.2 s of processor time (limit: 3 times the processor time, which is 0.2 s and 0 s per MB of note)")
    }

    @Test("a worker that cannot start is a message")
    func missing() {
        let workers = MarkdownWorkers(dossier: "/nonexistent/dossier")
        #expect(workers.render(Self.job).failure?.message == "cannot start the Markdown worker /nonexistent/dossier: No such file or directory")
    }

    @Test("a stopped or ended worker leaves no process and no zombie behind")
    func reaped() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let pidFile = folder.url.appendingPathComponent("pid").path
        let workers = Self.script("echo $$ > '\(pidFile)'; exec sleep 60", parseSeconds: 0.1, stallFactor: 3)
        #expect(workers.render(Self.job).failure != nil)
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Reaped: the pid names no process, not even a zombie.
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
        workers.stop()

        let idle = try WorkerProcess(executable: "/bin/sh", arguments: ["-c", "read x"])
        #expect(kill(idle.pid, 0) == 0)
        idle.end()
        #expect(kill(idle.pid, 0) == -1 && errno == ESRCH)
    }

    @Test("jobs sent ahead to a worker that fails go to a new one, and each gets its own result")
    func failureMidStream() throws {
        var limits = MarkdownLimits.standard
        limits.parseSeconds = 0.5
        limits.parseSecondsPerMB = 0
        let workers = MarkdownWorkers(dossier: Self.worker, limits: limits, capacity: 1)
        defer { workers.stop() }
        let storm = Runaway.bracketStorm(bytes: 300_000)
        let sources = (0..<40).map { $0 % 10 == 3 ? storm : "# Note \($0)\n\n*text* \($0)" }
        let tickets = sources.map { workers.submit(MarkdownJob(source: $0, pageDepth: 2)) }
        for (source, ticket) in zip(sources, tickets) {
            if source == storm {
                #expect(ticket.wait().failure?.message.hasPrefix("Markdown took longer than 0.5 s to parse") == true)
            } else {
                #expect(try ticket.wait().get() == MarkdownJob(source: source, pageDepth: 2).render())
            }
        }
    }

    @Test("a worker that grew large retires after its reply; the jobs sent after it go to a new worker")
    func retires() throws {
        var limits = MarkdownLimits.standard
        limits.workerBytes = 128 << 20
        let workers = MarkdownWorkers(dossier: Self.worker, limits: limits, capacity: 1)
        defer { workers.stop() }
        // 300 KB of one-word list items hold some 60 MB when parsed, more than half the fixed allowance.
        let big = String(repeating: "- x\n", count: 75_000)
        let sources = ["*a*", big, "*b*", "*c*", big, "*d*"]
        let tickets = sources.map { workers.submit(MarkdownJob(source: $0, pageDepth: 2)) }
        for (source, ticket) in zip(sources, tickets) {
            #expect(try ticket.wait().get() == MarkdownJob(source: source, pageDepth: 2).render())
        }
        #expect(workers.workersStarted == 3)
    }

    @Test("stopping drops queued jobs with a message and ends the workers")
    func stopDropsQueued() {
        let workers = Self.script("exec sleep 60", parseSeconds: 0.3, stallFactor: 2)
        let tickets = (0..<20).map { _ in workers.submit(Self.job) }
        workers.stop()
        let results = tickets.map { $0.wait() }
        #expect(results.allSatisfy { $0.failure != nil })
        #expect(results.contains { $0.failure == MarkdownWorkers.notParsed })
        #expect(workers.submit(Self.job).wait().failure == MarkdownWorkers.notParsed)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

extension MarkdownWorkers {
    /// Renders `job` and waits for it.
    func render(_ job: MarkdownJob) -> Result<MarkdownJob.Output, MarkdownProblem> { submit(job).wait() }
}
