/// A body's distinct search keys, in the order they first occur, held as one string with `separator` between
/// them: a big site has tens of millions, and a `String` apiece took 16 bytes and more each (the build cache
/// keeps them all), where this takes a key's bytes and one more.
struct BodyKeys: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// No key holds it: keys are runs of letters and digits, folded.
    static let separator: UInt8 = 0

    /// The keys, `separator` between them; empty when there are none.
    private(set) var joined = ""
    private(set) var count = 0

    init() {}

    /// Made in one array and copied once into a string of its size: a string grown key by key kept up to half
    /// again its length spare, which at 50,000 notes was a tenth of the build's peak memory.
    init(_ keys: [String]) {
        var joined: [UInt8] = []
        joined.reserveCapacity(keys.reduce(keys.count) { $0 + $1.utf8.count })
        for key in keys {
            if count > 0 { joined.append(Self.separator) }
            joined.append(contentsOf: key.utf8)
            count += 1
        }
        self.joined = String(decoding: joined, as: UTF8.self)
    }

    init(arrayLiteral keys: String...) { self.init(keys) }

    /// Keys read back from the build cache: nil unless they are what `SearchIndex.bodyKeys` gives, `count` keys,
    /// none empty and none longer than `SearchIndex.maxTermBytes`.
    init?(joined: String, count: Int) {
        guard count > 0 else {
            if count < 0 || !joined.isEmpty { return nil }
            return
        }
        var found = 0, length = 0
        for byte in joined.utf8 {
            if byte == Self.separator {
                guard length > 0 else { return nil }
                found += 1
                length = 0
            } else {
                length += 1
                guard length <= SearchIndex.maxTermBytes else { return nil }
            }
        }
        guard length > 0, found + 1 == count else { return nil }
        self.joined = joined
        self.count = count
    }

    /// `body` with each key, in order.
    func forEach(_ body: (String) -> Void) {
        guard count > 0 else { return }
        var joined = joined
        joined.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == Self.separator {
                body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
    }

    var all: [String] {
        var keys: [String] = []
        keys.reserveCapacity(count)
        forEach { keys.append($0) }
        return keys
    }
}
