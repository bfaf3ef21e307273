import Foundation

/// How a build runs, as opposed to what it builds.
public struct BuildOptions: Sendable {
    /// A `dossier` executable to parse note Markdown in: `dossier markdown-worker` processes, one per core, each
    /// note under a time and memory limit (`MarkdownLimits`). `nil` parses in this process, one note at a time,
    /// with the checks before parsing but without those two limits.
    public var markdownWorker: URL?
    /// How the finished site takes the output's place; `.renames` only to test the fallback.
    public var swap: Publisher.Swap

    public init(markdownWorker: URL? = nil, swap: Publisher.Swap = .exchange) {
        self.markdownWorker = markdownWorker
        self.swap = swap
    }
}
