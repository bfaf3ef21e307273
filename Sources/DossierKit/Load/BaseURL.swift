/// The address a site is published at (`site.yml`'s `base_url`): an absolute http or https URL that page
/// addresses are appended to, so it can hold neither a query, a fragment nor a user name.
enum BaseURL {
    /// Why `text` cannot be a base URL, or `nil` when it can.
    static func problem(with text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain spaces or control characters"
        }
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            return "must be written in ASCII: percent-encode other characters, and write a host's other letters in its xn-- form"
        }
        guard let separator = text.range(of: "://") else {
            return "must be an absolute URL starting with https:// or http://"
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            return "must be an http or https URL, not \(scheme.isEmpty ? "one without a scheme" : scheme)"
        }
        let afterScheme = text[separator.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { "/?#".contains($0) }) ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        let rest = afterScheme[authorityEnd...]
        if authority.contains("@") { return "must not contain a user name or password" }
        if rest.contains("?") { return "must not have a query ('?…'): page addresses are appended to it" }
        if rest.contains("#") { return "must not have a fragment ('#…'): page addresses are appended to it" }
        if let problem = hostProblem(authority) { return problem }
        if let bad = rest.first(where: { !isPathCharacter($0) }) {
            return "must not contain '\(bad)' unencoded; write it as \(percentEncoded(bad))"
        }
        if !hasValidEscapes(rest) { return "has a '%' that is not followed by two hexadecimal digits" }
        return nil
    }

    /// `text` ending with "/", so that a page's address can be appended to it.
    static func normalized(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }

    /// Host and optional port: a name of letters, digits, '-' and '.', or an IPv6 address in brackets.
    private static func hostProblem(_ authority: Substring) -> String? {
        var host = authority, port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]"),
                  authority[authority.index(after: authority.startIndex)..<close].allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }),
                  authority.distance(from: authority.startIndex, to: close) > 1
            else { return "has a malformed IPv6 address '\(authority)'" }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "has something after its IPv6 address: '\(after)'" }
                port = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        if host.isEmpty { return "has no host" }
        if !host.hasPrefix("["), let bad = host.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".")) }) {
            return "has '\(bad)' in its host '\(host)'; a host holds letters, digits, '-' and '.'"
        }
        if let port, !(port.count <= 5 && port.allSatisfy(\.isASCIIDigit) && (Int(port).map { (1...65535).contains($0) } ?? false)) {
            return "has a port that is not a number from 1 to 65535: '\(port)'"
        }
        return nil
    }

    /// RFC 3986's characters of a path: unreserved, sub-delimiters, ':', '@', '/' and '%' for escapes.
    private static func isPathCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "-._~!$&'()*+,;=:@/%".contains(c))
    }

    private static func hasValidEscapes(_ path: Substring) -> Bool {
        var rest = path[...]
        while let percent = rest.firstIndex(of: "%") {
            let digits = rest[rest.index(after: percent)...].prefix(2)
            guard digits.count == 2, digits.allSatisfy(\.isHexDigit) else { return false }
            rest = rest[digits.endIndex...]
        }
        return true
    }

    private static func percentEncoded(_ c: Character) -> String {
        String(c).utf8.map { "%" + String($0, radix: 16, uppercase: true) }.joined()
    }
}
