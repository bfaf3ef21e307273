import Foundation
import Testing
@testable import DossierKit

@Suite("Article cleaner: boilerplate")
struct BoilerplateTests {
    let body = "The main paragraph of the story says something substantial about the front line today."

    @Test("navigation and breadcrumb lines are dropped", arguments: [
        "• Home/", "  • World/", "• Europe news", "Home > World > Europe", "Home/", "News | Sport | Weather | Travel",
    ])
    func navigation(line: String) {
        #expect(ArticleCleaner.clean("\(line)\n\(body)").paragraphs == [body])
    }

    @Test("logos, advertising and 'Scroll to continue' are dropped", arguments: [
        "logo", "Site logo", "Advertisement", "Advertisement · Scroll to continue", "ADVERTISEMENT", "Sponsored",
        "Story continues below advertisement",
    ])
    func furniture(line: String) {
        #expect(ArticleCleaner.clean("\(body)\n\(line)\n\(body) Again.").paragraphs == [body, body + " Again."])
    }

    @Test("'Show more' is dropped, alone or glued to a paragraph")
    func showMore() {
        let cleaned = ArticleCleaner.clean("Did it help? This speaks for and that against. Show more\nShow more\n\(body)")
        #expect(cleaned.paragraphs == ["Did it help? This speaks for and that against.", body])
    }

    @Test("app-store promotions are dropped", arguments: [
        "DOWNLOAD THE APP", "Get Started Now: Download the App", "app-storeplay-store",
        "Ready to dive in? Download Daily8 app today from your preferred app store and start exploring.",
        "Get it on Google Play",
    ])
    func appPromotion(line: String) {
        #expect(ArticleCleaner.clean("\(body)\n\(line)").paragraphs == [body])
    }

    @Test("comment widgets are dropped", arguments: ["Comments", "No comments yet...", "12 comments", "Leave a comment"])
    func comments(line: String) {
        #expect(ArticleCleaner.clean("\(body)\n\(line)").paragraphs == [body])
    }

    @Test("an aggregator's related-stories section is cut with everything after it")
    func relatedSection() {
        let raw = "\(body)\nRelated Articles\nAnother story entirely\nIts long text, which is not this article at all.\n"
        #expect(ArticleCleaner.clean(raw).paragraphs == [body])
    }

    @Test("widget labels left dangling at the end are dropped, sentences are kept")
    func danglingTail() {
        let raw = "\(body)\nA subheading\nThe closing sentence.\nOrange background\nTry Our AI Features\nExplore what it can do for you:"
        #expect(ArticleCleaner.clean(raw).paragraphs == [body, "The closing sentence."])
    }

    @Test("repeated paragraphs are kept once, in first position")
    func repeatedParagraphs() {
        let raw = "First one here.\nSecond one here.\nFirst one here.\n\nSecond  one here.\nThird."
        #expect(ArticleCleaner.clean(raw).paragraphs == ["First one here.", "Second one here.", "Third."])
    }

    @Test("body text that merely mentions these words is kept")
    func mentionsAreKept() {
        let paragraphs = [
            "The advertisement campaign of the ministry ran for weeks in every newspaper of the region and beyond it.",
            "Officials declined to comment on the losses, citing the ongoing operation in the border region today.",
        ]
        #expect(ArticleCleaner.clean(paragraphs.joined(separator: "\n")).paragraphs == paragraphs)
    }
}

@Suite("Article cleaner: inference")
struct InferenceTests {
    /// Found by the property test: a label above the headline ("-km²;") was kept as a standfirst, then dropped as the
    /// head when the cleaned text, without its headline, was read again. A whole sentence there is a standfirst in
    /// both readings; a label in neither.
    @Test("what stands above the headline is kept or dropped the same way when the cleaned text is read again", arguments: [
        ("-square-kilometre;\nAs of March 13, 2025\nTelegraph19 hours agotopics: [a, bTelegraph19 hours ago. ", 1),
        ("Live:\nTroops Cross The Border Near Sudzha Today\nUkrainian units crossed into the Kursk region on Tuesday morning.", 1),
        ("Short standfirst.\nThe Big Headline Is Here Now\nThe story begins with a sentence long enough to be prose.", 2),
    ])
    func aboveHeadlineIdempotent(_ text: String, kept: Int) {
        let once = ArticleCleaner.clean(text)
        let twice = ArticleCleaner.clean(once.paragraphs.joined(separator: "\n"))
        #expect(once.paragraphs.count == kept, "\(once.paragraphs)")
        #expect(twice.paragraphs == once.paragraphs)
    }

    @Test("a bold line is the headline and leaves the body, with its repeats")
    func boldHeadline() {
        let cleaned = ArticleCleaner.clean("A teaser line.\n**The Headline**\n\n**The Headline**\nBody text.")
        #expect(cleaned.headline == "The Headline")
        #expect(cleaned.paragraphs == ["A teaser line.", "Body text."])
    }

    @Test("a first line repeated under itself is the headline")
    func repeatedHeadline() {
        let cleaned = ArticleCleaner.clean("logo\nPutin races ahead\n\nPutin races ahead\n\nBody text.")
        #expect(cleaned.headline == "Putin races ahead")
        #expect(cleaned.paragraphs == ["Body text."])
    }

    @Test("no headline is invented from an ordinary first paragraph")
    func noHeadline() {
        #expect(ArticleCleaner.clean("Moscow announced on Thursday a new offensive.\nMore text.").headline == nil)
    }

