import Foundation

/// The parsed notes and articles a cache folder holds, by path, offered for reuse: what `BuildCache` gives a build,
/// and, read without locking, creating or writing anything, what `dossier check` reuses. Entries are taken only
/// for files read with the same hash; a cache file that cannot be read (missing, damaged, or replaced by a build
/// meanwhile) holds nothing, which only means more parsing. Never changed once made.
struct CachedEntries: ContentReuse, @unchecked Sendable {
    let notes: FileCache<StoredNote>
    let articles: FileCache<Article>

    /// The entries of `folder`'s cache files; those of a damaged file are left out and the damage said in `damaged`.
    /// `bodyStoreSize`: a note whose body lies beyond it (a cache half deleted) is left out too.
    init(folder: String, bodyStoreSize: Int? = nil, damaged: inout [CacheDamaged]) {
        func load<Value>(_ name: String, _ format: String, _ key: KeyPath<Value, String>,
                         _ read: (inout BinaryReader) throws -> Value) -> FileCache<Value> {
            do { return try FileCache.load(from: folder + "/" + name, name: ".dossier-cache/" + name, format: format, key: key, read: read) } catch {
                damaged.append(error)
                return FileCache()
            }
        }
        let notes = load("notes", CacheCoding.noteFormat, \.note.path, CacheCoding.readStoredNote)
        self.notes = bodyStoreSize.map { size in notes.keeping { $0.body.offset <= size - $0.body.length } } ?? notes
        articles = load("articles", CacheCoding.articleFormat, \.path, CacheCoding.readArticle)
    }

    /// What the site's cache holds, for a check.
    static func readOnly(site: URL) -> CachedEntries {
        var ignored: [CacheDamaged] = []
        return CachedEntries(folder: site.appendingPathComponent(".dossier-cache").path, damaged: &ignored)
    }

    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>? {
        articles.entry(for: path, hash: hash)
    }

    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>? {
        notes.entry(for: path, hash: hash).map { LoadedFile(hash: $0.hash, value: $0.value.note, diagnostics: $0.diagnostics) }
    }

    func mayReuseNote(at path: String) -> Bool { notes.entries[path] != nil }
}
