import Foundation
import Testing
@testable import DossierKit

/// The reader on made-up scrapes of the shapes real pages come in: every rule is a kind of line, so every
/// test invents its own site.
@Suite("Article reader: the page's head")
struct ArticleHeadTests {
    let lede = "The regional governor said on Monday that the evacuation of three border districts would continue."
    let second = "Officials said the roads south of the town remained open to civilian traffic for most of the day."

    @Test("labels, skip links and appeals above the headline go; the headline is the first line of its shape")
    func aboveHeadline() {
        let raw = """
        Ten years of reporting, funded by our readers — become a member now and help us plan next year.
        Skip to main content
        Edit post
        World

        Border towns brace for a long winter, officials say

        by Jane Roe and The Northern Ledger news desk March 3, 2025 9:12 AM 2 min read
        \(lede)
        \(second)
        """
        let cleaned = ArticleCleaner.clean(raw)
        #expect(cleaned.headline == "Border towns brace for a long winter, officials say")
        #expect(cleaned.paragraphs == [lede, second])
        #expect(cleaned.date == Day(year: 2025, month: 3, day: 3))
        #expect(cleaned.outlet == "The Northern Ledger")
        #expect(Set(cleaned.dropped.map(\.rule)).isSuperset(of: [.appeal, .widget, .aboveHeadline, .byline]))
    }

    @Test("a headline printed twice wins even under a teaser sentence, which stays")
    func repeatedHeadline() {
        let teaser = "Troops are still holding a small area near the river, the army said on Sunday evening."
        let raw = "\(teaser)\nArmy Holds Ground Near the River\n\nArmy Holds Ground Near the River\nA standfirst without a full stop\n\(lede)"
        let cleaned = ArticleCleaner.clean(raw)
        #expect(cleaned.headline == "Army Holds Ground Near the River")
        #expect(cleaned.paragraphs == [teaser, lede])
        #expect(cleaned.dropped.contains { $0.rule == .repeatedHeadline })
    }

    @Test("a short sentence set apart on top is the headline; an ordinary short first paragraph is not")
    func setApartHeadline() {
        let apart = ArticleCleaner.clean("The minister spoke about the border.\n\n\n\(lede)\n\(second)\n\(lede) Again.")
        #expect(apart.headline == "The minister spoke about the border.")
        let plain = ArticleCleaner.clean("The minister spoke about the border.\n\(lede)\n\(second)")
        #expect(plain.headline == nil)
        #expect(plain.paragraphs.first == "The minister spoke about the border.")
    }

    @Test("a bold line is the headline only when nothing better stands before it")
    func boldHeadline() {
        #expect(ArticleCleaner.clean("**Bold Words Over The Story**\n\(lede)").headline == "Bold Words Over The Story")
        let both = ArticleCleaner.clean("A Plain Headline Of Good Shape\n**A bold crosshead later on**\n\(lede)")
        #expect(both.headline == "A Plain Headline Of Good Shape")
    }

    @Test("a wire dateline starts the story: outlet read, tag removed, the caption before it dropped", arguments: [
        ("(Northwire) -- The regional governor said", "Northwire"),
        ("(EXAMPLEWIRE- Partner Agency) The regional governor said", "EXAMPLEWIRE"),
        ("RIVERTON, May 2. /XYZ/. The regional governor said", "XYZ"),
    ])
    func wireDateline(opening: String, outlet: String) {
        let caption = "A man walks past a damaged school in the town centre, on Friday, July 5, 2024."
        let cleaned = ArticleCleaner.clean(" date 2025-05-02 \(caption)\n\n\(opening) on Monday that the evacuation would go on.\n\(second)")
        #expect(cleaned.outlet == outlet)
        #expect(cleaned.date == Day(year: 2025, month: 5, day: 2))
        #expect(cleaned.paragraphs == ["The regional governor said on Monday that the evacuation would go on.", second])
        #expect(cleaned.dropped.map(\.rule) == [.beforeDateline])
    }

    @Test("a city dateline keeps its words and still starts the story")
    func cityDateline() {
        let cleaned = ArticleCleaner.clean("A caption of some kind that describes a photograph here.\nRIVERTON, Northland — \(lede)\n\(second)")
        #expect(cleaned.paragraphs == ["RIVERTON, Northland — \(lede)", second])
    }

    @Test("an agency's sign-off after the last sentence names the outlet and leaves the text")
    func signOff() {
        let cleaned = ArticleCleaner.clean("\(lede)\n\(second) (NWA)")
        #expect(cleaned.outlet == "NWA")
        #expect(cleaned.paragraphs == [lede, second])
    }

