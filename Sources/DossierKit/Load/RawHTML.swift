/// Scrapes sometimes carry markup. Articles are text: tags are dropped, and so is everything inside a closed
/// `<script>`, `<style>` or similar element, whose content is never article text. An element left open loses
/// only its tag: the text after it may well be the article. A comment runs to `-->` or to the end.
///
/// One pass over the bytes, in time linear in the text: a tag is recognised when its `>` arrives, against the
/// last `<` still open in the output, so that a tag put back together by removing another ("<scr<b></b>ipt>")
/// is removed too, as repeated passes would.
enum RawHTML {
    static let opaqueElements: [[UInt8]] = ["script", "style", "iframe", "noscript", "template", "object"].map { Array($0.utf8) }

    static func strip(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        let input = Array(text.utf8)
        let lower = input.map(\.asciiLowercased)
        var closers = Closers(lower)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var opens: [Int] = [] // where in `out` each `<` that may still start a tag stands
        var i = 0
        while i < input.count {
            let byte = input[i]
            i += 1
            switch byte {
            case UInt8(ascii: "<"):
                opens.append(out.count)
                out.append(byte)
            case UInt8(ascii: ">"):
                guard let start = opens.last, isTag(out, from: start) else {
                    opens.removeAll() // no `<` before this `>` can be closed by a later one
                    out.append(byte)
                    continue
                }
                let element = openingElement(out, from: start)
                out.removeSubrange(start...)
                opens.removeLast()
                if let element, let end = closers.end(of: element, from: i) { i = end }
            case UInt8(ascii: "-"):
                out.append(byte)
                if let start = opens.last, out.count - start == 4, out[start + 1] == UInt8(ascii: "!"),
                   out[start + 2] == UInt8(ascii: "-") {
                    out.removeSubrange(start...)
                    opens.removeLast()
                    i = commentEnd(lower, from: i)
                }
            default:
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `<x…`, `</x…`, `<!…`, `<?…` up to the end of `out`: what `<\/?[A-Za-z!?][^<>]*` matches.
    private static func isTag(_ out: [UInt8], from start: Int) -> Bool {
        var k = start + 1
        if k < out.count, out[k] == UInt8(ascii: "/") { k += 1 }
        guard k < out.count else { return false }
        let c = out[k]
        return (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
    }

    /// The opaque element a tag opens (`<script …`), if it opens one.
    private static func openingElement(_ out: [UInt8], from start: Int) -> Int? {
        let name = out[(start + 1)...].prefix { isWordByte($0) }.map(\.asciiLowercased)
        return opaqueElements.firstIndex { $0.elementsEqual(name) }
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == UInt8(ascii: "_")
    }

    /// Just past the first `-->` at or after `i`, or the end.
    private static func commentEnd(_ lower: [UInt8], from i: Int) -> Int {
        var k = i
        while k + 2 < lower.count {
            if lower[k] == UInt8(ascii: "-"), lower[k + 1] == UInt8(ascii: "-"), lower[k + 2] == UInt8(ascii: ">") { return k + 3 }
            k += 1
        }
        return lower.count
    }

    /// Every `</name\s*>` of each opaque element, found in one scan, and a cursor per element: positions only
    /// grow, so finding the closer of an element opened a thousand times costs no more than finding it once.
    private struct Closers {
        var ends: [[(start: Int, end: Int)]]
        var cursors: [Int]

        init(_ lower: [UInt8]) {
            ends = Array(repeating: [], count: RawHTML.opaqueElements.count)
            cursors = Array(repeating: 0, count: RawHTML.opaqueElements.count)
            var k = 0
            while k + 1 < lower.count {
                defer { k += 1 }
                guard lower[k] == UInt8(ascii: "<"), lower[k + 1] == UInt8(ascii: "/") else { continue }
                for (e, name) in RawHTML.opaqueElements.enumerated() where lower[(k + 2)...].starts(with: name) {
                    var j = k + 2 + name.count
                    while j < lower.count, [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(lower[j]) { j += 1 }
                    if j < lower.count, lower[j] == UInt8(ascii: ">") { ends[e].append((start: k, end: j + 1)) }
                }
            }
        }

        /// Just past the first closer of element `e` that starts at or after `i`.
        mutating func end(of e: Int, from i: Int) -> Int? {
            while cursors[e] < ends[e].count, ends[e][cursors[e]].start < i { cursors[e] += 1 }
            return cursors[e] < ends[e].count ? ends[e][cursors[e]].end : nil
        }
    }
}
