/// `notes/index.html`: every note, newest first.
enum NoteIndexPage: SinglePageKind {
    static let name = "notes"
    static let section: String? = "Notes"
    static let route = ["notes"]

    struct Context: Codable {
        var notes: [NoteItem]
        var count: Int
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        ("Notes", Context(notes: site.notes.map { NoteItem($0, root: root) }, count: site.notes.count))
    }
}
