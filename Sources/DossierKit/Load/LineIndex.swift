/// Finds lines in a text by number, scanning its bytes only when asked and only as far as needed.
final class LineIndex {
    private let utf8: [UInt8]
    /// Byte offsets of the starts of the lines found so far.
    private var starts: [Int] = [0]

    init(_ text: String) { utf8 = Array(text.utf8) }

    /// The 1-based column, counted in Unicode scalars, of the byte column `byteColumn` on line `line`.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, byteColumn >= 1 else { return byteColumn }
        while starts.count < line {
            guard let last = starts.last, let newline = utf8[last...].firstIndex(of: UInt8(ascii: "\n")) else {
                return byteColumn
            }
            starts.append(newline + 1)
        }
        let start = starts[line - 1]
        let end = min(utf8.count, start + byteColumn - 1)
        guard start <= end else { return byteColumn }
        // Count the bytes that start a scalar (all but UTF-8 continuation bytes).
        return utf8[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
    }
}
