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

    @Test("words keep soft signs inside and leave English clitics out")
    func words() {
        let words = NameFolding.words(in: "Zelens'kyi's aide, O'Brien, said 'Kyiv’ll hold' — Pokrovs’k’s")
        #expect(words.map(\.key) == ["zelenskyj", "s", "aide", "obrjen", "said", "kyiv", "ll", "hold", "pokrovsk", "s"])
    }
}
