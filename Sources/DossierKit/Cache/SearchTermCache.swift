import Foundation

/// What the search index took from a note's or article's body, kept so that a build re-keys only the bodies that
/// changed: reading back and keying every body was most of a one-note rebuild's search index.
struct BodyTerms: Sendable, Equatable {
    /// The body's distinct keys no longer than `SearchIndex.maxTermBytes`, in the order they first occur.
    var keys: [String]
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
    /// Between a body's keys in the file, all of them in one string: a length for each key made the file twice
    /// as long, and reading it back slower. No key holds it: keys are runs of letters and digits.
    static let separator: UInt8 = 0

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
                let joined = try reader.string()
                let keys = count == 0 ? [] : joined.utf8.split(separator: Self.separator, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                // Keys as `SearchIndex.bodyKeys` gives them, or the entry is not what a build wrote.
                guard keys.count == count, count > 0 || joined.isEmpty,
                      keys.allSatisfy({ !$0.isEmpty && $0.utf8.count <= SearchIndex.maxTermBytes }), entries[hash] == nil else {
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
        var writer = CacheFile.writer(format: format)
        writer.int(entries.count)
        for (hash, terms) in entries.sorted(by: { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }) {
            writer.hash(hash)
            writer.string(terms.snippet)
            writer.int(terms.keys.count)
            writer.string(terms.keys.joined(separator: String(UnicodeScalar(Self.separator))))
        }
        CacheFile.write(&writer, to: path)
    }
}
