import Foundation
import Testing
@testable import DossierKit

/// The dossier as shipped keeps the promise its pages make: every figure tied to a report a reader can open.
@Suite("Shipped content: every figure sourced, every source a report's own page")
struct ShippedContentTests {
    static func notes() throws -> [(name: String, text: String)] {
        let folder = Repo.root.appendingPathComponent("content/notes")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { ($0, try Repo.text("content/notes/\($0)")) }
    }

    @Test("no number with a unit in a shipped note lacks a link in its sentence or row")
    func figuresSourced() throws {
        var log = DiagnosticLog()
        for (name, text) in try Self.notes() {
            // The body starts after the front matter's closing line.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let close = try #require(lines.indices.dropFirst().first { lines[$0] == "---" })
            let body = lines[(close + 1)...].joined(separator: "\n")
            UnsourcedFigures.check(body, path: "content/notes/" + name, firstLine: close + 2, log: &log)
        }
        #expect(log.items.map(\.description) == [])
    }

    @Test("every outside address a shipped note links to is a report's own page, never a home page")
    func noteLinksHavePaths() throws {
        var count = 0
        for (name, text) in try Self.notes() {
            for match in text.matches(of: #/\]\((https?://[^)\s]+)\)/#) {
                count += 1
                #expect(SourceAddress.problem(with: String(match.output.1)) == nil, "\(name): \(match.output.1)")
            }
        }
        // The timeline's addresses moved to content/events.yml, whose sources TerritoryTests checks the same way.
        #expect(count >= 15)
    }
}
