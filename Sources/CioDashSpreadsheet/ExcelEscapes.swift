/// Excel's escapes in cell text (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): `_xHHHH_` is the UTF-16 code
/// unit HHHH — how Excel stores a character XML cannot hold, such as a carriage return (`_x000D_`) —
/// and `_x005F_` is an underscore that would otherwise start one (`_x005F_x000D_` is the text `_x000D_`).
enum ExcelEscapes {
    /// The text with its escapes decoded, or `.badEscape` with the first escape that makes no
    /// character (half of a surrogate pair) as written.
    static func decode(_ text: String) -> Result<String, CellProblem> {
        guard text.contains("_x") else { return .success(text) }
        let units = Array(text.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var escapes: [(at: Int, raw: String)] = []
        var i = 0
        while i < units.count {
            if i + 6 < units.count, units[i] == 0x5F, units[i + 1] == 0x78, units[i + 6] == 0x5F,
               let value = UInt16(String(decoding: units[(i + 2)..<(i + 6)], as: UTF16.self), radix: 16),
               units[(i + 2)..<(i + 6)].allSatisfy({ Unicode.Scalar($0).map { $0.properties.isASCIIHexDigit } ?? false }) {
                escapes.append((out.count, String(decoding: units[i..<(i + 7)], as: UTF16.self)))
                out.append(value)
                i += 7
            } else {
                out.append(units[i])
                i += 1
            }
        }
        // A surrogate that pairs with nothing makes no character.
        var k = 0
        while k < out.count {
            let u = out[k]
            if UTF16.isLeadSurrogate(u), k + 1 < out.count, UTF16.isTrailSurrogate(out[k + 1]) { k += 2; continue }
            if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) {
                return .failure(.badEscape(escapes.first { $0.at == k }?.raw ?? "_x\(String(u, radix: 16, uppercase: true))_"))
            }
            k += 1
        }
        return .success(String(decoding: out, as: UTF16.self))
    }
}
