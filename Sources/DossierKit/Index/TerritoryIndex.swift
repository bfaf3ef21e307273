/// The territory series: curated rows checked against the articles, and the figures found in article text.
enum TerritoryIndex {
    static func build(_ curated: [TerritoryFigure], articles: [Article], log: inout DiagnosticLog) -> TerritorySeries {
        let ids = Set(articles.map(\.id))
        for figure in curated {
            if case let .article(id, _) = figure.source, !ids.contains(id) {
                var message = "column 'source': unknown article '\(id)'"
                if let near = Suggest.closest(to: id, among: ids.sorted()) { message += "; did you mean '\(near)'?" }
                log.error("content/territory.csv", line: figure.line, message)
            }
        }
        let sorted = curated.enumerated().sorted { a, b in
            (a.element.date.sortKeyValue, a.offset) < (b.element.date.sortKeyValue, b.offset)
        }.map(\.element)
        return TerritorySeries(curated: sorted, extracted: extract(from: articles, log: &log))
    }

    /// Every area statement in the articles, dated by its article, oldest first.
    static func extract(from articles: [Article], log: inout DiagnosticLog) -> [TerritoryFigure] {
        var figures: [TerritoryFigure] = []
        for article in articles {
            for (index, paragraph) in article.paragraphs.enumerated() {
                for match in AreaExtractor.areas(in: paragraph) {
                    guard let date = article.date else {
                        log.warning(article.path, "an area figure ('\(match.text)') is left out of the territory page: the article has no date")
                        continue
                    }
                    figures.append(TerritoryFigure(
                        date: date, areaKm2: match.areaKm2, claimant: article.outlet ?? "", side: nil,
                        method: .extracted, source: .article(id: article.id, paragraph: index + 1),
                        note: "\(match.text), in paragraph \(index + 1) of '\(article.title ?? article.id)'",
                        quote: match.sentence, line: nil))
                }
            }
        }
        return figures.enumerated().sorted { a, b in
            (a.element.date.sortKeyValue, a.element.source.text, a.offset) < (b.element.date.sortKeyValue, b.element.source.text, b.offset)
        }.map(\.element)
    }
}
