/// The territory series as data, beside the territory page: `data/territory.csv`.
enum TerritoryCSVFile: DataFileKind {
    static let path = "data/territory.csv"
    static let part: SitePart? = .territory
    static func text(_ site: SiteIndex) -> String { TerritoryData.csv(site.territory) }
}

/// The territory series as data, beside the territory page: `data/territory.json`.
enum TerritoryJSONFile: DataFileKind {
    static let path = "data/territory.json"
    static let part: SitePart? = .territory
    static func text(_ site: SiteIndex) -> String { TerritoryData.json(site.territory) }
}
