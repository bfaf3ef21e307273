import Foundation
import Testing
@testable import DossierKit

/// Every entry below `folder`, hidden ones and folders included, with what it is and holds: to prove that a
/// refused build touched nothing.
func snapshot(_ folder: URL) -> [String: String] {
    var entries: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        let full = folder.appendingPathComponent(path).path
        let type = (try? FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType) ?? nil
        switch type {
        case .typeDirectory?: entries[path] = "folder"
        case .typeSymbolicLink?: entries[path] = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
        default: entries[path] = (FileManager.default.contents(atPath: full) ?? Data()).base64EncodedString()
        }
    }
    return entries
}

/// The counts a build printed: "N written, M removed", or "nothing changed" as (0, 0).
func printedCounts(_ output: String) -> (written: Int, removed: Int)? {
    if output.contains(", nothing changed (") { return (0, 0) }
    guard let match = output.firstMatch(of: #/, (\d+) written(?:, (\d+) removed)? \(/#) else { return nil }
    return (Int(match.output.1) ?? -1, match.output.2.flatMap { Int($0) } ?? 0)
}

/// A process that has ended, or nil after `seconds` (a watchdog against a hang; the process is then killed).
func waitFor(_ process: Process, seconds: Double = 120) -> Int32? {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit(); return nil }
    return process.terminationStatus
}

/// Starts `dossier` with `arguments`, its output thrown away.
func startDossier(_ arguments: [String], environment: [String: String]? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Dossier.binary)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// The id of a process that has ended.
func deadProcessID() throws -> Int32 {
    let process = try Process.run(URL(fileURLWithPath: "/bin/true"), arguments: [])
    process.waitUntilExit()
    return process.processIdentifier
}

@Suite("The output folder: only the build's own, trusted by what it holds, one build at a time", .serialized)
struct OutputFolderTests {
    /// A site built into `output`, moved to `tree`: a tree the build made, carrying its mark.
    static func builtTree(of site: SmallSite, at tree: URL) throws {
        let scratch = site.folder.url.appendingPathComponent("scratch-\(UUID().uuidString)")
        #expect(try Dossier.build(site.site, output: scratch).status == 0)
        try FileManager.default.moveItem(at: scratch, to: tree)
        FileOps.removeTree(site.folder.url.appendingPathComponent(".\(scratch.lastPathComponent).lock").path)
        FileOps.removeTree(site.folder.url.appendingPathComponent(".\(scratch.lastPathComponent).prev").path)
    }

    static let refusals: [(output: String, reason: String)] = [
        ("content", "it is the site's content/ folder"),
        ("content/notes", "it lies inside the site's content/ folder"),
        ("templates", "it is the site's templates/ folder"),
        ("templates/assets", "it lies inside the site's templates/ folder"),
        (".", "it is the site folder"),
        ("..", "it holds the site folder"),
        ("../mine", "the folder is not empty and was not made by dossier"),
        ("../mine-link", "the folder is not empty and was not made by dossier"),
        ("../content-link", "it lies inside the site's content/ folder"),
    ]

    @Test("a build refuses, touching nothing, an output that is or holds the site's files, or that it did not make",
          arguments: refusals.indices)
    func refusesFoldersItDidNotMake(_ index: Int) throws {
        let (output, reason) = Self.refusals[index]
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        try site.folder.write("mine/letter.txt", "Dear editor,")
        try site.folder.write("mine/.hidden", "kept")
        try FileManager.default.createSymbolicLink(atPath: site.folder.url.appendingPathComponent("mine-link").path,
                                                   withDestinationPath: "mine")
        try FileManager.default.createSymbolicLink(atPath: site.folder.url.appendingPathComponent("content-link").path,
                                                   withDestinationPath: "site/content/notes")
        let before = snapshot(site.folder.url)

        let result = try run(Dossier.binary, ["build", ".", "--output", output], in: site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains(": error: cannot publish into "), "\(result.errors)")
        #expect(result.errors.contains(reason), "\(result.errors)")
        #expect(result.errors.contains("build failed: 1 error"))
        #expect(snapshot(site.folder.url) == before, "a refused build changed files")
    }