    @Test("a leading ' date YYYY-MM-DD' marker gives the date and leaves the text")
    func leadingDate() {
        let cleaned = ArticleCleaner.clean(" date 2025-03-17 After seven and a half months, it is over.\n\nMore.")
        #expect(cleaned.date == Day(year: 2025, month: 3, day: 17))
        #expect(cleaned.paragraphs.first == "After seven and a half months, it is over.")
    }

    @Test("an explicit date in the text is found", arguments: [
        ("As of March 13, 2025, the situation changed.", Day(year: 2025, month: 3, day: 13)),
        ("Published 2 February 2024. Text.", Day(year: 2024, month: 2, day: 2)),
        ("Updated: January 5, 2025 — Text.", Day(year: 2025, month: 1, day: 5)),
        ("On March 13, Moscow reported the recapture.", nil),
        ("As of February 30, 2025, nothing.", nil),
    ])
    func explicitDate(text: String, expected: Day?) {
        #expect(ArticleCleaner.clean(text).date == expected)
    }

    @Test("an outlet line with a relative time gives the outlet and is dropped", arguments: [
        ("Telegraph19 hours ago", "Telegraph"), ("Reuters · 3 days ago", "Reuters"), ("The Guardian 1 hour ago", "The Guardian"),
    ])
    func outlet(line: String, outlet: String) {
        let cleaned = ArticleCleaner.clean("Headline here\n\(line)\nA paragraph that is long enough to be the body of the article, with words.")
        #expect(cleaned.outlet == outlet)
        #expect(!cleaned.paragraphs.contains(line))
    }

    @Test("a relative time deep in the page does not name the outlet")
    func outletOnlyInHeader() {
        let cleaned = ArticleCleaner.clean("A paragraph that is long enough to be the body of the article, with many words in it.\nSouth Wales Guardian 3 minutes ago")
        #expect(cleaned.outlet == nil)
    }

    @Test("cleaning is idempotent on its own output")
    func idempotent() throws {
        for name in try SeedTests.articleFiles() {
            let once = ArticleCleaner.cleanFile(try Repo.text("content/articles/\(name)"))
            let twice = ArticleCleaner.clean(once.paragraphs.joined(separator: "\n"))
            #expect(twice.paragraphs == once.paragraphs, "\(name)")
        }
    }
}

@Suite("Article cleaner: the seed articles")
struct SeedTests {
    static func articleFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent("content/articles").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static let boilerplate = ["Home/", "Scroll to continue", "Advertisement", "Show more", "logo", "Telegraph19 hours ago",
                              "Related Articles", "No comments yet", "DOWNLOAD THE APP", "app-storeplay-store",
                              "Try Our AI Features", "Orange background", "South Wales Guardian", "time3 minutes ago"]

    @Test("no seed keeps any boilerplate or repeated paragraph")
    func clean() throws {
        for name in try Self.articleFiles() {
            let cleaned = ArticleCleaner.cleanFile(try Repo.text("content/articles/\(name)"))
            for paragraph in cleaned.paragraphs {
                for junk in Self.boilerplate { #expect(!paragraph.contains(junk), "\(name): \(paragraph)") }
            }
            #expect(Set(cleaned.paragraphs).count == cleaned.paragraphs.count, "\(name) repeats a paragraph")
        }
    }

    @Test("each seed's headline, date and outlet are inferred where the text gives them", arguments: [
        ("2025-03-17-kursk-operation-over.txt", nil, "2025-03-17", nil, 21),
        ("2025-02-06-new-ukrainian-push-in-kursk.txt", nil, nil, nil, 6),
        ("2025-03-13-russia-offensive-in-kursk-intensifies.txt", "Kursk Conflict: Russia's Offensive on Ukrainian Forces Intensifies", "2025-03-13", nil, 7),
        ("2025-04-27-putin-hails-kursk-victory.txt", "Putin Hails Kursk ‘Victory’ As Zelenskyy Vows Fierce Resistance Continues", nil, nil, 8),
        ("2025-08-12-putin-races-to-seize-land.txt", "Putin races to seize Ukrainian land before Trump talks", nil, "Telegraph", 49),
    ] as [(String, String?, String?, String?, Int)])
    func inference(file: String, headline: String?, date: String?, outlet: String?, paragraphs: Int) throws {
        let cleaned = ArticleCleaner.cleanFile(try Repo.text("content/articles/\(file)"))
        #expect(cleaned.headline == headline)
        #expect(cleaned.date?.iso == date)
        #expect(cleaned.outlet == outlet)
        #expect(cleaned.paragraphs.count == paragraphs)
    }

    @Test("the Telegraph article ends with its own last sentence, before the aggregator's extras")
    func telegraphEnding() throws {
        let cleaned = ArticleCleaner.cleanFile(try Repo.text("content/articles/2025-08-12-putin-races-to-seize-land.txt"))
        #expect(cleaned.paragraphs.last?.hasSuffix("he may already have shifted the map in his favour.") == true)
        #expect(!cleaned.paragraphs.contains { $0.contains("Kim Jong Un") })
    }

    @Test("the bodies in content/ are the seeds, unchanged, when ../shared is present")
    func bodiesUnchanged() throws {
        let seeds = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else { return }
        let articles = try Self.articleFiles().map { try Repo.text("content/articles/\($0)") }
        for name in names where name.hasSuffix(".txt") {
            let seed = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            #expect(articles.contains { $0.hasSuffix("\n---\n" + seed) }, "\(name) is not in content/articles unchanged")
        }
    }
}
