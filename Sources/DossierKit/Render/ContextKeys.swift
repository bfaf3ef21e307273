/// Every name the page contexts give templates, at any level. A template naming anything else gets a warning,
/// since Mustache renders an unknown name as nothing. `ContextKeysTests` renders every page of a site and checks
/// that this list and the contexts agree, both ways.
enum ContextKeys {
    static let all: Set<String> = Set([
        // Every page (`PageRenderer.page`)
        "pageTitle", "root",
        // Lists and items
        "title", "href", "date", "iso", "display", "short", "summary", "outlet", "name", "description", "count",
        "countText", "kind", "isNote", "url", "topics", "notes", "articles", "entries", "aliases",
        // Home
        "noteCount", "articleCount", "topicCount", "territory", "latest",
        // Article and note
        "paragraphs", "anchor", "text", "citedBy", "hasCitedBy", "hasTopics", "hasTitle", "dateFromFileName", "body",
        "sources", "hasSources",
        // Territory
        "curated", "extracted", "undated", "hasCurated", "hasExtracted", "hasUndated", "hasQuoted", "chart", "csvHref",
        "jsonHref", "change", "areaText", "claimant", "side", "sideClass", "method", "note", "quote", "sourceHref",
        "sourceLabel", "sourceOutlet", "isExternal",
    ] + Templates.required.filter { $0 != "base" }.map { "is_" + $0 })
}
