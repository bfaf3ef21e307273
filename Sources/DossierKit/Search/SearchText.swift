/// The words a reader sees in rendered HTML: tags dropped (each as a space, so words on either side stay apart)
/// and character references decoded, for the search index. Works on UTF-8 bytes: it runs over every note's body
/// on every build.
enum SearchText {
    static func plain(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    // A tag ends at the next `>`: cmark-gfm writes attribute values with `>` escaped.
                    while i < bytes.count && bytes[i] != UInt8(ascii: ">") { i += 1 }
                    out.append(UInt8(ascii: " "))
                    i += 1
                } else if byte == UInt8(ascii: "&"), let (scalar, length) = reference(in: bytes, at: i) {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    i += length
                } else {
                    out.append(byte)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// The character a reference at `start` stands for, and how many bytes it takes.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        let length = end - start + 1
        if let scalar = named[name] { return (scalar, length) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
