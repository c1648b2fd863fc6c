/// Scalars written into YAML status files: every text double-quoted and escaped, so that nothing a
/// province typed (`=HYPERLINK(…)`, `- item`, `#`, `: `) can change the file's structure.
enum YAMLText {
    static func quoted(_ text: String) -> String { quoted(text, json: false) }

    /// `json`: the same string for a JSON file, whose only escape for a control character is `\u00XX`.
    static func quoted(_ text: String, json: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += json ? "\\u" + hex.leftPadded(4) : "\\x" + hex.leftPadded(2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `45`, `0.6045`, `3500`: the shortest text that reads back as the same number.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
