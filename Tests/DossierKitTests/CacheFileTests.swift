@testable import DossierKit
import Foundation
import Testing

@Suite("Cache files: written in chunks, read and checked in place")
struct CacheFileTests {
    @Test("the hash of parts laid end to end is the hash of one buffer holding them")
    func partsHash() {
        var random = SeededRandom(state: 3)
        for _ in 0..<300 {
            let count = Int.random(in: 0...4, using: &random)
            var parts = (0..<count).map { _ in
                (0..<(8 * Int.random(in: 0...40, using: &random))).map { _ in UInt8.random(in: 0...255, using: &random) }
            }
            parts.append((0..<Int.random(in: 0...50, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            let whole = parts.flatMap { $0 }
            let joined = whole.withUnsafeBytes { ContentHash($0) }
            let streamed = Self.withBuffers(parts) { ContentHash(parts: $0) }
            #expect(streamed == joined)
        }
    }

    static func withBuffers<T>(_ arrays: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> T) -> T {
        func next(_ index: Int, _ buffers: [UnsafeRawBufferPointer]) -> T {
            index == arrays.count ? body(buffers) : arrays[index].withUnsafeBytes { next(index + 1, buffers + [$0]) }
        }
        return next(0, [])
    }

    @Test("a writing past a chunk's size holds what one array would, and reads back across the chunks")
    func chunks() throws {
        var writer = BinaryWriter()
        var reference: [UInt8] = []
        var random = SeededRandom(state: 9)
        var strings: [String] = []
        while reference.count < 3 * BinaryWriter.chunkSize + 12_345 {
            let text = String(repeating: "жx1", count: Int.random(in: 0...(BinaryWriter.chunkSize / 4), using: &random))
            strings.append(text)
            writer.string(text)
            writer.int(strings.count)
            writer.bool(strings.count % 2 == 0)
            var length = UInt64(text.utf8.count).littleEndian
            withUnsafeBytes(of: &length) { reference.append(contentsOf: $0) }
            reference.append(contentsOf: text.utf8)
            var number = UInt64(strings.count).littleEndian
            withUnsafeBytes(of: &number) { reference.append(contentsOf: $0) }
            reference.append(strings.count % 2 == 0 ? 1 : 0)
        }
        #expect(writer.bytes == reference)
        #expect(writer.parts.dropLast().allSatisfy { $0.count == BinaryWriter.chunkSize })

        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.url.appendingPathComponent("cache").path
        var file = CacheFile.writer(format: "test-format")
        for (index, text) in strings.enumerated() { file.string(text); file.int(index) }
        #expect(CacheFile.write(&file, to: path))
        var reader = try #require(try CacheFile.reader(at: path, name: "cache", format: "test-format"))
        for (index, text) in strings.enumerated() {
            #expect(try reader.string() == text)
            #expect(try reader.int() == index)
        }
        #expect(reader.atEnd)

        // One byte changed anywhere is a damaged file.
        var bytes = try #require(FileOps.read(path))
        bytes[bytes.count / 2] ^= 1
        #expect(FileOps.writeAtomically(bytes, to: path))
        #expect(throws: CacheDamaged.self) { try CacheFile.reader(at: path, name: "cache", format: "test-format") }
    }

    @Test("a file that is not a regular one is no cache file")
    func notRegular() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        #expect(FileOps.read(folder.url.path) == nil)
        #expect(FileOps.read(folder.url.appendingPathComponent("none").path) == nil)
        #expect(try CacheFile.bytes(at: folder.url.path, name: "x") == nil)
    }
}
