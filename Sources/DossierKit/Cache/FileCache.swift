import Foundation

/// What was made from each content file by an earlier build, by the hash of the file: a file with the same hash
/// is not parsed again. A missing, old or damaged cache file is simply empty; it never fails a build.
struct FileCache<Value> {
    typealias Entry = LoadedFile<Value>

    private(set) var entries: [String: Entry] = [:]

    /// The cache without the entries `isValid` rejects; those files are parsed again.
    func keeping(_ isValid: (Value) -> Bool) -> FileCache {
        var cache = self
        cache.entries = entries.filter { isValid($0.value.value) }
        return cache
    }

    /// Whether the cache file already holds exactly the files `loaded` (as it does after a build that parsed
    /// nothing), so that writing them again would change nothing.
    func holds<Loaded>(_ loaded: [LoadedFile<Loaded>], path: (Loaded) -> String) -> Bool {
        loaded.count == entries.count && loaded.allSatisfy { entries[path($0.value)]?.hash == $0.hash }
    }

    func entry(for path: String, hash: ContentHash) -> Entry? {
        guard let entry = entries[path], entry.hash == hash else { return nil }
        return entry
    }

    /// Reads the entries written by `save` with the same `format` and by this very program. A file written by
    /// another format or program is simply not used; one that fails its check throws `CacheDamaged`.
    static func load(from path: String, name: String, format: String, key: KeyPath<Value, String>,
                     read: (inout BinaryReader) throws -> Value) throws(CacheDamaged) -> FileCache {
        guard var reader = try CacheFile.reader(at: path, name: name, format: format) else { return FileCache() }
        var cache = FileCache()
        do {
            for _ in 0..<(try reader.count(itemSize: 16)) {
                let hash = try reader.hash()
                let value = try read(&reader)
                cache.entries[value[keyPath: key]] = Entry(hash: hash, value: value, diagnostics: try readDiagnostics(&reader))
            }
            guard reader.atEnd else { throw BinaryReader.Corrupt() }
        } catch {
            throw CacheDamaged(file: name)
        }
        return cache
    }

    /// Writes the file `load` reads back. What `write` writes of each loaded value is what `read` reads as this
    /// cache's value: it may add what the file keeps beside the value (a note's place in the body store).
    static func save<Loaded>(_ entries: [LoadedFile<Loaded>], to path: String, format: String,
                             write: (Loaded, inout BinaryWriter) throws -> Void) rethrows {
        var writer = CacheFile.writer(format: format)
        writer.int(entries.count)
        for entry in entries {
            writer.hash(entry.hash)
            try write(entry.value, &writer)
            writeDiagnostics(entry.diagnostics, to: &writer)
        }
        CacheFile.write(&writer, to: path)
    }
}

func writeDiagnostics(_ diagnostics: [Diagnostic], to w: inout BinaryWriter) {
    w.int(diagnostics.count)
    for d in diagnostics {
        w.bool(d.severity == .error); w.string(d.path); w.int(d.line ?? -1); w.int(d.column ?? -1); w.string(d.message)
    }
}

func readDiagnostics(_ r: inout BinaryReader) throws -> [Diagnostic] {
    return try (0..<r.count(itemSize: 33)).map { _ -> Diagnostic in
        let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
        let file = try r.string(), line = try r.int(), column = try r.int()
        return Diagnostic(severity, file, line: line < 0 ? nil : line, column: column < 0 ? nil : column, try r.string())
    }
}

extension BinaryWriter {
    mutating func located(_ items: [Located<String>]) {
        int(items.count)
        for item in items { string(item.value); int(item.line); int(item.column) }
    }
}

extension BinaryReader {
    mutating func located() throws -> [Located<String>] {
        try (0..<count(itemSize: 24)).map { _ in Located(value: try string(), line: try int(), column: try int()) }
    }

    mutating func day() throws -> Day {
        guard let day = Day(iso: try string()) else { throw Corrupt() }
        return day
    }

    /// A day written with `optionalString(day?.iso)`.
    mutating func optionalDay() throws -> Day? { try bool() ? try day() : nil }
}
