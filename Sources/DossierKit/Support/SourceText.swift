import Foundation

/// Decodes a content file into text with `\n` line endings and no byte order mark.
enum SourceText {
    enum Failure: Error, Equatable {
        case empty
        case nulByte(offset: Int)
        case invalidUTF8(offset: Int)
    }

    static func decode(_ data: Data) -> Result<String, Failure> {
        data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            let bom = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let bytes = UnsafeBufferPointer(rebasing: all[bom...])
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.empty) }
            if let nul = bytes.firstIndex(of: 0) { return .failure(.nulByte(offset: nul + bom)) }
            // The standard library validates UTF-8 fast; the offset of a bad byte is looked for only on failure.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(.invalidUTF8(offset: (firstInvalidUTF8(Array(bytes)) ?? 0) + bom))
            }
            return .success(bytes.contains(0x0D) ? normalizeNewlines(text) : text)
        }
    }

    static func normalizeNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Byte offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            for k in 1..<max(length, 1) where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { return i }
            } else if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { return i }
            }
            i += length
        }
        return nil
    }
}
