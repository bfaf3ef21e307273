/// What a cited source's address must be: the report's own page over https, never a site's home page, which
/// cannot show the reader where the figure was said.
enum SourceAddress {
    /// Why `url` cannot be cited; nil when it can.
    static func problem(with url: String) -> String? {
        guard url.lowercased().hasPrefix("https://"), URLSafety.isSafeExternal(url) else {
            return "'\(url)' is not an https:// address"
        }
        let rest = url.dropFirst("https://".count)
        let host = hostPart(of: rest)
        guard !host.isEmpty, host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else {
            return "'\(url)' has no host name"
        }
        let after = rest.dropFirst(host.count)
        let path = after.prefix { $0 != "#" }
        guard path != "" && path != "/" else {
            return "'\(url)' is a site's home page; cite the address of the report itself"
        }
        return nil
    }

    /// How a cited address reads in a link: `https://www.reuters.com/world/…` → `reuters.com`.
    static func host(of url: String) -> String {
        let rest = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? Substring(url)
        let host = hostPart(of: rest)
        return String(host.hasPrefix("www.") ? host.dropFirst(4) : host)
    }

    private static func hostPart(of rest: Substring) -> Substring {
        rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }
}