    @Test("an empty existing folder is used; a folder beside the output that the build did not make is never deleted")
    func emptyFolderAndUnmarkedNeighbours() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let empty = site.folder.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let first = try Dossier.build(site.site, output: empty)
        #expect(first.status == 0, "\(first.errors)")
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("index.html").path))

        // A folder of the user's where the build keeps its previous tree: refused, kept.
        try site.folder.write(".empty.prev/notes.txt", "mine")
        let before = snapshot(site.folder.url)
        let refused = try Dossier.build(site.site, output: empty)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("error: cannot publish into \(empty.path): \(empty.deletingLastPathComponent().path)/.empty.prev, where the build keeps the previous site, was not made by dossier"), "\(refused.errors)")
        #expect(snapshot(site.folder.url) == before)

        // Folders named like a killed build's leftovers, but not the build's: kept through builds.
        try FileManager.default.removeItem(at: site.folder.url.appendingPathComponent(".empty.prev"))
        let dead = try deadProcessID()
        for kind in ["staging", "old"] { try site.folder.write(".empty.\(kind)-\(dead)/draft.txt", kind) }
        try site.write("content/notes/first.md", "---\ntitle: First, edited\ndate: 2025-01-05\ntopics: [Kursk]\n---\nBody\n")
        #expect(try Dossier.build(site.site, output: empty).status == 0)
        try site.write("content/notes/first.md", "---\ntitle: First, again\ndate: 2025-01-05\ntopics: [Kursk]\n---\nBody\n")
        #expect(try Dossier.build(site.site, output: empty).status == 0)
        for kind in ["staging", "old"] { #expect(try site.folder.read(".empty.\(kind)-\(dead)/draft.txt") == kind) }
        #expect(try site.folder.read("empty/notes/first/index.html").contains("First, again"))
    }

    @Test("an output emptied or replaced by hand is rebuilt in full, and the build says it wrote the files",
          arguments: ["rm -rf public/*", "rm -rf public && mkdir public", "public replaced by a folder holding only a mark",
                      "public replaced by a copy of an older build"])
    func emptiedOrReplacedOutput(_ how: String) throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let fm = FileManager.default
        let older = site.folder.url.appendingPathComponent("older")
        try Self.builtTree(of: site, at: older)
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\n---\nBody\n")
        #expect(try Dossier.build(site.site).status == 0)
        try site.write("content/notes/third.md", "---\ntitle: Third\ndate: 2025-01-07\n---\nBody\n")
        #expect(try Dossier.build(site.site).status == 0)
        let full = manifest(site.output)
        #expect(try Dossier.build(site.site).output.contains("nothing changed"))

        switch how {
        case "rm -rf public/*":
            for entry in try fm.contentsOfDirectory(atPath: site.output.path) where !entry.hasPrefix(".") {
                try fm.removeItem(at: site.output.appendingPathComponent(entry))
            }
        case "rm -rf public && mkdir public":
            try fm.removeItem(at: site.output)
            try fm.createDirectory(at: site.output, withIntermediateDirectories: false)
        case "public replaced by a folder holding only a mark":
            let mark = try Data(contentsOf: site.output.appendingPathComponent(OutputMark.name))
            try fm.moveItem(at: site.output, to: site.folder.url.appendingPathComponent("aside"))
            try fm.createDirectory(at: site.output, withIntermediateDirectories: false)
            try mark.write(to: site.output.appendingPathComponent(OutputMark.name))
        default:
            try fm.removeItem(at: site.output)
            try fm.copyItem(at: older, to: site.output)
        }
        let before = manifest(site.output)
        let result = try Dossier.build(site.site)
        #expect(result.status == 0)
        #expect(manifest(site.output) == full)
        let counts = printedCounts(result.output), expected = IncrementalTests.changes(from: before, to: full)
        #expect(counts?.written == expected.written && counts?.removed == expected.removed, "\(result.output)")
        #expect((counts?.written ?? 0) > 0, "\(result.output)")
        #expect(!fm.fileExists(atPath: site.site.appendingPathComponent(".dossier-cache/trees").path))
    }

    @Test("an output that is a symbolic link is written through: the link stays, pointing to the updated folder")
    func symbolicLinkOutput() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let webRoot = site.folder.url.appendingPathComponent("www/briefing")
        let link = site.site.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: webRoot.path)
        let dangling = try Dossier.build(site.site)
        #expect(dangling.status == 1)
        #expect(dangling.errors.contains("error: output \(link.path) is a symbolic link to \(webRoot.path), which is not a folder that exists"))

        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        for round in 0..<4 {
            try site.write("content/notes/first.md", "---\ntitle: First \(round)\ndate: 2025-01-05\ntopics: [Kursk]\n---\nBody\n")
            let result = try Dossier.build(site.site)
            #expect(result.status == 0, "\(result.errors)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == webRoot.path)
            #expect(manifest(webRoot) == (try IncrementalTests.coldBuild(of: site)))
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".public") } == [])
            #expect(try FileManager.default.contentsOfDirectory(atPath: webRoot.deletingLastPathComponent().path).sorted()
                    == (round == 0 ? [".briefing.lock", "briefing"] : [".briefing.lock", ".briefing.prev", "briefing"]))
        }
    }

    @Test("a second build into an output waits while the first holds its lock")
    func secondBuildWaits() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let before = manifest(site.output)
        let lockFile = open(site.site.appendingPathComponent(".public.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(lockFile >= 0 && flock(lockFile, LOCK_EX) == 0)
        try site.write("content/notes/first.md", "---\ntitle: First, edited\ndate: 2025-01-05\ntopics: [Kursk]\n---\nBody\n")
        let build = try startDossier(["build", site.site.path])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(build.isRunning, "the build did not wait for the lock")
        #expect(manifest(site.output) == before)
        close(lockFile)
        #expect(waitFor(build) == 0)
        #expect(manifest(site.output) == (try IncrementalTests.coldBuild(of: site)))
    }

    @Test("two sites built into one output at once take turns; neither removes the other's tree")
    func twoSitesAtOnce() throws {
        let big = try PublishTests.bigSite(notes: 1500, titleSuffix: "x")
        let small = try SmallSite()
        defer { big.folder.cleanUp(); small.folder.cleanUp() }
        let output = small.folder.url.appendingPathComponent("out")
        var references: [String: [String: Data]] = [:]
        for suffix in ["x", "y"] {
            try PublishTests.rewriteNotes(big, count: 1500, titleSuffix: suffix)
            let reference = big.folder.url.appendingPathComponent("reference-\(suffix)")
            #expect(try Dossier.build(big.site, output: reference).status == 0)
            references[suffix] = manifest(reference)
        }
        let smallReference = try IncrementalTests.coldBuild(of: small)
        #expect(try Dossier.build(big.site, output: output).status == 0)
        #expect(try Dossier.build(small.site, output: output).status == 0)

        for (round, delay) in [0.0, 0.1, 0.3, 0.6, 1.0].enumerated() {
            let suffix = round % 2 == 0 ? "x" : "y"
            try PublishTests.rewriteNotes(big, count: 1500, titleSuffix: suffix)
            let first = try startDossier(["build", big.site.path, "--output", output.path])
            Thread.sleep(forTimeInterval: delay)
            let second = try startDossier(["build", small.site.path, "--output", output.path])
            #expect(waitFor(first) == 0, "round \(round): the big site's build failed")
            #expect(waitFor(second) == 0, "round \(round): the small site's build failed")
            let now = manifest(output)
            #expect(now == references[suffix] || now == smallReference, "round \(round): the output is a mix")
            let beside = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            #expect(beside.filter { $0.hasPrefix(".out.") }.sorted() == [".out.lock", ".out.prev"])
        }
        // In sequence, each replaces the other: the output carries the build's mark.
        try PublishTests.rewriteNotes(big, count: 1500, titleSuffix: "y")
        for (site, reference) in [(big.site, references["y"]), (small.site, smallReference), (big.site, references["y"])] {
            let result = try Dossier.build(site, output: output)
            #expect(result.status == 0)
            #expect(manifest(output) == reference)
        }
    }

    @Test("the tree of a build still running is never removed; a dead build's is")
    func liveStagingTreeKept() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let live = site.site.appendingPathComponent(".public.staging-\(getpid())")
        let dead = site.site.appendingPathComponent(".public.staging-\(try deadProcessID())")
        try Self.builtTree(of: site, at: live)
        try Self.builtTree(of: site, at: dead)
        let held = manifest(live)
        try site.write("content/notes/first.md", "---\ntitle: First, edited\ndate: 2025-01-05\ntopics: [Kursk]\n---\nBody\n")
        #expect(try Dossier.build(site.site).status == 0)
        #expect(manifest(live) == held)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }

    /// The site's files, the output built, and the state a build killed between the two renames of the fallback
    /// swap leaves: no output, the old site moved aside, the new one complete in a staging tree.
    static func killedBetweenRenames(_ site: SmallSite) throws -> (old: [String: Data], new: [String: Data]) {
        #expect(try Dossier.build(site.site).status == 0)
        let old = manifest(site.output)
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\n---\nBody\n")
        let pid = try deadProcessID()
        try Self.builtTree(of: site, at: site.site.appendingPathComponent(".public.staging-\(pid)"))
        try FileManager.default.moveItem(at: site.output, to: site.site.appendingPathComponent(".public.old-\(pid)"))
        return (old, manifest(site.site.appendingPathComponent(".public.staging-\(pid)")))
    }

    @Test("a build killed between the two renames of the fallback swap loses nothing, even to a failing build")
    func killedBetweenRenamesThenFailingBuild() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let (old, new) = try Self.killedBetweenRenames(site)
        let trees = try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".public.") }.sorted()

        try site.write("content/notes/bad.md", "---\ntitle: Bad\ndate: 2025-13-01\n---\nBody\n")
        let failed = try Dossier.build(site.site, environment: ["DOSSIER_TEST_SWAP_BY_RENAMES": "1"])
        #expect(failed.status == 1)
        #expect(failed.errors.contains("error: date '2025-13-01' does not exist"))
        #expect(failed.errors.contains("build failed: 1 error, 0 warnings; \(site.output.path) is unchanged"))
        #expect(manifest(site.output) == old, "the site was not put back")
        // Nothing was deleted: the staging tree is still there, and the old site is back in its place.
        let now = try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".public.") }.sorted()
        #expect(now == trees.filter { !$0.hasPrefix(".public.old-") })
        #expect(manifest(site.site.appendingPathComponent(trees.first { $0.hasPrefix(".public.staging-") } ?? "?")) == new)

        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/bad.md"))
        let fixed = try Dossier.build(site.site, environment: ["DOSSIER_TEST_SWAP_BY_RENAMES": "1"])
        #expect(fixed.status == 0)
        #expect(manifest(site.output) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".public.") }.sorted()
                == [".public.lock", ".public.prev"])
    }

    @Test("fallback builds killed at any moment leave a site that the next build, even a failing one, keeps")
    func killedFallbackBuilds() throws {
        let site = try PublishTests.bigSite(notes: 1500, titleSuffix: "old")
        defer { site.folder.cleanUp() }
        let environment = ProcessInfo.processInfo.environment.merging(["DOSSIER_TEST_SWAP_BY_RENAMES": "1"]) { $1 }
        #expect(try Dossier.build(site.site, environment: environment).status == 0)
        let old = manifest(site.output)
        try PublishTests.rewriteNotes(site, count: 1500, titleSuffix: "new")
        let reference = site.folder.url.appendingPathComponent("reference")
        #expect(try Dossier.build(site.site, output: reference).status == 0)
        let new = manifest(reference)

        var sawOld = 0
        for delay in [0.0, 0.05, 0.2, 0.4, 0.6, 0.8, 1.0] {
            let process = try startDossier(["build", site.site.path], environment: environment)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // A failing build next: it must keep (or put back) whichever site is there, and delete nothing.
            try site.write("content/notes/bad.md", "---\ntitle: Bad\n---\nBody\n")
            let failed = try Dossier.build(site.site, environment: environment)
            try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/bad.md"))
            #expect(failed.status == 1)
            let now = manifest(site.output)
            #expect(now == old || now == new, "after a kill at \(delay) s and a failing build, the output is lost or a mix")
            if now == old { sawOld += 1 }
        }
        #expect(sawOld > 0, "no kill landed before the build finished; the test proves nothing")
        #expect(try Dossier.build(site.site, environment: environment).status == 0)
        #expect(manifest(site.output) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".public.") }.sorted()
                == [".public.lock", ".public.prev"])
    }

    @Test("the printed counts are what changed in the published site since the build before")
    func countsDescribePublishedChanges() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        var steps: [(String, () throws -> Void)] = [
            ("first build", {}),
            ("a note edited", { try site.write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-05\ntopics: [Kursk]\n---\n## Section one\n\nNew body\n") }),
        ]
        for round in 0..<2 {
            steps.append(("note added (\(round))", { try site.write("content/notes/added.md", "---\ntitle: Added\ndate: 2025-01-09\ntopics: [Kursk]\n---\nBody\n") }))
            steps.append(("nothing (\(round))", {}))
            steps.append(("note deleted (\(round))", { try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/added.md")) }))
        }
        for (name, edit) in steps {
            try edit()
            let before = manifest(site.output)
            let result = try Dossier.build(site.site)
            #expect(result.status == 0)
            let expected = IncrementalTests.changes(from: before, to: manifest(site.output))
            let counts = printedCounts(result.output)
            #expect(counts?.written == expected.written && counts?.removed == expected.removed,
                    "\(name): printed \(result.output), but \(expected.written) files were written and \(expected.removed) removed")
            if name.hasPrefix("note added") { #expect(expected.removed == 0 && expected.written > 0) }
            if name.hasPrefix("note deleted") { #expect(expected.removed > 0 && !result.output.contains("nothing changed")) }
            if name.hasPrefix("nothing") { #expect(result.output.contains("nothing changed")) }
        }
    }

    @Test("publishing renders only the files whose key neither the reused tree nor the live site holds, and counts what the site gained")
    func reuseRendersOnlyChangedFiles() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let site = folder.url.appendingPathComponent("site"), output = folder.url.appendingPathComponent("out")
        var keys = Dictionary(uniqueKeysWithValues: (0..<10).map { ("p\($0)/index.html", ContentHash("k\($0)")) })
        final class Counter: @unchecked Sendable { var paths: [String] = []; let lock = NSLock() }
        // Each step: the key changed, then the files rendered and the counts. The reused tree is two publishes old:
        // what changed in the publish before is linked from the live site, not rendered again. The first publish
        // after the cold one links the live site's unchanged files into its new tree. The last two change nothing:
        // the first brings the reused tree up to date (p3, linked) and both leave the output alone.
        let steps: [(change: String?, rendered: Int, written: Int)] = [
            (nil, 10, 10), ("p1/index.html", 1, 1), ("p2/index.html", 1, 1), ("p3/index.html", 1, 1), (nil, 0, 0),
            (nil, 0, 0),
        ]
        for (change, rendered, written) in steps {
            if let change { keys[change] = ContentHash(change + "changed") }
            let counter = Counter()
            let snapshot = keys
            let (stats, published) = try Publisher(output: output, site: site, inputs: []).publish(Array(keys.keys)) { path in
                guard let key = snapshot[path] else { return nil }
                return Publisher.File(key: key) {
                    counter.lock.withLock { counter.paths.append(path) }
                    return Data("\(key)".utf8)
                }
            }
            #expect(published == keys)
            #expect(counter.paths.count == rendered)
            #expect(stats.written == written && stats.removed == 0)
            #expect(manifest(output).filter { $0.key != OutputMark.name } == keys.mapValues { Data("\($0)".utf8) })
        }
        // The tree kept for the next publish holds this site too, by links and files rendered.
        let previous = folder.url.appendingPathComponent(".out.prev")
        #expect(manifest(previous).filter { $0.key != OutputMark.name } == keys.mapValues { Data("\($0)".utf8) })
    }

    @Test("files linked from the live site are never written through: a publish that fails after writing into the reused tree leaves the site as it was")
    func linkedFilesAreNeverWrittenThrough() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let site = folder.url.appendingPathComponent("site"), output = folder.url.appendingPathComponent("out")
        struct Refused: Error {}
        func publish(_ keys: [String: ContentHash], failing: String? = nil) throws {
            _ = try Publisher(output: output, site: site, inputs: []).publish(keys.keys.sorted()) { path in
                guard let key = keys[path] else { return nil }
                return Publisher.File(key: key) {
                    if path == failing { throw Refused() }
                    return Data("\(key) of \(path)".utf8)
                }
            }
        }
        let paths = (0..<40).map { "p\($0)/index.html" }
        try publish(Dictionary(uniqueKeysWithValues: paths.map { ($0, ContentHash("v1" + $0)) }))
        var second = Dictionary(uniqueKeysWithValues: paths.map { ($0, ContentHash("v1" + $0)) })
        second["p0/index.html"] = ContentHash("v2")
        try publish(second)
        // The unchanged files are the same files in the live site and the tree the next publish reuses.
        var info = stat()
        #expect(lstat(output.appendingPathComponent("p5/index.html").path, &info) == 0 && info.st_nlink == 2)
        let live = manifest(output)

        // Every file changes, and the last one cannot be made: the publish fails after writing the others into the
        // reused tree, whose files were links to the live ones.
        let third = Dictionary(uniqueKeysWithValues: paths.map { ($0, ContentHash("v3" + $0)) })
        #expect(throws: Refused.self) { try publish(third, failing: "p39/index.html") }
        #expect(manifest(output) == live, "the live site changed")
    }
}
