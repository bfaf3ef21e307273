import Foundation

/// A compact binary form for the build cache: little-endian integers and length-prefixed UTF-8 strings.
/// What is written is held in chunks of `chunkSize` bytes: a cache file of tens of megabytes grows without
/// copying what it holds at each doubling, or keeping a doubling's slack, which set a big site's peak memory.
struct BinaryWriter {
    /// A whole number of eight-byte words, so that the chunks can be hashed one after another.
    static let chunkSize = 1 << 20
    /// The full chunks, then `last`, being filled.
    private(set) var full: [[UInt8]] = []
    private(set) var last: [UInt8] = []

    /// Everything written, in one array (for small writings: a big one is read chunk by chunk, as `parts`).
    var bytes: [UInt8] { full.isEmpty ? last : full.joined() + last }

    /// The chunks, in order, the last one not full.
    var parts: [[UInt8]] { full + [last] }

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value)).littleEndian
        withUnsafeBytes(of: &v) { append($0) }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        var value = value
        value.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if last.count + bytes.count <= Self.chunkSize {
            last.append(contentsOf: bytes)
            return
        }
        var rest = bytes[...]
        while !rest.isEmpty {
            if last.count == Self.chunkSize {
                full.append(last)
                last = []
                last.reserveCapacity(Self.chunkSize)
            }
            let taken = rest.prefix(Self.chunkSize - last.count)
            last.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func bool(_ value: Bool) {
        var byte: UInt8 = value ? 1 : 0
        withUnsafeBytes(of: &byte) { append($0) }
    }

    mutating func hash(_ value: ContentHash) {
        int(Int(Int64(bitPattern: value.a)))
        int(Int(Int64(bitPattern: value.b)))
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency makes the whole cache unusable, never a crash.
struct BinaryReader {
    struct Corrupt: Error {}
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset >= bytes.count }

    mutating func int() throws -> Int {
        guard offset + 8 <= bytes.count else { throw Corrupt() }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return Int(Int64(bitPattern: v))
    }

    /// A count of items that each take at least `size` bytes: never more than the bytes left could hold, so that
    /// a damaged count cannot ask for a huge allocation.
    mutating func count(itemSize size: Int) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / max(1, size) else { throw Corrupt() }
        return count
    }

    mutating func string() throws -> String {
        let count = try self.count(itemSize: 1)
        defer { offset += count }
        guard let text = String(validating: bytes[offset..<offset + count], as: UTF8.self) else { throw Corrupt() }
        return text
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func hash() throws -> ContentHash {
        ContentHash(a: UInt64(bitPattern: Int64(try int())), b: UInt64(bitPattern: Int64(try int())))
    }

    mutating func strings() throws -> [String] {
        try (0..<count(itemSize: 8)).map { _ in try string() }
    }
}
