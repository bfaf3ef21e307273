/// `sitemap.xml` (sitemaps.org 0.9): the address of every page the site has, in the build's order.
enum Sitemap {
    static func xml(_ site: SiteIndex, base: String) -> String {
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for page in site.pages {
            out += "<url><loc>\(XMLText.escape(SiteURL.absolute(page.path, base: base)))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    /// `robots.txt`: every crawler may read everything, and the sitemap is where the pages are listed. Crawlers
    /// read it only at a host's root, so it counts when the base URL is one.
    static func robots(base: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(SiteURL.absolute(SitemapFile.path, base: base))\n"
    }
}
