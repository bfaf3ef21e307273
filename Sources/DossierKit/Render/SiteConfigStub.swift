// TEMPORARY: replaced by the config branch's Load/SiteConfig.swift on merge.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var language: String
    public var baseURL: String?
    public var nav: [NavEntry]?
    public var parts: [String: Located<Bool>]
    public var territory: TerritoryWording
    static let path = "site.yml"
    public static let standard = SiteConfig(title: "Kursk and the front: a dossier", description: "A briefing on the 2024–2025 Ukrainian incursion into Russia's Kursk region and the wider front, built from\nnews articles and editors' notes. Every figure links to its source.", language: "en", baseURL: nil, nav: nil, parts: [:], territory: TerritoryWording(focus: ["Kursk"], chartTitle: "Ukrainian-held territory in Kursk oblast, km², by who gave the figure", chartSummary: "Line chart of the area of Kursk oblast held by Ukraine, by who gave the figure.", axisLabel: "km² held by Ukraine"))
}
public struct NavEntry: Sendable, Hashable { public var section: String; public var label: String?; public var line: Int; public var column: Int }
public struct TerritoryWording: Sendable, Hashable {
    public var focus: [String]
    public var chartTitle: String
    public var chartSummary: String
    public var axisLabel: String
}
