/// A key per output file that changes whenever the file would: the hash of the templates and of exactly the
/// values the page's template receives (a note's body stands in by the hash of its source); for data files,
/// their text. Pages whose key is unchanged are neither rendered nor written again.
extension PageRenderer {
    func key(_ page: SitePage, templates fingerprint: ContentHash) -> ContentHash {
        var text = PageCode.encode(page) + "\u{0}"
        switch page {
        case .home: Canonical.append(home(), to: &text)
        case .territory: Canonical.append(territory(on: page), to: &text)
        case .topicIndex: Canonical.append(topicList(on: page), to: &text)
        case .file: return ContentHash(text + render(page))
        case .article(let id):
            if let article = index.article(id) { Canonical.append(self.article(article, on: page), to: &text) }
        case .note(let slug):
            if let note = index.note(slug) {
                Canonical.append(self.note(note, on: page, body: note.sourceHash.description), to: &text)
            }
        case .topic(let slug):
            if let topic = index.topic(slug) { Canonical.append(self.topic(topic, on: page), to: &text) }
        }
        return fingerprint.combined(ContentHash(text))
    }
}

/// One text for a template context, the same however its dictionaries happen to be ordered.
enum Canonical {
    static func append(_ value: Any, to text: inout String) {
        switch value {
        case let string as String: text += "s\(string.utf8.count):"; text += string
        case let number as Int: text += "i\(number);"
        case let flag as Bool: text += flag ? "T" : "F"
        case let list as [Any]:
            text += "[\(list.count)"
            for item in list { append(item, to: &text) }
            text += "]"
        case let map as [String: Any]:
            text += "{\(map.count)"
            for key in map.keys.sorted() {
                text += "k\(key.utf8.count):" + key
                if let item = map[key] { append(item, to: &text) }
            }
            text += "}"
        default: text += "?\(value)"
        }
    }
}
