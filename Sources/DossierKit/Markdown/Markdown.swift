import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown with cmark-gfm, exactly as
/// `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist` does, with raw HTML omitted
/// and unsafe URLs dropped (cmark's safe default), plus ids on headings so that they can be linked to.
/// The caller may rewrite link destinations.
public enum Markdown {
    /// A link or image destination found in the document, at its place in the Markdown text (1-based).
    public struct Link: Sendable, Hashable {
        public var url: String
        public var line: Int
        public var column: Int
        public var isImage: Bool
    }

    public struct Rendered: Sendable, Hashable {
        public var html: String
        /// Destinations as written, before rewriting.
        public var links: [Link]
        /// The ids given to headings, in order (`why-it-matters`, `why-it-matters-2`).
        public var anchors: [String]
        /// How deep blocks and spans nest: 1 for a paragraph of plain text, one more for each block quote, list,
        /// list item, table part, emphasis or link around it.
        public var depth: Int
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm keeps its extension registry and, while parsing inlines, a table of special characters in
    /// process-wide state: parses must not overlap (Debian's 0.29.0.gfm.6 silently drops strikethrough and
    /// autolinks otherwise). Registration happens once, before any parse, when this value is first used.
    private static let parseLock: NSLock = {
        cmark_gfm_core_extensions_ensure_registered()
        return NSLock()
    }()

    /// Renders `source`; `rewrite` maps each link and image destination to the one written to HTML
    /// (`nil` keeps it).
    public static func render(_ source: String, rewrite: (Link) -> String? = { _ in nil }) -> Rendered {
        let options = CMARK_OPT_DEFAULT
        let lock = parseLock
        guard let parser = cmark_parser_new(options) else { return Rendered(html: "", links: [], anchors: [], depth: 0) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        lock.lock()
        var utf8 = source
        utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let document = cmark_parser_finish(parser)
        lock.unlock()
        guard let document else { return Rendered(html: "", links: [], anchors: [], depth: 0) }
        defer { cmark_node_free(document) }

        let (links, headings, depth) = walk(document, rewrite)
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return Rendered(html: "", links: links, anchors: [], depth: depth)
        }
        defer { free(html) }
        let anchors = HeadingAnchors.ids(for: headings)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        return Rendered(html: HeadingAnchors.insert(anchors, into: bytes), links: links, anchors: anchors, depth: depth)
    }

    /// Whether cmark's iterator leaves nodes of `type` as well as entering them: the types its `S_is_leaf` does
    /// not name, which can hold other nodes.
    private static func holdsOthers(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return false
        default:
            return true
        }
    }

    /// Collects link destinations (rewriting them), the text of each heading, in document order, and how deep
    /// nodes that hold others nest (the document itself not counted).
    private static func walk(_ document: OpaquePointer, _ rewrite: (Link) -> String?) -> ([Link], [String], Int) {
        guard let iterator = cmark_iter_new(document) else { return ([], [], 0) }
        defer { cmark_iter_free(iterator) }
        var links: [Link] = []
        var headings: [String] = []
        var heading: String?
        var open = 0
        var deepest = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if holdsOthers(type) {
                if event == CMARK_EVENT_ENTER {
                    open += 1
                    deepest = max(deepest, open)
                } else {
                    open -= 1
                }
            }
            if type == CMARK_NODE_HEADING {
                if event == CMARK_EVENT_ENTER { heading = "" } else { headings.append(heading ?? ""); heading = nil }
                continue
            }
            if heading != nil, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                heading? += String(cString: literal)
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let raw = cmark_node_get_url(node) else {
                continue
            }
            let link = Link(url: String(cString: raw), line: Int(cmark_node_get_start_line(node)),
                            column: Int(cmark_node_get_start_column(node)), isImage: type == CMARK_NODE_IMAGE)
            links.append(link)
            if let replacement = URLPolicy.replacement(for: link) ?? rewrite(link) { cmark_node_set_url(node, replacement) }
        }
        return (links, headings, max(0, deepest - 1))
    }
}
