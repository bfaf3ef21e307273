import Foundation
import Testing
@testable import DossierKit

@Suite("dossier serve's parts: paths, the live script, the change queue, the watcher, the session")
struct ServeUnitTests {
    // MARK: ServePath

    @Test("a request path leads to a file of the site or nowhere", arguments: [
        ("/", "index.html"),
        ("/notes/", "notes/index.html"),
        ("/notes/x/", "notes/x/index.html"),
        ("/notes/x", "notes/x"),
        ("/assets/style.css", "assets/style.css"),
        ("/notes/x/index.html", "notes/x/index.html"),
        ("/topics/%C3%A9t%C3%A9/", "topics/été/index.html"),
        ("/topics/été/", "topics/été/index.html"),
        ("/notes/a%20b/", "notes/a b/index.html"),
        ("/...", "..."),
        ("/notes/..x/", "notes/..x/index.html"),
        ("", nil), ("notes/", nil), ("*", nil),
        ("//", nil), ("//etc/passwd", nil), ("/notes//x/", nil), ("/notes/x//", nil),
        ("/..", nil), ("/.", nil), ("/../etc/passwd", nil), ("/notes/../site.yml", nil), ("/notes/./x/", nil),
        ("/%2e%2e/site.yml", nil), ("/%2E%2E/", nil), ("/.%2e/x", nil), ("/%2e/x", nil),
        ("/..%2fsite.yml", nil), ("/a%2fb", nil), ("/%2fetc/passwd", nil),
        ("/notes/..%5c..%5cx", nil), ("/a\\b", nil),
        ("/%00", nil), ("/notes/x%00.html", nil), ("/%zz", nil),
    ] as [(String, String?)])
    func resolves(raw: String, expected: String?) {
        #expect(ServePath.resolve(raw) == expected)
    }

    @Test("made-up paths with a climbing segment anywhere, spelled any way, are refused")
    func climbingAnywhere() {
        let spellings = ["..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", ".", "%2e", "a%2f..", "..%5c", "%00"]
        let around = [["notes"], ["notes", "x"], [], ["a", "b", "c"]]
        for spelling in spellings {
            for before in around {
                for after in [[], ["site.yml"], ["x", ""]] {
                    let raw = "/" + (before + [spelling] + after).joined(separator: "/")
                    #expect(ServePath.resolve(raw) == nil, "\(raw)")
                }
            }
        }
    }

    @Test("media types by extension", arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
        ("feed.xml", "application/atom+xml"), ("sitemap.xml", "application/xml"), ("search/meta.json", "application/json"),
        ("robots.txt", "text/plain; charset=utf-8"), ("a.PNG", "image/png"), ("noextension", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        #expect(ServePath.contentType(of: path) == type)
    }

    // MARK: LiveReload

    static let tag = "<script src=\"/_dossier/live.js\" defer></script>\n"

    @Test("the script goes at the end of the head, whatever its case; at the end of a page without one", arguments: [
        ("<html><head><title>t</title></head><body>b</body></html>", "<html><head><title>t</title>\(tag)</head><body>b</body></html>"),
        ("<HTML><HEAD></HEAD><BODY></BODY></HTML>", "<HTML><HEAD>\(tag)</HEAD><BODY></BODY></HTML>"),
        ("<head></HeAd><p>x</p></head>", "<head>\(tag)</HeAd><p>x</p></head>"),
        ("<p>no head</p>", "<p>no head</p>\(tag)"),
        ("", tag),
        ("</hea", "</hea\(tag)"),
        ("<p>été</p></head>", "<p>été</p>\(tag)</head>"),
    ])
    func inject(page: String, expected: String) {
        #expect(String(decoding: LiveReload.inject(into: Data(page.utf8)), as: UTF8.self) == expected)
    }

    @Test("an event is one event line and one data line of JSON, whatever its errors hold")
    func eventText() throws {
        let nasty = ["content/notes/x.md:4:7: error: two\nlines", "carriage\rreturn", "</script><script>alert(1)</script>",
                     "quote \" and backslash \\", "line separator \u{2028} and nul \u{0}", "été"]
        let events: [LiveReload.Event] = [.hello(build: 3, errors: nasty), .hello(build: 0, errors: []), .reload(build: 7),
                                          .errors(build: 2, errors: nasty)]
        for event in events {
            let text = event.text
            #expect(text.hasSuffix("\n\n"))
            let lines = text.dropLast(2).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2, "\(text)")
            #expect(!text.contains("\r"))
            let name = try #require(lines.first?.split(separator: " ").last.map(String.init))
            #expect(lines.first == "event: \(name)")
            let data = try #require(lines.last)
            #expect(data.hasPrefix("data: "))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(data.dropFirst(6).utf8)) as? [String: Any])
            switch event {
            case .hello(let build, let errors), .errors(let build, let errors):
                #expect(name == (event == .errors(build: build, errors: errors) ? "errors" : "hello"))
                #expect(json["build"] as? Int == build)
                #expect(json["errors"] as? [String] == errors)
            case .reload(let build):
                #expect(name == "reload")
                #expect(json["build"] as? Int == build)
                #expect(json["errors"] == nil)
            }
        }
    }

