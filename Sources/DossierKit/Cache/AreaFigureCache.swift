import Foundation

/// The area figures the last build found in each article's text, in `.dossier-cache/figures`, by the memo key of
/// `IndexReuse` (the focus and the paragraphs), so an entry is true whatever else changed. Finding them again was a
/// tenth of a one-note rebuild. A file written by another format or program is not used; a damaged one throws
/// `CacheDamaged` and is ignored.
enum AreaFigureCache {
    static let format = "dossier-figures-cache-1"
    static let fileName = "figures"

    static func load(from path: String, name: String) throws(CacheDamaged) -> [ContentHash: [AreaFigure]] {
        guard var reader = try CacheFile.reader(at: path, name: name, format: format) else { return [:] }
        var entries: [ContentHash: [AreaFigure]] = [:]
        do {
            for _ in 0..<(try reader.count(itemSize: 24)) {
                let hash = try reader.hash()
                var figures: [AreaFigure] = []
                for _ in 0..<(try reader.count(itemSize: 8)) {
                    let km2 = Double(bitPattern: UInt64(bitPattern: Int64(try reader.int())))
                    guard let kind = AreaFigure.Kind(rawValue: try reader.string()), km2.isFinite, km2 > 0 else { throw BinaryReader.Corrupt() }
                    let claimant = try reader.optionalString()
                    var quotes: [AreaFigure.Quote] = []
                    for _ in 0..<(try reader.count(itemSize: 3)) {
                        let paragraph = try reader.int()
                        guard paragraph >= 0 else { throw BinaryReader.Corrupt() }
                        quotes.append(AreaFigure.Quote(paragraph: paragraph, sentence: try reader.string(), text: try reader.string()))
                    }
                    figures.append(AreaFigure(km2: km2, kind: kind, claimant: claimant, quotes: quotes))
                }
                guard entries.updateValue(figures, forKey: hash) == nil else { throw BinaryReader.Corrupt() }
            }
            guard reader.atEnd else { throw BinaryReader.Corrupt() }
        } catch {
            throw CacheDamaged(file: name)
        }
        return entries
    }

    /// Writes `entries` for `load`, in the order of their hashes, so the file does not depend on the build's threads.
    static func save(_ entries: [ContentHash: [AreaFigure]], to path: String) {
        var writer = CacheFile.writer(format: format)
        writer.int(entries.count)
        for (hash, figures) in entries.sorted(by: { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }) {
            writer.hash(hash)
            writer.int(figures.count)
            for figure in figures {
                writer.int(Int(Int64(bitPattern: figure.km2.bitPattern)))
                writer.string(figure.kind.rawValue)
                writer.optionalString(figure.claimant)
                writer.int(figure.quotes.count)
                for quote in figure.quotes {
                    writer.int(quote.paragraph)
                    writer.string(quote.sentence)
                    writer.string(quote.text)
                }
            }
        }
        CacheFile.write(&writer, to: path)
    }
}
