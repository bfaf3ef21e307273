import Foundation
import Testing
@testable import DossierKit

/// Every sentence here is made up, in the shapes the press uses; none is copied from an article.
@Suite("Territory: the area extractor")
struct AreaExtractorTests {
    static func figures(_ paragraphs: String...) -> [AreaFigure] {
        AreaExtractor.figures(in: paragraphs, focus: ["Kursk"])
    }

    static func km2(_ text: String) -> [Double] {
        figures(text).map { ($0.km2 * 1000).rounded() / 1000 }
    }

    @Test("every unit form, number form and separator", arguments: [
        ("The brigade held 1,200 square kilometres near the border.", 1200.0),
        ("The brigade held 1,200 square kilometers near the border.", 1200),
        ("The brigade held 1,200 square km near the border.", 1200),
        ("The brigade held 1,200 sq km near the border.", 1200),
        ("The brigade held 1,200 sq. km near the border.", 1200),
        ("The brigade held 1,200 sq.km near the border.", 1200),
        ("The brigade held 1,200 km² near the border.", 1200),
        ("The brigade held 1,200 km2 near the border.", 1200),
        ("The brigade held 1,200sq km near the border.", 1200),
        ("The brigade held 1,200km² near the border.", 1200),
        ("The brigade held 1 200 km² near the border.", 1200),
        ("The brigade held 1\u{A0}200 km² near the border.", 1200),
        ("The brigade held 1\u{202F}200 km² near the border.", 1200),
        ("The brigade held 1\u{2009}200 km² near the border.", 1200),
        ("The brigade held 12,345.5 sq km near the border.", 12345.5),
        ("The brigade held 2.5 sq km near the border.", 2.5),
        ("The brigade held 1.5 thousand square kilometres near the border.", 1500),
        ("The brigade held 10 square miles near the border.", 25.9),
        ("The brigade held 10 sq mi near the border.", 25.9),
        ("The brigade held 10 sq miles near the border.", 25.9),
        ("The brigade held 1 square mile near the border.", 2.59),
        ("The brigade dug into a 250-square-kilometre pocket.", 250),
        ("The brigade dug into a 250-square-kilometer pocket.", 250),
        ("The brigade dug into a 100-square-mile salient.", 258.999),
        ("The brigade held a thousand square kilometres.", 1000),
        ("The brigade held two hundred square kilometres.", 200),
        ("The brigade held one thousand four hundred square kilometres.", 1400),
        ("The brigade held three hundred and fifty square kilometres.", 350),
        ("The brigade held twenty-five square kilometres.", 25),
    ])
    func units(text: String, km2: Double) {
        #expect(Self.km2(text) == [km2])
    }

    @Test("square miles are converted at 2.589988 km² each")
    func miles() {
        #expect(AreaExtractor.squareMileInKm2 == 2.589988)
        #expect(Self.figures("They held 350 sq mi.").first?.km2 == 350 * 2.589988)
    }

    @Test("lengths, other units and numbers without digits yield nothing", arguments: [
        "The column pushed 35 kilometers deep into the district.",
        "They attacked along a 40-kilometer front.",
        "The corridor is 12-13 kilometers (seven to eight miles) wide.",
        "Office: 11 km, Birch Rd, Riverside.",
        "The troops advanced 10 kilometres in two days.",
        "The flat measures 500 sq ft in all.",
        "The farm is 30 hectares, or 300,000 square metres.",
        "They still hold dozens of square kilometres.",
        "They took a few hundred square kilometres.",
        "The squares of the town were empty.",
        "They held ,000 sq km of the valley.",
        "They held .5 sq km of the valley.",
        "They held 1,0 sq km of the valley.",
        "Forces held almost 1,400 square ",
        "Forces held 0 sq km.",
    ])
    func nothing(text: String) {
        #expect(Self.figures(text) == [])
    }

