import Foundation
import Testing
@testable import DossierKit

/// The stylesheet's palette read by WCAG's rules: text needs 4.5:1 against its background (AA), the chart's
/// lines and markers 3:1 (non-text contrast).
@Suite("Accessibility: colour contrast of the palette")
struct ContrastTests {
    /// The stylesheet's colour variables in one scheme: the light ones outside the dark block, and the dark block's
    /// over them (a variable it does not set keeps its light value).
    static func palette(_ scheme: Scheme = .light) throws -> [String: String] {
        let css = try Repo.text("templates/assets/style.css")
        let (light, dark) = split(css)
        var colours = variables(light)
        if scheme == .dark { colours.merge(variables(dark)) { _, new in new } }
        return colours
    }

    enum Scheme: String, CaseIterable, Sendable { case light, dark }

    static func variables(_ css: String) -> [String: String] {
        var colours: [String: String] = [:]
        for match in css.matches(of: #/--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;/#) {
            colours[String(match.output.1)] = String(match.output.2)
        }
        return colours
    }

    /// The stylesheet without its dark block, and the dark block: from its `@media` to the brace that closes it.
    static func split(_ css: String) -> (light: String, dark: String) {
        guard let start = css.range(of: "@media screen and (prefers-color-scheme: dark)") else { return (css, "") }
        var depth = 0
        var index = start.upperBound
        while index < css.endIndex {
            if css[index] == "{" { depth += 1 }
            if css[index] == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            index = css.index(after: index)
        }
        let end = index < css.endIndex ? css.index(after: index) : index
        return (String(css[..<start.lowerBound] + css[end...]), String(css[start.lowerBound..<end]))
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test("contrast is computed as WCAG defines it")
    func formula() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    static let pairs = [
        ("text", "background"), ("muted", "background"), ("link", "background"), ("link-visited", "background"),
        ("accent", "background"), ("ukraine", "background"), ("russia", "background"), ("independent", "background"),
        ("text", "surface"), ("link", "surface"), ("muted", "surface"), ("link-visited", "surface"),
        ("text", "target"), ("chart-axis", "background"), ("chart-label", "background"), ("chart-label", "chart-band"),
    ]

    @Test("every text colour on every background it is used on reaches AA (4.5:1), light and dark",
          arguments: Scheme.allCases, pairs)
    func textPairs(scheme: Scheme, pair: (String, String)) throws {
        let (foreground, background) = pair
        let colours = try Self.palette(scheme)
        let fg = try #require(colours[foreground]), bg = try #require(colours[background])
        #expect(Self.contrast(fg, bg) >= 4.5, "\(scheme): \(foreground) \(fg) on \(background) \(bg): \(Self.contrast(fg, bg))")
    }

    @Test("the dark scheme sets every colour the light one has, to a different value")
    func darkIsComplete() throws {
        let css = try Repo.text("templates/assets/style.css")
        let (light, dark) = Self.split(css)
        #expect(!dark.isEmpty, "no dark block")
        let lightColours = Self.variables(light), darkColours = Self.variables(dark)
        for (name, value) in lightColours {
            #expect(darkColours[name] != nil && darkColours[name] != value, "--\(name) is not set for the dark scheme")
        }
        #expect(Self.luminance(darkColours["background"] ?? "#ffffff") < 0.05, "the dark background is not dark")
    }

    @Test("every colour a chart series can have is the stylesheet's, in both schemes, and stands out (3:1) from the page and the event bands")
    func chartColours() throws {
        let css = try Repo.text("templates/assets/style.css")
        for scheme in Scheme.allCases {
            let colours = try Self.palette(scheme)
            for (side, size) in ChartSeries.paletteSizes {
                #expect(size > 1)
                for index in 0..<size {
                    let name = ChartSeries.colourClass(side, index: index)
                    let variable = String(name.dropFirst("series-".count))
                    #expect(css.contains(".\(name) { stroke: var(--\(variable)); fill: var(--\(variable)); }"), "no rule for .\(name)")
                    let colour = try #require(colours[variable], "\(scheme): no --\(variable)")
                    for background in ["background", "chart-band"] {
                        let bg = try #require(colours[background])
                        #expect(Self.contrast(colour, bg) >= 3, "\(scheme): --\(variable) \(colour) on \(background): \(Self.contrast(colour, bg))")
                    }
                }
                // A side's first colour is the one its name is written in.
                #expect(colours["\(side.rawValue.lowercased())-1"] == colours[side.rawValue.lowercased()], "\(scheme): \(side)")
                #expect(ChartSeries.colourClass(side, index: size) == ChartSeries.colourClass(side, index: 0), "colours past the family's repeat")
            }
            #expect(ChartSeries.colourClass(nil, index: 0) == "series-none")
            let none = try #require(colours["series-none"])
            #expect(Self.contrast(none, try #require(colours["background"])) >= 3)
        }
    }
}
