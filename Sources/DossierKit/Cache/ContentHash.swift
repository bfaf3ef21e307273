/// A 128-bit hash of bytes, for the build cache: fast (eight bytes a step, two lanes) and the same on every
/// run and machine, unlike Swift's `Hasher`, which is seeded per process. Not for security.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public var a: UInt64
    public var b: UInt64

    public init(a: UInt64, b: UInt64) { self.a = a; self.b = b }

    public init(_ bytes: UnsafeRawBufferPointer) {
        var state = State(count: bytes.count)
        self = state.finish(bytes)
    }

    /// The hash of `parts` laid end to end, each but the last a whole number of eight-byte words: the same as the
    /// hash of one buffer holding them all, without making one.
    init(parts: [UnsafeRawBufferPointer]) {
        var state = State(count: parts.reduce(0) { $0 + $1.count })
        for part in parts.dropLast() {
            precondition(part.count % 8 == 0, "a part of a hash but the last must be whole words")
            state.words(part)
        }
        self = state.finish(parts.last ?? UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// The two lanes, fed eight bytes a step.
    private struct State {
        var h1: UInt64
        var h2: UInt64

        init(count: Int) {
            h1 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            h2 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count)
        }

        /// Feeds the whole words of `bytes`; the number of bytes fed.
        @discardableResult
        mutating func words(_ bytes: UnsafeRawBufferPointer) -> Int {
            var i = 0
            while i + 8 <= bytes.count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h1 = (h1 ^ word) &* 0x1000_0000_01B3 &+ 0x9E37_79B9
                h1 = (h1 << 29) | (h1 >> 35)
                h2 = (h2 &+ word) &* 0xFF51_AFD7_ED55_8CCD
                h2 ^= h2 >> 33
                i += 8
            }
            return i
        }

        /// Feeds `bytes`, the last of them, and gives the hash.
        mutating func finish(_ bytes: UnsafeRawBufferPointer) -> ContentHash {
            var i = words(bytes)
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h1 = (h1 ^ tail) &* 0x1000_0000_01B3
            h2 = (h2 &+ tail) &* 0xC4CE_B9FE_1A85_EC53
            return ContentHash(a: ContentHash.mix(h1 ^ (h2 >> 17)), b: ContentHash.mix(h2 ^ (h1 << 13)))
        }
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { ContentHash(UnsafeRawBufferPointer($0)) }
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33; x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33; x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// This hash combined with another, order-sensitively.
    func combined(_ other: ContentHash) -> ContentHash {
        ContentHash(a: Self.mix(a ^ (other.a &* 0x9E37_79B9_7F4A_7C15)), b: Self.mix(b &+ other.b ^ 0x2545_F491_4F6C_DD1D))
    }

    public var description: String {
        let hex = { (v: UInt64) in String(repeating: "0", count: 16 - String(v, radix: 16).count) + String(v, radix: 16) }
        return hex(a) + hex(b)
    }
}