    @Test("a conversion after a figure is part of it, right, wrong or cut off", arguments: [
        ("The unit held 800 square kilometres (300 square miles) of farmland.", [800.0]),
        ("The unit held 90 sq km (56 sq miles) of farmland.", [90]),
        ("The unit held 1,000 square kilometers (386 square mil", [1000]),
        ("The unit held 500 square kilometres, or 193 square miles, of farmland.", [500]),
        ("The unit held 500 km²/193 sq mi of farmland.", [500]),
        ("The unit held 300 square miles (777 square kilometres) of farmland.", [776.996]),
    ])
    func conversions(text: String, km2: [Double]) {
        #expect(Self.km2(text) == km2)
    }

    @Test("the same figure stated twice is one figure with two quotes")
    func duplicates() {
        let found = Self.figures(
            "Kyiv's troops hold about 1,000 square kilometers of the border area.",
            "Fighting went on through the night.",
            "\"We now control nearly 1,010 square kilometers,\" the officer said.")
        #expect(found.count == 1)
        #expect(found.first?.km2 == 1000)
        #expect(found.first?.quotes.map(\.paragraph) == [0, 2])
        #expect(found.first?.quotes.map(\.text) == ["1,000 square kilometers", "1,010 square kilometers"])
        #expect(found.first?.quotes.last?.sentence == "\"We now control nearly 1,010 square kilometers,\" the officer said.")
        #expect(Self.km2("They hold 1,000 sq km. They held 1,100 sq km before.") == [1000, 1100])
        #expect(Self.figures("They hold 500 sq km. At its peak the area was 500 sq km.").map(\.kind) == [.held, .peak])
    }

    @Test("figures come in order of first appearance, one sentence each")
    func order() {
        let found = Self.figures("Col. Ivanenko's unit held 70 sq km. Then it held 60 sq km.", "Later it held 50 sq km, or 70 sq km by another count.")
        #expect(found.map(\.km2) == [70, 60, 50])
        #expect(found.map(\.quotes.count) == [2, 1, 1])
        #expect(found.first?.quotes.first?.sentence == "Col. Ivanenko's unit held 70 sq km.")
    }

    @Test("each kind, in more than one phrasing", arguments: [
        ("Kyiv's troops control about 600 square kilometres in the Kursk region.", AreaFigure.Kind.held),
        ("Ukraine seized roughly 700 sq km of Russian land last summer.", .held),
        ("The pocket has shrunk to 80 sq km.", .held),
        ("At its peak, the bridgehead held about 1,100 square kilometres.", .peak),
        ("At the height of the operation, the force occupied 1,250 sq km.", .peak),
        ("The salient, which at one point spanned 1,300 sq km, collapsed.", .peak),
        ("The force controlled up to 1,150 km² in the autumn.", .peak),
        ("Troops gained another 35 square kilometres.", .change),
        ("The army recaptured about 20 square miles.", .change),
        ("The army liberated 150 sq km over four days.", .change),
        ("Over the past week the brigade pushed forward across 60 sq km.", .change),
        ("The defenders lost 45 sq km in the past 24 hours.", .change),
        ("They captured some 70 square kilometres on 3 September.", .change),
        ("They took an additional 25 sq km of farmland.", .change),
        ("They took 25 more sq km of farmland.", .change),
        ("Kursk Oblast, which covers about 29,000 square kilometres, borders Ukraine.", .regionSize),
        ("The oblast is a region of 29,000 sq km.", .regionSize),
        ("The force took an area roughly the size of Luxembourg, some 2,500 km².", .regionSize),
        ("The Kursk region (29,000 sq km) lies to the north.", .regionSize),
        ("Russian troops took 300 square kilometres in the Donetsk region last month.", .elsewhere),
        ("In Kherson, the army holds 50 sq km on the left bank.", .elsewhere),
        ("Moscow seized 400 sq km in eastern Ukraine in the spring.", .elsewhere),
        ("The army holds 50 sq km in Zaporizhzhia.", .elsewhere),
        ("The unit holds 50 sq km, Ivanenko said in Kyiv.", .held),
        ("Kyiv holds 500 sq km of Kursk but has lost ground in the Donetsk region.", .held),
    ])
    func kinds(text: String, kind: AreaFigure.Kind) {
        #expect(Self.figures(text).map(\.kind) == [kind], "\(text)")
    }

