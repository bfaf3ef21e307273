import Foundation
import Testing
@testable import DossierKit

/// The stylesheet's palette read by WCAG's rules: text needs 4.5:1 against its background (AA), the chart's
/// lines and markers 3:1 (non-text contrast).
@Suite("Accessibility: colour contrast of the palette")
struct ContrastTests {
    static func palette() throws -> [String: String] {
        let css = try Repo.text("templates/assets/style.css")
        var colours: [String: String] = [:]
        for match in css.matches(of: #/--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/#) {
            colours[String(match.output.1)] = String(match.output.2)
        }
        return colours
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

    @Test("every text colour on every background it is used on reaches AA (4.5:1)", arguments: [
        ("text", "background"), ("muted", "background"), ("link", "background"), ("link-visited", "background"),
        ("accent", "background"), ("ukraine", "background"), ("russia", "background"), ("independent", "background"),
        ("text", "surface"), ("link", "surface"), ("muted", "surface"), ("link-visited", "surface"),
    ])
    func textPairs(foreground: String, background: String) throws {
        let colours = try Self.palette()
        let fg = try #require(colours[foreground]), bg = try #require(colours[background])
        #expect(Self.contrast(fg, bg) >= 4.5, "\(foreground) \(fg) on \(background) \(bg): \(Self.contrast(fg, bg))")
    }

    @Test("every colour a chart series can have stands out from the page (3:1); each side's first is the stylesheet's")
    func chartColours() throws {
        let colours = try Self.palette()
        for (side, palette) in ChartSeries.palettes {
            for colour in palette {
                #expect(Self.contrast(colour, "#ffffff") >= 3, "\(side) \(colour)")
                #expect(Self.contrast(colour, colours["background"] ?? "#ffffff") >= 3, "\(side) \(colour)")
            }
            #expect(colours[side.rawValue.lowercased()] == palette.first, "\(side) differs between chart and stylesheet")
        }
    }
}
