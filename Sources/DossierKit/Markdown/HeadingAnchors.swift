/// Ids for headings, GitHub-style ("Why it matters" → `why-it-matters`), unique within a page.
enum HeadingAnchors {
    static func ids(for headings: [String]) -> [String] {
        var used: [String: Int] = [:]
        return headings.map { text in
            let base = Slug.make(text).isEmpty ? "section" : Slug.make(text)
            let count = used[base, default: 0] + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }

    /// Adds `id="…"` to the `<h1>`…`<h6>` openings of cmark's HTML, in order. cmark writes those openings
    /// only for headings: text and code are escaped, and raw HTML is omitted. One pass over the bytes.
    static func insert(_ ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count + ids.count * 24)
        var next = ids.makeIterator()
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]), bytes[i + 3] == UInt8(ascii: ">"),
               let id = next.next() {
                out += Array("<h".utf8)
                out.append(bytes[i + 2])
                out += Array(" id=\"\(HTML.escape(id))\">".utf8)
                i += 4
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
