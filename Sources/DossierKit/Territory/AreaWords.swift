/// The words the area extractor's rules are made of, in one place so the rules read as sentences.
enum AreaWords {
    /// Between a cue and its figure: "almost", "some", "more than", "an estimated".
    static let approximators: Set<String> = [
        "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "more", "than", "less",
        "under", "just", "only", "least", "at", "estimated", "an", "a", "the", "total", "mere", "whole", "entire",
    ]
    /// Words that open a new clause: cues on one side say nothing about figures on the other.
    static let clauseStarts: Set<String> = [
        "but", "while", "whereas", "although", "though", "now", "currently", "however", "meanwhile", "compared",
        "versus", "down", "today",
    ]
    static let clauseMarks: Set<String> = [";", ":", "—", "–"]

    static let peak: Set<String> = ["peak", "peaked", "height", "heyday", "maximum", "max", "furthest", "farthest"]
    /// A gain or loss: "another 40", "recaptured 46", "liberated 259", "lost 30".
    static let change: Set<String> = [
        "another", "additional", "extra", "further", "gained", "gaining", "gain", "gains", "advanced", "advancing",
        "advance", "advances", "recaptured", "recapturing", "recapture", "retook", "retaken", "retake", "regained",
        "regaining", "reclaimed", "liberated", "liberating", "liberate", "lost", "losing", "lose", "loss", "losses",
        "cleared", "clearing", "added", "adding", "expanded", "expanding", "increased", "grew", "shrank", "shrunk",
        "fell", "dropped", "decreased",
    ]
    /// Verbs of holding stop the look back for a change cue: "advanced into Russia and controls 1,000".
    static let holding: Set<String> = [
        "control", "controls", "controlled", "controlling", "hold", "holds", "held", "holding", "occupy",
        "occupies", "occupied", "occupying", "and",
    ]
    /// Taking ground, which is one day's change when the clause names a day: "captured 110 sq km on 12 August".
    static let taking: Set<String> = ["captured", "took", "seized", "gained", "liberated", "advanced", "won", "occupied"]
    static let perfect: Set<String> = ["has", "have", "had", "having"]
    static let timeUnits: Set<String> = ["day", "days", "week", "weeks", "hour", "hours", "fortnight"]
    /// Before a time unit, these make a period of change: "over the past day", "in 24 hours", "a day".
    static let periodWords: Set<String> = ["past", "last", "per", "each", "every", "recent", "over", "within", "during", "in", "a"]
    static let notPeriodAfter: Set<String> = ["after", "before", "later", "earlier", "ago", "of"]
    static let everyDay: Set<String> = ["daily", "overnight"]

    /// Whole regions: "Kursk Oblast, which covers", "a region of 30,000 sq km".
    static let regionNouns: Set<String> = [
        "region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "republic", "state", "country",
        "district", "districts", "governorate",
    ]
    static let sizeVerbs: Set<String> = [
        "covers", "cover", "covering", "spans", "span", "spanning", "measures", "measuring", "encompasses",
        "encompassing", "totals", "totalling", "totaling",
    ]
    /// What may stand between a region and its size verb: "Kursk Oblast, which covers".
    static let relatives: Set<String> = ["which", "that", "itself", "alone", ","]
    static let compass: Set<String> = [
        "eastern", "western", "southern", "northern", "central", "northeastern", "northwestern", "southeastern",
        "southwestern", "north-eastern", "south-eastern", "occupied",
    ]

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Capitalized words that name nobody: "It said", "They reported".
    static let pronouns: Set<String> = [
        "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "who", "the", "a",
    ]

    /// Speech verbs: "Syrskyi said", "DeepState reported", "X told reporters".
    static let speech: Set<String> = [
        "said", "says", "say", "told", "tells", "stated", "states", "reported", "reports", "claimed", "claims",
        "announced", "announces", "estimated", "estimates", "wrote", "writes", "noted", "added", "confirmed",
        "confirms", "acknowledged", "declared", "explained", "insisted", "assessed", "assesses",
    ]
    /// Speech verbs that may come before their speaker: "said Syrskyi".
    static let speechFirst: Set<String> = ["said", "says", "wrote", "writes", "added", "noted", "reported"]
    /// Verbs whose "by" names the claimant: "claimed by Kyiv".
    static let byVerbs: Set<String> = ["claimed", "reported", "estimated", "cited", "stated", "announced", "confirmed", "assessed"]
    /// Between a speaker and the verb: "Syrskyi also said", "DeepState has reported".
    static let adverbs: Set<String> = [
        "also", "has", "had", "have", "then", "later", "earlier", "previously", "reportedly", "officially",
        "publicly", "recently", "separately", "further", "again",
    ]
    /// Words inside a name: "the Institute for the Study of War".
    static let connectors: Set<String> = ["of", "for", "the", "and"]
    /// Where a forward claimant phrase ends: "according to DeepState on Monday", "according to X, which".
    static let phraseEnds: Set<String> = [
        "that", "which", "who", "whose", "when", "while", "but", "as", "after", "before", "since", "because",
        "although", "with", "on", "at", "amid", "amidst", "despite", "during", "over", "in", "said", "says", "is",
        "was", "were", "are", "has", "had", "have",
    ]
}
