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
    /// only for headings: text and code are escaped, and raw HTML is omitted.
    static func insert(_ ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + ids.count * 24)
        var rest = Substring(html)
        var next = ids.makeIterator()
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let level = after.first, ("1"..."6").contains(level), after.dropFirst().first == ">",
                  let id = next.next()
            else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            out += rest[..<open.lowerBound]
            out += "<h\(level) id=\"\(HTML.escape(id))\">"
            rest = after.dropFirst(2)
        }
        out += rest
        return out
    }
}
