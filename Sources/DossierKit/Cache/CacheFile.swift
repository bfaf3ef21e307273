import Foundation

/// A cache file's bytes with a hash of them at the end, so that a file damaged on disk (a flipped bit, a cut,
/// a length overwritten) is noticed and ignored instead of being read as data: a damaged cache can cost a full
/// build, never a wrong site or a crash.
enum CacheFile {
    /// The bytes of the cache file at `path` (`name` in messages): `nil` when there is none.
    static func bytes(at path: String, name: String) throws(CacheDamaged) -> [UInt8]? {
        // Read into the array that is returned, and checked in place: a big site's cache files are tens of
        // megabytes, and each copy of one was held at once with the others.
        guard var bytes = FileOps.read(path) else { return nil }
        guard bytes.count >= 16 else { throw CacheDamaged(file: name) }
        let length = bytes.count - 16
        var tail = BinaryReader(Array(bytes[length...]))
        let hash = bytes.withUnsafeBytes { ContentHash(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
        guard let stored = try? tail.hash(), stored == hash else { throw CacheDamaged(file: name) }
        bytes.removeLast(16)
        return bytes
    }

    /// A reader of the cache file at `path` past its header, when `format` and this very program wrote it; `nil`
    /// when there is no file or another format or program wrote it (then it is simply not used).
    static func reader(at path: String, name: String, format: String) throws(CacheDamaged) -> BinaryReader? {
        guard let bytes = try bytes(at: path, name: name) else { return nil }
        var reader = BinaryReader(bytes)
        do {
            guard try reader.string() == format, try reader.hash() == LastBuild.program else { return nil }
        } catch {
            throw CacheDamaged(file: name)
        }
        return reader
    }

    /// A writer that has written the header `reader(at:name:format:)` checks.
    static func writer(format: String) -> BinaryWriter {
        var writer = BinaryWriter()
        writer.string(format)
        writer.hash(LastBuild.program)
        return writer
    }

    /// Writes what `writer` holds, with its hash, to `path`, chunk by chunk: a copy of a large cache file in one
    /// array would raise the build's peak memory.
    @discardableResult
    static func write(_ writer: inout BinaryWriter, to path: String) -> Bool {
        let hash = withBuffers(writer.parts) { ContentHash(parts: $0) }
        writer.hash(hash)
        return FileOps.writeAtomically(parts: writer.parts, to: path)
    }

    /// `body` with a pointer to the bytes of each of `arrays`.
    private static func withBuffers<T>(_ arrays: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> T) -> T {
        func next(_ index: Int, _ buffers: [UnsafeRawBufferPointer]) -> T {
            index == arrays.count ? body(buffers) : arrays[index].withUnsafeBytes { next(index + 1, buffers + [$0]) }
        }
        return next(0, [])
    }
}

/// A cache file found damaged; the build says so once and rebuilds what the file held.
struct CacheDamaged: Error, Sendable {
    /// The file, relative to the site folder (`.dossier-cache/notes`).
    var file: String
    var warning: Diagnostic {
        Diagnostic(.warning, file, "the build cache is damaged; it is ignored and the pages it held are made again")
    }
}
