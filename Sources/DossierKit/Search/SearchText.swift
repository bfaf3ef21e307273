/// The words a reader sees in rendered HTML: tags dropped (each as a space, so words on either side stay apart)
/// and character references decoded, for the search index.
enum SearchText {
    static func plain(fromHTML html: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "<" {
                // A tag ends at the next `>`: cmark-gfm writes attribute values with `>` escaped.
                while i < scalars.count && scalars[i] != ">" { i += 1 }
                out.append(" ")
                i += 1
            } else if scalar == "&", let (decoded, length) = reference(in: scalars, at: i) {
                out.append(decoded)
                i += length
            } else {
                out.append(scalar)
                i += 1
            }
        }
        return String(out)
    }

    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// The character a reference at `start` stands for, and how many scalars it takes.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" { end += 1 }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        let length = end - start + 1
        if let scalar = named[name] { return (scalar, length) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
