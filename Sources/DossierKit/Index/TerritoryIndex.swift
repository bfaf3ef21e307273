/// The territory series: curated rows checked against the articles, and the figures found in article text.
enum TerritoryIndex {
    static func build(_ curated: [TerritoryFigure], articles: [Article], focus: [String], reuse: IndexReuse? = nil,
                      log: inout DiagnosticLog) -> TerritorySeries {
        let cited = CitedArticles(articles)
        var checked: [TerritoryFigure] = []
        for var figure in curated {
            if case let .article(id, paragraph) = figure.source {
                guard let article = cited.article(id, field: "column 'source'", path: "content/territory.csv",
                                                  line: figure.line, log: &log) else { continue }
                // A quote from an article of the dossier is checked against its text, and links to its paragraph.
                if let quote = figure.quote {
                    let found = QuoteMatch.paragraph(of: quote, in: article.paragraphs, near: paragraph.map { $0 - 1 })
                    guard let found else {
                        log.error("content/territory.csv", line: figure.line, "column 'quote': not found in article '\(id)'"
                            + (paragraph.map { " (paragraph \($0))" } ?? "") + "; quote its words as they stand")
                        continue
                    }
                    figure.source = .article(id: id, paragraph: found + 1)
                }
            }
            checked.append(figure)
        }
        let sorted = DateSpan.sorted(checked, by: \.date)
        let (dated, undated) = extract(from: articles, focus: focus, reuse: reuse)
        return TerritorySeries(curated: sorted, extracted: dated, undated: undated)
    }

    /// Figures of ground held, and peaks, stated in the articles: those of dated articles oldest first, the
    /// others by article. Gains, region sizes and other regions are no statement of what was held.
    static func extract(from articles: [Article], focus: [String], reuse: IndexReuse? = nil) -> ([TerritoryFigure], [UndatedFigure]) {
        var dated: [(TerritoryFigure, Int)] = []
        var undated: [(UndatedFigure, Int)] = []
        // Each article's text on its own, on every core.
        let found = Parallel.map(articles) { article in
            reuse?.areaFigures(in: article.paragraphs, focus: focus) ?? AreaExtractor.figures(in: article.paragraphs, focus: focus)
        }
        reuse?.endIndexing()
        for (article, figures) in zip(articles, found) {
            for figure in figures where figure.kind == .held || figure.kind == .peak {
                let quote = figure.quotes[0]
                let claimant = figure.claimant ?? article.outlet ?? ""
                guard let date = article.date else {
                    undated.append((UndatedFigure(article: article.id, paragraph: quote.paragraph + 1, areaKm2: figure.km2,
                                                  kind: figure.kind, claimant: claimant, quote: quote.sentence), undated.count))
                    continue
                }
                let restated = figure.quotes.count > 1 ? "; stated \(figure.quotes.count) times" : ""
                dated.append((TerritoryFigure(
                    date: DateSpan(date), areaKm2: figure.km2, claimant: claimant, side: nil, method: .extracted,
                    source: .article(id: article.id, paragraph: quote.paragraph + 1),
                    note: "\(quote.text), in paragraph \(quote.paragraph + 1) of '\(article.title ?? article.id)'\(restated)",
                    quote: quote.sentence, line: nil, kind: figure.kind), dated.count))
            }
        }
        let sortedDated = dated.sorted { a, b in
            (a.0.date.start.sortKeyValue, a.0.source.text, a.1) < (b.0.date.start.sortKeyValue, b.0.source.text, b.1)
        }.map(\.0)
        let sortedUndated = undated.sorted { a, b in (a.0.article, a.1) < (b.0.article, b.1) }.map(\.0)
        return (sortedDated, sortedUndated)
    }
}