    @Test("the overlay writes errors as text, never as HTML")
    func scriptUsesText() {
        #expect(LiveReload.script.contains("textContent = errors.join"))
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
            #expect(!LiveReload.script.contains(sink), "\(sink)")
        }
    }

    // MARK: PageFrame.livePolicy

    @Test("the serve policy adds script and connect from the page's own host, and changes nothing else", arguments: [
        (PageFrame.standardPolicy,
         "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; script-src 'self'; connect-src 'self'"),
        (SearchPage.contentSecurityPolicy, SearchPage.contentSecurityPolicy),
        ("default-src 'none'; script-src 'none'; connect-src 'none'", "default-src 'none'; script-src 'self'; connect-src 'self'"),
        ("script-src 'sha256-abc'", "script-src 'sha256-abc' 'self'; connect-src 'self'"),
        ("  default-src 'none' ;; ", "default-src 'none'; script-src 'self'; connect-src 'self'"),
        ("", "script-src 'self'; connect-src 'self'"),
    ])
    func livePolicy(policy: String, expected: String) {
        #expect(PageFrame.livePolicy(policy) == expected)
    }

    // MARK: ChangeQueue

    @Test("changes reported while a rebuild runs are taken together; nil absorbs every set")
    func changeQueueMerges() {
        let queue = ChangeQueue()
        queue.add(["content/notes/a.md"])
        queue.add(["content/notes/b.md", "content/notes/a.md"])
        #expect(queue.next() == .some(["content/notes/a.md", "content/notes/b.md"]))
        queue.add(["site.yml"])
        queue.add(nil)
        queue.add(["templates/note.mustache"])
        #expect(queue.next() == .some(nil))
        queue.add(["content/notes/c.md"])
        #expect(queue.next() == .some(["content/notes/c.md"]))
    }

    @Test("stop wakes a waiting rebuilder for good")
    func changeQueueStops() {
        let queue = ChangeQueue()
        let waiting = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Set<String>?? = .some([])
        Thread.detachNewThread {
            result = queue.next()
            waiting.signal()
        }
        // Most likely waiting by now; if not, next() finds the queue stopped: the result is the same.
        Thread.sleep(forTimeInterval: 0.2)
        queue.stop()
        #expect(waiting.wait(timeout: .now() + 30) == .success)
        #expect(result == nil)
        queue.add(["content/notes/a.md"])
        #expect(queue.next() == nil)
    }

    // MARK: FileWatcher

    /// The reports a watcher made, waited for.
    final class Reports: @unchecked Sendable {
        private let condition = NSCondition()
        private var reports: [Set<String>?] = []

        func add(_ report: Set<String>?) { condition.withLock { reports.append(report); condition.broadcast() } }

        var all: [Set<String>?] { condition.withLock { reports } }

        /// The first report from `index` on that `match` accepts, waiting at most `seconds`.
        func wait(within seconds: Double, from index: Int = 0, for match: (Set<String>?) -> Bool) -> Set<String>?? {
            let deadline = Date(timeIntervalSinceNow: seconds)
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let found = reports.dropFirst(index).first(where: match) { return .some(found) }
                if !condition.wait(until: deadline) { return nil }
            }
        }
    }

    static func watchedSite() throws -> TempFolder {
        let folder = try TempFolder()
        try folder.write("site.yml", "title: T\n")
        try folder.write("content/notes/a.md", "a\n")
        try folder.write("templates/note.mustache", "{{title}}\n")
        return folder
    }

    @Test("a write is reported by its path relative to the site", arguments: [FileWatcher.Method.inotify, .polling])
    func watcherReportsWrite(method: FileWatcher.Method) throws {
        let folder = try Self.watchedSite()
        defer { folder.cleanUp() }
        let reports = Reports()
        let watcher = try FileWatcher(site: folder.url, method: method) { reports.add($0) }
        defer { watcher.stop() }
        #expect(watcher.method == method)

        let paths = ["content/notes/a.md", "site.yml", "templates/note.mustache", "content/notes/new.md"]
        for path in paths {
            let count = reports.all.count
            try folder.write(path, "changed \(path)\n")
            #expect(reports.wait(within: 20, from: count) { $0?.contains(path) == true } != nil, "\(path): \(reports.all)")
        }
        let count = reports.all.count
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/notes/new.md"))
        #expect(reports.wait(within: 20, from: count) { $0?.contains("content/notes/new.md") == true } != nil)
        // Each save reported by its own path and nothing else (a save the machine slowed may come in two reports).
        #expect(reports.all.allSatisfy { $0.map { !$0.isEmpty && $0.isSubset(of: paths) } ?? false }, "\(reports.all)")
    }

    @Test("a hidden swap file, or a file the build does not read, alone reports nothing",
          arguments: [FileWatcher.Method.inotify, .polling])
    func watcherIgnoresHidden(method: FileWatcher.Method) throws {
        let folder = try Self.watchedSite()
        defer { folder.cleanUp() }
        let reports = Reports()
        let watcher = try FileWatcher(site: folder.url, method: method) { reports.add($0) }
        defer { watcher.stop() }
        try folder.write("content/notes/.a.md.swp", "swap\n")
        try folder.write("content/.hidden/b.md", "hidden folder\n")
        try folder.write("README.md", "not read\n")
        try folder.write("public/index.html", "not read\n")
        // Long enough for either method to have reported them, were it wrong (a poll is a quarter second); the
        // pause only makes the test sensitive, the check below holds however long it is.
        Thread.sleep(forTimeInterval: 1)
        try folder.write("content/notes/a.md", "saved\n")
        #expect(reports.wait(within: 20) { _ in true } == .some(["content/notes/a.md"]), "\(reports.all)")
        #expect(reports.all.allSatisfy { $0 == ["content/notes/a.md"] }, "\(reports.all)")
    }

    @Test("a new folder with a file in it is noticed, and watched from then on", arguments: [FileWatcher.Method.inotify, .polling])
    func watcherSeesNewFolder(method: FileWatcher.Method) throws {
        let folder = try Self.watchedSite()
        defer { folder.cleanUp() }
        let reports = Reports()
        let watcher = try FileWatcher(site: folder.url, method: method) { reports.add($0) }
        defer { watcher.stop() }
        try folder.write("content/notes/2025/c.md", "c\n")
        let noticed = reports.wait(within: 20) { $0 == nil || $0?.contains("content/notes/2025/c.md") == true }
        #expect(noticed != nil, "\(reports.all)")
        // Once the watcher has seen the folder, a save in it is reported by its path.
        Thread.sleep(forTimeInterval: 0.5)
        let count = reports.all.count
        try folder.write("content/notes/2025/c.md", "c, saved again\n")
        #expect(reports.wait(within: 20, from: count) { $0?.contains("content/notes/2025/c.md") == true } != nil, "\(reports.all)")
    }

    @Test("stop returns, and no report comes after it", arguments: [FileWatcher.Method.inotify, .polling])
    func watcherStops(method: FileWatcher.Method) throws {
        let folder = try Self.watchedSite()
        defer { folder.cleanUp() }
        let reports = Reports()
        let watcher = try FileWatcher(site: folder.url, method: method) { reports.add($0) }
        #expect(finishes(within: 30) { watcher.stop() } != nil)
        try folder.write("content/notes/a.md", "after\n")
        Thread.sleep(forTimeInterval: 1)
        #expect(reports.all.isEmpty)
    }

    // MARK: SiteSession

    /// The file at `path` of `snapshot`; "" (and an issue at the caller's line) when it is missing or fails.
    static func page(_ snapshot: SiteSnapshot, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            guard let bytes = try snapshot.bytes(at: path) else {
                Issue.record("no file at \(path)", sourceLocation: sourceLocation)
                return ""
            }
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            Issue.record("\(path): \(error.diagnostic)", sourceLocation: sourceLocation)
            return ""
        }
    }

    static func built(_ outcome: SiteSession.Outcome, sourceLocation: SourceLocation = #_sourceLocation) throws -> SiteSnapshot {
        guard case .built(let snapshot) = outcome else {
            Issue.record("not built: \(outcome)", sourceLocation: sourceLocation)
            throw HarnessFailure("not built")
        }
        return snapshot
    }

    static func note(_ title: String, _ body: String, extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: 2025-01-06\ntopics: [Kursk]\n\(extra)---\n\(body)\n"
    }

    @Test("a session rebuilds what changed, says when nothing did, and keeps serving its last good site")
    func sessionRebuilds() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/second.md", Self.note("Second", "Second body."))
        let session = SiteSession(site: site.site)
        defer { session.close() }
        let first = try Self.built(session.rebuild())
        #expect(first.notes == 2 && first.articles == 1 && first.drafts == 0)
        #expect(Self.page(first, "notes/first/index.html").contains("<p>Body</p>"))
        #expect(first.has("notes/second/index.html") && !first.has("notes/third/index.html"))
        #expect(try first.bytes(at: "notes/third/index.html") == nil)

        guard case .unchanged = session.rebuild(changed: []) else { Issue.record("rebuilt with nothing changed"); return }
        guard case .unchanged = session.rebuild(changed: ["content/notes/first.md"]) else {
            Issue.record("rebuilt a note saved unchanged")
            return
        }

        try site.write("content/notes/first.md", Self.note("First", "Edited body."))
        let edited = try Self.built(session.rebuild(changed: ["content/notes/first.md"]))
        #expect(Self.page(edited, "notes/first/index.html").contains("<p>Edited body.</p>"))
        #expect(Self.page(first, "notes/first/index.html").contains("<p>Body</p>"), "a snapshot never changes")

        try site.write("content/notes/first.md", Self.note("First", "Edited again."))
        let again = try Self.built(session.rebuild(changed: ["content/notes/first.md"]))
        #expect(Self.page(again, "notes/first/index.html").contains("<p>Edited again.</p>"))

        // Broken in its front matter: the note's page of the last good build must still render, with its body.
        try site.write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-06\ntopics: [Kursk\n---\nBroken.\n")
        guard case .failed(let diagnostics) = session.rebuild(changed: ["content/notes/first.md"]) else {
            Issue.record("a broken note built")
            return
        }
        #expect(diagnostics.contains { $0.description.hasPrefix("content/notes/first.md:") && $0.severity == .error },
                "\(diagnostics)")
        #expect(Self.page(again, "notes/first/index.html").contains("<p>Edited again.</p>"))

        // Broken by a link that goes nowhere (the note loads; the index refuses it): the same.
        try site.write("content/notes/first.md", Self.note("First", "See [nothing](nowhere.md)."))
        guard case .failed(let linkDiagnostics) = session.rebuild(changed: ["content/notes/first.md"]) else {
            Issue.record("a broken link built")
            return
        }
        #expect(linkDiagnostics.contains { $0.description.contains("content/notes/first.md:") && $0.description.contains("nowhere") })
        #expect(Self.page(again, "notes/first/index.html").contains("<p>Edited again.</p>"))
        #expect(Self.page(again, "notes/second/index.html").contains("<p>Second body.</p>"))

        try site.write("content/notes/first.md", Self.note("First", "Fixed."))
        let fixed = try Self.built(session.rebuild(changed: ["content/notes/first.md"]))
        #expect(Self.page(fixed, "notes/first/index.html").contains("<p>Fixed.</p>"))

        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/second.md"))
        let removed = try Self.built(session.rebuild(changed: ["content/notes/second.md"]))
        #expect(removed.notes == 1 && !removed.has("notes/second/index.html"))
        #expect(!Self.page(removed, "notes/index.html").contains("Second"))
        #expect(Self.page(removed, "notes/first/index.html").contains("<p>Fixed.</p>"))
    }

    @Test("a session rebuilds everything when told anything may have changed")
    func sessionRebuildsAll() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let session = SiteSession(site: site.site)
        defer { session.close() }
        _ = try Self.built(session.rebuild())
        try site.write("content/notes/first.md", Self.note("First", "Unreported edit."))
        try site.write("content/notes/other.md", Self.note("Other", "Unreported note."))
        let all = try Self.built(session.rebuild(changed: nil))
        #expect(all.notes == 2)
        #expect(Self.page(all, "notes/first/index.html").contains("Unreported edit."))
        #expect(Self.page(all, "notes/other/index.html").contains("Unreported note."))
    }

    @Test("a note added, a template or site.yml edited: the next rebuild has it")
    func sessionSeesNewFiles() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let session = SiteSession(site: site.site)
        defer { session.close() }
        _ = try Self.built(session.rebuild())
        try site.write("content/notes/added.md", Self.note("Added", "Added body."))
        let added = try Self.built(session.rebuild(changed: ["content/notes/added.md"]))
        #expect(Self.page(added, "notes/added/index.html").contains("<p>Added body.</p>"))
        #expect(Self.page(added, "notes/index.html").contains("Added</a>"))

        let template = site.site.appendingPathComponent("templates/note.mustache")
        let original = try String(contentsOf: template, encoding: .utf8)
        try (original + "<p id=\"edited-template\"></p>\n").write(to: template, atomically: false, encoding: .utf8)
        let templated = try Self.built(session.rebuild(changed: ["templates/note.mustache"]))
        #expect(Self.page(templated, "notes/added/index.html").contains("edited-template"))

        try site.write("site.yml", "title: A renamed dossier\n")
        let renamed = try Self.built(session.rebuild(changed: ["site.yml"]))
        #expect(Self.page(renamed, "index.html").contains("A renamed dossier"))
    }

    @Test("topics.yml edited: the articles are tagged again")
    func sessionTopicsRetag() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/b.txt", "---\ntitle: B\ndate: 2025-01-02\noutlet: Y\n---\nSudzha was the first town taken, in August.\n")
        let session = SiteSession(site: site.site)
        defer { session.close() }
        let before = try Self.built(session.rebuild())
        #expect(!before.has("topics/sudzha-town/index.html"))
        try site.write("content/topics.yml", "- name: Kursk\n  aliases: [Kursk incursion]\n- name: Sudzha town\n  aliases: [Sudzha]\n")
        let after = try Self.built(session.rebuild(changed: ["content/topics.yml"]))
        #expect(Self.page(after, "topics/sudzha-town/index.html").contains("articles/b/index.html"))
        #expect(Self.page(after, "articles/b/index.html").contains("Sudzha town"))
    }

    @Test("a session shows drafts, marked, with the serve policy; the search index is served from memory")
    func sessionDraftsAndPolicy() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/draft.md", Self.note("Unfinished", "Draft body.", extra: "draft: true\n"))
        let session = SiteSession(site: site.site)
        defer { session.close() }
        let snapshot = try Self.built(session.rebuild())
        #expect(snapshot.notes == 2 && snapshot.drafts == 1)
        let page = Self.page(snapshot, "notes/draft/index.html")
        #expect(page.contains("class=\"draft-mark\"") && page.contains("Draft body."))
        #expect(page.contains("connect-src 'self'") && page.contains("script-src 'self'"))
        #expect(Self.page(snapshot, "notes/index.html").contains("Unfinished</a> <span class=\"draft-mark\">draft</span>"))
        #expect(snapshot.has("search/meta.json"))
        #expect(Self.page(snapshot, "search/meta.json").hasPrefix("{"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a session writes no site")
    }
}