    @Test("dates come from bylines and date lines, never from captions", arguments: [
        ("Published - Feb 9, 2025, 10:01 AM ET", Day(year: 2025, month: 2, day: 9)),
        ("Updated: 7 January 2025", Day(year: 2025, month: 1, day: 7)),
        ("• 21/03/2025 14:05", Day(year: 2025, month: 3, day: 21)),
        ("[March 04, 2025]", Day(year: 2025, month: 3, day: 4)),
        ("11:45 18.06.2025", Day(year: 2025, month: 6, day: 18)),
        ("Published April 26,2025", Day(year: 2025, month: 4, day: 26)),
    ] as [(String, Day?)])
    func dateLines(line: String, day: Day?) {
        let raw = "Soldiers stand near a truck on August 1, 2023. (Photo by A. Person / EXA)\nA Headline For The Story Here\n\(line)\n\(lede)"
        let cleaned = ArticleCleaner.clean(raw)
        #expect(cleaned.date == day)
        #expect(!cleaned.paragraphs.contains(line))
    }

    @Test("a day-month order the text cannot settle is a note, not a guess")
    func ambiguousDate() {
        let cleaned = ArticleCleaner.clean("• 04/03/2025 18:02\nA Headline For The Story Here\n\(lede)")
        #expect(cleaned.date == nil)
        #expect(cleaned.notes.count == 1)
    }

    @Test("'as of' dates are read in any case; other dates in the text are not publication dates", arguments: [
        ("AS OF MARCH 13, 2025, the front had moved.", Day(year: 2025, month: 3, day: 13)),
        ("as of 2 february 2024 nothing had changed.", Day(year: 2024, month: 2, day: 2)),
        ("On March 13, 2025, Moscow reported the recapture.", nil),
    ] as [(String, Day?)])
    func asOf(text: String, day: Day?) {
        #expect(ArticleCleaner.clean("\(text)\n\(lede)").date == day)
    }

    @Test("outlets from a reading-time byline, a relative time and a copyright line")
    func outlets() {
        #expect(ArticleCleaner.clean("Some Headline Of Good Shape\nThe Weekly Example 4 min read 2 Aug 2025, 07:00 AM\n\(lede)").outlet
                == "The Weekly Example")
        #expect(ArticleCleaner.clean("Some Headline Of Good Shape\nExample Post2 hours ago\n\(lede)").outlet == "Example Post")
        #expect(ArticleCleaner.clean("\(lede)\n\(second)\n©2025 Example Media L.P.").outlet == "Example Media")
        #expect(ArticleCleaner.clean("\(lede)\nSouth Example Gazette 3 minutes ago").outlet == nil)
    }
}

@Suite("Article reader: furniture in the story")
struct ArticleBodyTests {
    let body = "The main paragraph of the story says something substantial about the front line today."
    let more = "Another paragraph follows with further detail on the supply roads and the weather there."

    @Test("furniture lines inside the story are dropped by kind", arguments: [
        ("Read more: Example headline about another matter", DropRule.teaser),
        ("Read moreExample headline glued to the label", .teaser),
        ("READ: Another example headline here", .teaser),
        ("Reading: The story you are reading right now", .teaser),
        ("Photo: A soldier at a checkpoint (Example Images) Author: A. Writer", .caption),
        ("FILE - A general speaks at a ceremony in the capital, on Aug. 2, 2023. (A. Person/Example Pool)", .caption),
        ("A general speaks at a ceremony on April 2, 2024. (A. General/Telegram)", .caption),
        ("Ministers meet in the capital, August 13, 2025. EXAMPLEWIRE/Photographer Name", .caption),
        ("This map by the Example Institute from October 1, 2024 shows the state of play in the region.", .caption),
        ("Map: Ground lost in the region since May 1, 2024", .caption),
        ("Town on the map. Red areas are occupied. Map: Example Tracker", .caption),
        ("Stay informed with free updates", .appeal),
        ("Simply sign up to the Example Digest — delivered directly to your inbox.", .appeal),
        ("Support The Example Times!", .appeal),
        ("(Except for the headline, this story has not been edited by our staff.)", .editorsNote),
        ("- hamburger-menu-icon", .widget),
        ("Share", .widget),
        ("Enregistrer un commentaire", .commentWidget),
        ("Read the full article here", .moreLink),
        ("©2024 Example News L.P.", .copyright),
        ("#", .noWords),
        ("4.2 12182024", .noWords),
    ] as [(String, DropRule)])
    func dropped(line: String, rule: DropRule) {
        let cleaned = ArticleCleaner.clean("\(body)\n\(line)\n\(more)")
        #expect(cleaned.paragraphs == [body, more], "\(line)")
        #expect(cleaned.dropped.map(\.rule) == [rule], "\(line)")
    }

