/// Numbers written the same way whatever the machine's locale.
enum NumberText {
    /// `1,300`, `77.7`, `0`: thousands separated by commas, at most `decimals` decimals, no trailing zeros.
    static func format(_ value: Double, decimals: Int = 1) -> String {
        let scale = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int(rounded.rounded(.down))
        var fraction = Int(((rounded - Double(whole)) * scale).rounded())
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        var text = (value < 0 && rounded != 0 ? "−" : "") + grouped
        if fraction > 0 {
            var decimalsText = String(fraction)
            decimalsText = String(repeating: "0", count: max(0, decimals - decimalsText.count)) + decimalsText
            while decimalsText.hasSuffix("0") { decimalsText.removeLast(); fraction /= 10 }
            text += "." + decimalsText
        }
        return text
    }

    /// Plain machine form for data files: `1300`, `77.7`.
    static func plain(_ value: Double) -> String {
        format(value, decimals: 2).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")
    }
}
