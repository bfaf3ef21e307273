/// `site.yml`: what the site is called, in what language, where it is published, its navigation and which
/// optional parts it has.
public struct SiteConfig: Sendable, Hashable {
    /// The site's name, in every page's title and header. Required in `site.yml`.
    public var title: String
    /// A sentence or two about the site, for templates (`{{site.description}}`; the meta description, later).
    public var description: String?
    /// The language of the pages, a BCP 47 tag as written (`en`, `uk`, `en-GB`, `zh-Hant`).
    public var language: String
    /// Where the site is published: an absolute http or https URL ending with "/"; `nil` when not given.
    public var baseURL: String?
    /// The navigation in its order; `nil` when `site.yml` has none, and the build lists every section in its order.
    public var nav: [NavEntry]?
    /// Optional parts switched on or off by name (`parts: {territory: false}`); a part not named here is on when
    /// its content is there. Whether a name is a real part is for the build to check, at the switch's place.
    public var parts: [String: Located<Bool>]
    /// The wording of the territory part.
    public var territory: TerritoryWording
    /// The key points the briefing opens with, in order (`summary:` in `site.yml`).
    public var summary: [KeyPoint] = []

    public init(title: String, description: String? = nil, language: String = "en", baseURL: String? = nil,
                nav: [NavEntry]? = nil, parts: [String: Located<Bool>] = [:], territory: TerritoryWording = .standard) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.nav = nav
        self.parts = parts
        self.territory = territory
    }

    /// Where the file is, relative to the site folder.
    public static let path = "site.yml"

    /// The configuration of a site without `site.yml`.
    public static let standard = SiteConfig(title: "Dossier")
}

/// One entry of the navigation: a section, with a label of its own or the section's.
public struct NavEntry: Sendable, Hashable {
    /// The section's name (`home`, `notes`, …); whether it exists is for the build to check, at `line`:`column`.
    public var section: String
    /// The text of the link; `nil` for the section's own label.
    public var label: String?
    /// Where the section's name is written in `site.yml`.
    public var line: Int
    public var column: Int

    public init(section: String, label: String? = nil, line: Int, column: Int) {
        self.section = section
        self.label = label
        self.line = line
        self.column = column
    }
}

/// The words of the territory part: which region it follows and how its chart is titled and described.
public struct TerritoryWording: Sendable, Hashable {
    /// Names of the region the series is about: area figures in sentences that name another place and none of
    /// these are reported as elsewhere.
    public var focus: [String]
    /// The chart's title.
    public var chartTitle: String
    /// The first sentence of the chart's text alternative; a sentence per side follows it.
    public var chartSummary: String
    /// The label of the chart's vertical axis.
    public var axisLabel: String
    /// A claimant's figures further apart than this many days are not joined by a line: the data says nothing
    /// of what happened between them.
    public var joinWithinDays = 45

    public init(focus: [String] = [], chartTitle: String = "Territory held, km², by who gave the figure",
                chartSummary: String = "Line chart of the area held, by who gave the figure.",
                axisLabel: String = "km² held") {
        self.focus = focus
        self.chartTitle = chartTitle
        self.chartSummary = chartSummary
        self.axisLabel = axisLabel
    }

    /// The wording when `site.yml` says nothing about territory.
    public static let standard = TerritoryWording()
}

/// A key point of the briefing: a sentence, and the note it is drawn from, whose link is its source.
public struct KeyPoint: Sendable, Hashable {
    public var text: String
    /// The slug of a published note; whether there is one is for the build to check, at its place in `site.yml`.
    public var note: Located<String>?

    public init(text: String, note: Located<String>? = nil) {
        self.text = text
        self.note = note
    }
}
