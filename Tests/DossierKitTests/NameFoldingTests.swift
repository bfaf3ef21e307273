import PropertyBased
import Testing
@testable import DossierKit

@Suite("Name folding")
struct NameFoldingTests {
    static func key(_ word: String) -> String { NameFolding.key(word[...]) }

    @Test("the spellings transliteration gives one name share a key", arguments: [
        ["Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskyi", "Zelenskii", "Zelenskij", "Zelenskyj", "Zelenski",
         "Zelens'kyi", "Zelens’kyy", "Zelensʹkyĭ", "ZELENSKYY"],
        ["Syrskyi", "Syrsky", "Syrskiy", "Syrskii", "Syrs'kyi"],
        ["Dobropillia", "Dobropillya", "Dobropillja"],
        ["Kostiantynivka", "Kostyantynivka", "Kostjantynivka"],
        ["Sloviansk", "Slovyansk", "Slov'iansk", "Slov’yans’k"],
        ["Pokrovsk", "Pokrovs'k", "Pokrovsʹk"],
        ["Oleksii", "Oleksiy", "Oleksij"],
        ["Zaluzhnyi", "Zaluzhnyy", "Zaluzhniy"],
        ["Ukrainska", "Ukrains'ka", "Ukrainsʹka"],
        ["Yevhen", "Ievhen", "Jevhen"],
        ["Zelenskaya", "Zelenskaia", "Zelenskaja"],
    ])
    func families(spellings: [String]) {
        #expect(Set(spellings.map(Self.key)).count == 1, "\(spellings.map(Self.key))")
    }

    @Test("different names, and spellings no system gives, keep their own keys", arguments: [
        ("Zelensky", "Zelenska"), ("Zelenskyy", "Zelenskaya"), ("Syrsky", "Syrska"), ("Sumy", "Sum"),
        ("Kyiv", "Kyivan"), ("Kursk", "Kursky"), ("Kursk", "Kurskiy"), ("Dobropillia", "Dobropilya"),
        ("Oleksandr", "Oleksander"), ("Sudzha", "Sudja"), ("Kyiv", "Kiev"), ("Zelensky", "Selensky"),
        ("pesky", "Peski"), ("Asia", "Asya"), ("funny", "funni"), ("Zaluzhny", "Zaluzhnyi"), ("Hawaii", "Hawaiy"),
    ])
    func apart(a: String, b: String) {
        #expect(Self.key(a) != Self.key(b))
    }

    @Test("a key is itself a spelling of its word: folding it again changes nothing")
    func idempotent() async {
        let letters = Gen<Character?>.element(of: Array("aeiouyjkscnlvz'’ʹĭ")).map { $0 ?? "a" }
        await propertyCheck(count: 500, input: letters.array(of: 0...12).map { String($0) }) { word in
            let key = Self.key(word)
            #expect(Self.key(key) == key, "\(word)")
        }
    }

    @Test("no two names or aliases of different topics in content/topics.yml share their keys")
    func repositoryTopicsStayApart() throws {
        var log = DiagnosticLog()
        let topics = TopicLoader.load(try Repo.text("content/topics.yml"), path: "content/topics.yml", log: &log)
        #expect(log.items.isEmpty)
        #expect(topics.count > 10)
        let terms = topics.flatMap { topic in ([topic.name] + topic.aliases).map { (topic.slug, $0, NameFolding.keys(of: $0)) } }
        for (slugA, termA, keysA) in terms {
            for (slugB, termB, keysB) in terms where slugA < slugB {
                #expect(keysA != keysB, "'\(termA)' (\(slugA)) and '\(termB)' (\(slugB))")
            }
        }
    }