    @Test("a level after a fall, and the peak it fell from, in one sentence")
    func levelAndPeak() {
        #expect(Self.figures("The pocket shrank to 80 sq km, down from a maximum of 1,200 sq km.").map(\.kind) == [.held, .peak])
        // An earlier, larger claim the text sets against today's figure is read as the peak, not as ground held
        // at the article's date.
        #expect(Self.figures("The unit holds 800 sq km, down from earlier claims of almost 1,400 sq km.").map(\.kind) == [.held, .peak])
    }

    @Test("a country the article writes as holding the focus region is not elsewhere")
    func container() {
        #expect(Self.figures("Russia's Kursk region is quiet.", "Ukraine held 900 sq km in Russia.").map(\.kind) == [.held])
        #expect(Self.figures("Ukraine held 900 sq km in Russia.").map(\.kind) == [.elsewhere])
    }

    @Test("the claimant, as written in the sentence", arguments: [
        ("Ukraine holds 400 sq km, according to DeepState.", "DeepState"),
        ("Ukraine holds 400 sq km, according to the Deep Map project on Monday.", "the Deep Map project"),
        ("Petro Ivanenko said the unit holds 400 sq km.", "Petro Ivanenko"),
        ("The unit holds 400 sq km, said Colonel Maria Koval.", "Colonel Maria Koval"),
        ("The Institute for the Study of War reported that the unit holds 400 sq km.", "Institute for the Study of War"),
        ("Analysts at the Institute for the Study of War said the unit holds 400 sq km.", "the Institute for the Study of War"),
        ("Ivanenko told reporters the unit holds 400 sq km.", "Ivanenko"),
        ("Commander-in-Chief Petro Ivanenko reported that the unit holds 400 sq km.", "Petro Ivanenko"),
        ("Ivanenko, the commander, also said on Tuesday the unit holds 400 sq km.", "Ivanenko"),
        ("General Ivanenko, speaking in Kyiv, said the unit holds 400 sq km.", "General Ivanenko"),
        ("DeepState says the unit held 400 sq km, less than the 600 sq km claimed by Kyiv.", "DeepState"),
    ])
    func claimant(text: String, claimant: String) {
        #expect(Self.figures(text).first?.claimant == claimant, "\(text)")
    }

    @Test("a claimant after the figure belongs to it; a quotation's speaker to its figures; none when unsaid")
    func claimants() {
        #expect(Self.figures("DeepState says the unit held 400 sq km, less than the 600 sq km claimed by Kyiv.").map(\.claimant)
                == ["DeepState", "Kyiv"])
        #expect(Self.figures("“We hold 300 square kilometres. It was hard,” Ivanenko said.").first?.claimant == "Ivanenko")
        #expect(Self.figures("\"We hold 300 square kilometres,\" said Maria Koval.").first?.claimant == "Maria Koval")
        #expect(Self.figures("His commander said the unit holds 400 sq km.").first?.claimant == nil)
        #expect(Self.figures("It said the unit holds 400 sq km.").first?.claimant == nil)
        #expect(Self.figures("The unit holds 400 sq km, officials in Kyiv said.").first?.claimant == nil)
        #expect(Self.figures("The unit holds 400 sq km.").first?.claimant == nil)
    }

    @Test("sentences end at a point before a capital, not at abbreviations, initials or decimals")
    func sentences() {
        let text = AreaText("Gen. Ivanenko of the U.S. Army said 1.5 sq. km fell. P. Koval agreed. \"Yes,\" he said! Then more.")
        let sentences = text.sentences().map { text.text($0.lowerBound, $0.upperBound) }
        #expect(sentences == ["Gen. Ivanenko of the U.S. Army said 1.5 sq. km fell.", "P. Koval agreed.", "\"Yes,\" he said!", "Then more."])
    }

    @Test("hostile text of 200 KB is read to the end", arguments: ["a ", "1 ", "square ", ",", "sq ", "1,", "said ", "“x,” ", "1 km² ", "Koval said 1 km² ", "“A 1 km²,” B said "])
    func hostile(piece: String) {
        let text = String(repeating: piece, count: 200_000 / piece.utf8.count)
        for tail in ["sq ft", "sq", ""] {
            let found = AreaExtractor.figures(in: [text + tail, text], focus: ["Kursk"])
            #expect(found.count <= 1)
        }
    }
}
