import Foundation

/// What a check found in a site that builds.
public struct CheckReport: Sendable {
    public var notes: Int
    public var drafts: Int
    public var articles: Int
    public var topics: Int
    public var pages: Int
    public var warnings: [Diagnostic]
}

/// `dossier check`: everything a build checks, writing nothing. The content is loaded (with what the site's cache
/// already holds, read only) and indexed, its links and the templates its pages need are checked, exactly as
/// `SiteBuild` does; no page is rendered, since rendering finds nothing those checks did not (a template's
/// names are checked against its page's values when it loads).
public enum SiteCheck {
    /// Throws `BuildFailed` with every diagnostic when the site has errors.
    public static func run(site: URL, options: BuildOptions = BuildOptions()) throws -> CheckReport {
        var log = DiagnosticLog()
        SiteBuild.checkFolders(site, log: &log)
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }
        let siteFiles = SiteFiles(site: site)
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader.load(siteFiles, reuse: CachedEntries.readOnly(site: site), bodies: DiscardedBodies(), options: options, log: &log)
        } catch {
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, "content", "\(error)")])
        }
        let (templates, assets) = SiteBuild.loadTemplates(siteFiles, log: &log)
        let index = SiteBuild.checkedIndex(loaded.content, templates: templates, assets: assets, log: &log)
        if log.hasErrors || templates == nil { throw BuildFailed(diagnostics: log.sorted) }
        return CheckReport(notes: index.notes.count, drafts: index.drafts.count, articles: index.articles.count,
                           topics: index.topics.count, pages: index.pages.count, warnings: log.sorted)
    }
}