    @Test("two topics whose terms share a key are an error in topics.yml")
    func loaderRejectsMeetingTerms() {
        var log = DiagnosticLog()
        _ = TopicLoader.load("- name: Zelensky\n- name: Other\n  aliases: [Zelenskiy]\n", path: "content/topics.yml", log: &log)
        #expect(log.items.map(\.description) == [
            "content/topics.yml:3:13: error: 'Zelenskiy' already names topic 'Zelensky' (as 'Zelensky')",
        ])
    }

    @Test("words keep soft signs inside and leave English clitics out")
    func words() {
        let words = NameFolding.words(in: "Zelens'kyi's aide, O'Brien, said 'Kyiv’ll hold' — Pokrovs’k’s")
        #expect(words.map(\.key) == ["zelenskyj", "s", "aide", "obrjen", "said", "kyiv", "ll", "hold", "pokrovsk", "s"])
    }

    @Test("adversarial input simply completes", arguments: ["a", "'", "’", "y", "a'", "ya", "ʹ"])
    func adversarial(unit: String) {
        let text = String(repeating: unit, count: 200_000 / unit.utf8.count)
        let matcher = TopicMatcher(topics: [Topic(name: "Zelensky", slug: "zelensky", aliases: [], description: nil)])
        #expect(matcher.matches(in: text).isEmpty)
        #expect(matcher.matches(in: text + " Zelenskiy").map(\.found) == ["Zelenskiy"])
    }
}

@Suite("Topic matches")
struct TopicMatchTests {
    let matcher = TopicMatcher(topics: [
        Topic(name: "Volodymyr Zelensky", slug: "zelensky", aliases: ["Zelensky", "Selensky"], description: nil),
        Topic(name: "Olena Zelenska", slug: "zelenska", aliases: [], description: nil),
        Topic(name: "Kyiv", slug: "kyiv", aliases: ["Kiev"], description: nil),
        Topic(name: "Kursk", slug: "kursk", aliases: ["Kursk region"], description: nil),
        Topic(name: "Oleksandr Syrskyi", slug: "syrskyi", aliases: ["Syrskyi"], description: nil),
    ])

    @Test("a match names the term from topics.yml and the words as the text spells them")
    func termAndFound() {
        #expect(matcher.matches(in: "Zelenskiy’s aide met Volodymyr Zelenskyy; Syrs'kyi and the kursk Region") == [
            TopicMatch(slug: "kursk", term: "Kursk region", found: "kursk Region"),
            TopicMatch(slug: "syrskyi", term: "Syrskyi", found: "Syrs'kyi"),
            TopicMatch(slug: "zelensky", term: "Zelensky", found: "Zelenskiy"),
        ])
        #expect(matcher.matches(in: "Volodymyr\nZELENSKYJ") == [TopicMatch(slug: "zelensky", term: "Volodymyr Zelensky", found: "Volodymyr\nZELENSKYJ")])
    }

    @Test("whole words only, and the feminine is another name")
    func wholeWords() {
        #expect(matcher.topics(in: "Zelenskyy's plan") == ["zelensky"])
        #expect(matcher.topics(in: "Kyivan Rus, Kursky station, Zelenskaya") == [])
        #expect(matcher.topics(in: "Olena Zelenska in Kyiv") == ["kyiv", "zelenska"])
        #expect(matcher.topics(in: "Selenskyj in Kiev") == ["kyiv", "zelensky"])
    }

    @Test("notes name topics in any spelling folding joins")
    func resolve() {
        let resolver = TopicResolver(topics: [
            Topic(name: "Volodymyr Zelensky", slug: "zelensky", aliases: ["Zelensky"], description: nil),
            Topic(name: "Olena Zelenska", slug: "zelenska", aliases: [], description: nil),
        ])
        var log = DiagnosticLog()
        for (ref, slug) in [("Zelenskiy", "zelensky"), ("volodymyr zelens'kyi", "zelensky"), ("olena zelenska", "zelenska"), ("Zelenska", "zelenska")] {
            #expect(resolver.resolve(Located(value: ref, line: 1, column: 1), path: "p", log: &log) == slug)
        }
        #expect(log.items.isEmpty)
    }
}