    @Test("short lines that are not sentences are crossheads or story links; long cut-off lines are text")
    func subheadings() {
        let cut = "A long paragraph that the scraper cut off in the middle of its sentence with many words still to"
        let cleaned = ArticleCleaner.clean("\(body)\nA crosshead in the story\n\(more)\n\(cut)")
        #expect(cleaned.paragraphs == [body, more, cut])
        #expect(cleaned.dropped.map(\.rule) == [.subheading])
    }

    @Test("a 'Read also' list is dropped and the story goes on after it")
    func teaserList() {
        let cleaned = ArticleCleaner.clean("\(body)\nRead also\n- First linked story\n- Second linked story\n\(more)")
        #expect(cleaned.paragraphs == [body, more])
    }

    @Test("a widget label ending in a colon goes; a colon leading into a quotation stays")
    func colons() {
        #expect(ArticleCleaner.clean("\(body)\nExplore what our tool can do:\n\(more)").paragraphs == [body, more])
        let quote = "The commander wrote on his channel:"
        #expect(ArticleCleaner.clean("\(body)\n\(quote)\n\"We hold the line and will go on holding it.\"").paragraphs.contains(quote))
    }

    @Test("an author's biography at the end goes; a sentence about a correspondent stays")
    func bio() {
        let bio = "Robin has worked as a news writer and editor at the Example since 2010. Robin covers politics."
        #expect(ArticleCleaner.clean("\(body)\n\(more)\n\(bio)").paragraphs == [body, more])
        let text = "This was stated by the chief of staff at a briefing, an Example correspondent reports."
        #expect(ArticleCleaner.clean("\(body)\n\(text)").paragraphs == [body, text])
    }

    @Test("a trailing share button is cut from a paragraph")
    func trailingShare() {
        #expect(ArticleCleaner.clean("\(body) Share\n\(more)").paragraphs == [body, more])
    }

    @Test("hard-wrapped text is joined back into paragraphs")
    func hardWrapped() {
        let sentence = "Officials in the border district said that the evacuation of villages along the river would continue for"
        let wrapped = (0..<6).map { _ in sentence }.joined(separator: "\n") + "\nthe rest of the week."
        let cleaned = ArticleCleaner.clean("A Headline Of Good Shape Here\n\(wrapped)\n\n\(body)")
        #expect(cleaned.paragraphs.count == 2)
        #expect(cleaned.paragraphs.first?.hasSuffix("the rest of the week.") == true)
    }

    @Test("a page with no sentence anywhere keeps its text")
    func noSentences() {
        let line = "Russian troops retook the village and pushed on toward the town of Example in the north of the region"
        #expect(!ArticleCleaner.clean("A Headline Of Good Shape Here\n\(line)\n\(line) again").paragraphs.isEmpty)
    }

    @Test("hostile input reads in one pass", arguments: [
        String(repeating: "a ", count: 100_000) + "sq ft",
        String(repeating: "(", count: 200_000),
        String(repeating: "By By By ", count: 30_000),
        String(repeating: "Read more\n", count: 20_000),
        String(repeating: "12/12/2012 ", count: 20_000),
        String(repeating: "x ago ", count: 30_000),
        String(repeating: "<script>", count: 20_000),
        String(repeating: "<style a", count: 20_000),
        String(repeating: "<!--", count: 40_000),
    ])
    func hostile(raw: String) {
        _ = ArticleCleaner.clean(raw) // completes: no pattern here can backtrack
    }
}

@Suite("Article reader: the file name and front matter")
struct ArticleSourcesTests {
    @Test("a date the text cannot give comes from the file name, and the article says so")
    func fileNameDate() {
        var log = DiagnosticLog()
        let article = ArticleLoader.load("A paragraph of text without any date in it at all, long enough.", path: "a.txt",
                                         id: "2025-03-04-aid-pause", matcher: TopicMatcher(topics: []), log: &log)
        #expect(article?.date == Day(year: 2025, month: 3, day: 4))
        #expect(article?.dateSource == .fileName)
        #expect(!log.items.contains { $0.message.contains("no date") })
    }

    @Test("front matter wins, and the reader's evidence for it is not claimed")
    func frontMatterWins() {
        var log = DiagnosticLog()
        let text = "---\noutlet: The Example\n---\nSome Headline Of Good Shape\nExample Post2 hours ago\nA paragraph of text that is long enough to be the body."
        let read = ArticleLoader.read(text, path: "a.txt", id: "x", matcher: TopicMatcher(topics: []), log: &log)
        #expect(read?.article.outlet == "The Example")
        #expect(read?.cleaned.evidence.contains { $0.field == "outlet" } == false)
        #expect(read?.cleaned.evidence.first { $0.field == "title" }?.line == 4)
    }
}
