import Foundation

/// What the search index took from a note's or article's body, kept so that a build re-keys only the bodies that
/// changed: reading back and keying every body was most of a one-note rebuild's search index.
struct BodyTerms: Sendable, Equatable {
    /// The body's distinct keys no longer than `SearchIndex.maxTermBytes`, in the order they first occur.
    var keys: BodyKeys
    /// The snippet cut from the body's text (notes without a summary only; empty for the others).
    var snippet: String
}

/// The body terms of the last build, in `.dossier-cache/search`, by the hash of what they are made from (a note's
/// `bodyHash`, an article's paragraphs), so an entry is true whatever else changed. A file written by another
/// format or program is not used; a damaged one throws `CacheDamaged` and is ignored.
struct SearchTermCache: Sendable {
    static let format = "dossier-search-cache-2"
    static let fileName = "search"

    private(set) var entries: [ContentHash: BodyTerms] = [:]

    init(entries: [ContentHash: BodyTerms] = [:]) { self.entries = entries }

    subscript(hash: ContentHash) -> BodyTerms? { entries[hash] }

    /// Whether `other` holds the same bodies: entries are fixed by their hash, so then writing would change nothing.
    func holdsSame(as other: [ContentHash: BodyTerms]) -> Bool {
        other.count == entries.count && other.keys.allSatisfy { entries[$0] != nil }
    }

    static func load(from path: String, name: String) throws(CacheDamaged) -> SearchTermCache {
        guard var reader = try CacheFile.reader(at: path, name: name, format: format) else { return SearchTermCache() }
        var entries: [ContentHash: BodyTerms] = [:]
        do {
            for _ in 0..<(try reader.count(itemSize: 40)) {
                let hash = try reader.hash()
                let snippet = try reader.string()
                let count = try reader.int()
                // A body's keys as one string, as they are held: a length for each key made the file twice as
                // long, and reading it back slower.
                guard let keys = BodyKeys(joined: try reader.string(), count: count), entries[hash] == nil else {
                    throw BinaryReader.Corrupt()
                }
                entries[hash] = BodyTerms(keys: keys, snippet: snippet)
            }
            guard reader.atEnd else { throw BinaryReader.Corrupt() }
        } catch {
            throw CacheDamaged(file: name)
        }
        return SearchTermCache(entries: entries)
    }

    /// Writes `entries` for `load`, in the order of their hashes, so the file does not depend on the build's threads.
    static func save(_ entries: [ContentHash: BodyTerms], to path: String) {
        var entries = entries
        save(taking: &entries, to: path)
    }

    /// `save(_:to:)`, letting go of each entry once written (and so emptying `entries`): the file's bytes and the
    /// entries are not held at once.
    static func save(taking entries: inout [ContentHash: BodyTerms], to path: String) {
        var writer = CacheFile.writer(format: format)
        writer.int(entries.count)
        for hash in entries.keys.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            guard let terms = entries.removeValue(forKey: hash) else { continue }
            writer.hash(hash)
            writer.string(terms.snippet)
            writer.int(terms.keys.count)
            writer.string(terms.keys.joined)
        }
        CacheFile.write(&writer, to: path)
    }
}
