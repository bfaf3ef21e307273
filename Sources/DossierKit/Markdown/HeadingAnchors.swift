/// Ids for headings, GitHub-style ("Why it matters" → `why-it-matters`), unique within a page.
enum HeadingAnchors {
    static func ids(for headings: [String]) -> [String] {
        var used: [String: Int] = [:]
        return headings.map { text in
            let slug = Slug.make(text)
            let base = slug.isEmpty ? "section" : slug
            let count = used[base, default: 0] + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }

    /// cmark's HTML with `id="…"` added to the `<h1>`…`<h6>` openings, in order. cmark writes those openings
    /// only for headings: text and code are escaped, and raw HTML is omitted. One pass over the bytes.
    static func insert(_ ids: [String], into html: UnsafeBufferPointer<UInt8>) -> String {
        guard !ids.isEmpty else { return String(decoding: html, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + ids.count * 24)
        var next = ids.makeIterator()
        var copied = 0
        var i = 0
        while i + 3 < html.count {
            if html[i] == UInt8(ascii: "<"), html[i + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[i + 2]), html[i + 3] == UInt8(ascii: ">"),
               let id = next.next() {
                out.append(contentsOf: html[copied..<i + 3])
                out.append(contentsOf: #" id=""#.utf8)
                out.append(contentsOf: HTML.escape(id).utf8)
                out.append(contentsOf: #"">"#.utf8)
                i += 4
                copied = i
                continue
            }
            i += 1
        }
        out.append(contentsOf: html[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}
