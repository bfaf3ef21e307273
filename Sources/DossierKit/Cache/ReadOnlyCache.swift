import Foundation

/// What the site's cache holds, read without locking, creating or writing anything: for `dossier check`, which
/// writes nothing. Entries are still taken only for files with the same hash, and a cache file that cannot be
/// read (missing, damaged, or replaced by a build meanwhile) only means more parsing. Never changed once made.
final class ReadOnlyCache: ContentReuse, @unchecked Sendable {
    private let notes: FileCache<StoredNote>
    private let articles: FileCache<Article>

    init(site: URL) {
        let folder = site.appendingPathComponent(".dossier-cache").path
        notes = (try? FileCache.load(from: folder + "/notes", name: ".dossier-cache/notes", format: CacheCoding.noteFormat,
                                     key: \.note.path, read: CacheCoding.readStoredNote)) ?? FileCache()
        articles = (try? FileCache.load(from: folder + "/articles", name: ".dossier-cache/articles", format: CacheCoding.articleFormat,
                                        key: \.path, read: CacheCoding.readArticle)) ?? FileCache()
    }

    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>? {
        articles.entry(for: path, hash: hash)
    }

    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>? {
        notes.entry(for: path, hash: hash).map { LoadedFile(hash: $0.hash, value: $0.value.note, diagnostics: $0.diagnostics) }
    }

    func mayReuseNote(at path: String) -> Bool { notes.entries[path] != nil }
}
