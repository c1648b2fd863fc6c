/// A CSV file as Excel writes it, decoded to text with its cell separator: UTF-8 with or without a
/// byte-order mark, UTF-16 LE or BE with one ("Unicode text", tab-separated), and a comma, semicolon
/// (a Vietnamese or other decimal-comma locale) or tab between cells, detected from the header line or
/// from Excel's own `sep=;` first line.
public struct CSVText: Sendable {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf8BOM = "UTF-8 BOM", utf16LE = "UTF-16 LE", utf16BE = "UTF-16 BE" }

    public var text: String
    public var encoding: Encoding
    /// The byte between cells: `,`, `;` or a tab, or what a `sep=` line names.
    public var delimiter: UInt8
    /// Lines before the header that are not data (Excel's `sep=` line): 0 or 1.
    public var skippedLines: Int

    /// Why bytes are not CSV text, with the place of the first bad byte.
    public struct Failure: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case nulByte, notUTF8(Int), badUTF16, utf16WithoutBOM }
        public var kind: Kind
        public var line: Int
        public var column: Int?
    }

    /// Decodes and detects; text is NFC.
    public static func decode(_ bytes: [UInt8]) -> Result<CSVText, Failure> {
        let encoding: Encoding
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            encoding = little ? .utf16LE : .utf16BE
            guard let decoded = utf16(bytes.dropFirst(2), littleEndian: little) else {
                return .failure(Failure(kind: .badUTF16, line: 1, column: nil))
            }
            text = decoded
        } else {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            encoding = body.count < bytes.count ? .utf8BOM : .utf8
            let valid = !body.contains(0) && String(validating: body, as: UTF8.self) != nil
            if !valid, let bad = MetricsCSV.firstInvalidUTF8(body) {
                let (line, column) = MetricsCSV.place(of: bad, in: body)
                if body[bad] == 0 {
                    // Every other byte NUL: UTF-16 saved without its byte-order mark.
                    let sample = body.prefix(64)
                    let nuls = sample.filter { $0 == 0 }.count
                    if nuls * 3 >= sample.count { return .failure(Failure(kind: .utf16WithoutBOM, line: 1, column: nil)) }
                    return .failure(Failure(kind: .nulByte, line: line, column: column))
                }
                return .failure(Failure(kind: .notUTF8(Int(body[bad])), line: line, column: column))
            }
            text = String(decoding: body, as: UTF8.self)
        }
        if text.contains("\u{0}") { return .failure(Failure(kind: .nulByte, line: 1, column: nil)) }
        text = Normalization.nfc(text)
        var skipped = 0
        var delimiter = detectDelimiter(firstLine(text))
        let first = firstLine(text)
        // Excel's `sep=X` may name any one character: `|` and `:` are used too. A quote, a letter or a
        // digit cannot separate cells.
        if first.lowercased().hasPrefix("sep="), first.utf8.count == 5, let d = first.utf8.last, isSeparator(d) {
            delimiter = d
            skipped = 1
        }
        return .success(CSVText(text: text, encoding: encoding, delimiter: delimiter, skippedLines: skipped))
    }

    /// Whether `sep=` may name this byte: a tab, or printable ASCII other than a quote, a letter or a digit.
    static func isSeparator(_ b: UInt8) -> Bool {
        let letterOrDigit = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
        return b == 0x09 || ((0x20...0x7E).contains(b) && b != 0x22 && !letterOrDigit)
    }

    /// The separator the header line uses most, outside quotes; a comma when it has none.
    static func detectDelimiter(_ line: Substring) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for b in line.utf8 {
            if b == 0x22 { quoted.toggle() } else if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        let best = [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : 0x2C
    }

    private static func firstLine(_ text: String) -> Substring {
        let end = text.firstIndex { $0 == "\n" || $0 == "\r" || $0 == "\r\n" } ?? text.endIndex
        return text[..<end]
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out = ""
        out.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): out.unicodeScalars.append(Unicode.UTF16.decode(encoded))
            case .error: return nil
            case .emptyInput: return out
            }
        }
    }
}
