import Foundation

/// Reads a built site back: every page's links and ids, to check that each internal link resolves.
struct OutputCrawler {
    let root: URL

    func htmlFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".html") { files.append(path) }
        }
        return files.sorted()
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// `link` resolved against the folder of `page`, or `nil` when it climbs out of the site.
    static func resolve(_ link: String, from page: String) -> String? {
        if link.hasPrefix("/") { return nil }
        var segments = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if segments.popLast() == nil { return nil }
            case ".", "": continue
            default: segments.append(String(part))
            }
        }
        return segments.joined(separator: "/") + (link.hasSuffix("/") ? "/" : "")
    }

    /// Every internal link that does not lead to an existing file (and, with a fragment, an existing id).
    func brokenLinks() throws -> [String] {
        var broken: [String] = []
        var ids: [String: Set<String>] = [:]
        for page in htmlFiles() {
            let html = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            ids[page] = Set(Self.matches(#"\sid="([^"]+)""#, in: html))
        }
        for page in htmlFiles() {
            let html = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            for link in Self.matches(#"\s(?:href|src)="([^"]*)""#, in: html) {
                let raw = link.replacingOccurrences(of: "&amp;", with: "&")
                let url = raw.removingPercentEncoding ?? raw
                if url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("mailto:") { continue }
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                guard var target = pathPart.isEmpty ? page : Self.resolve(pathPart, from: page) else {
                    broken.append("\(page): \(link) leaves the site"); continue
                }
                if pathPart.hasSuffix("/") { target += "index.html" }
                guard FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) else {
                    broken.append("\(page): \(link)"); continue
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
                    broken.append("\(page): \(link) (no id '\(fragment)')")
                }
            }
        }
        return broken
    }
}
