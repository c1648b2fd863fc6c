/// Makes text from a file safe to draw: nothing from the data may drive the terminal.
///
/// C0 controls, DEL and C1 controls become visible caret or hex notation the way `less` shows them
/// (`ESC` → `^[`, `DEL` → `^?`, U+009B → `<9B>`); bidirectional overrides, which can reorder what a
/// reader sees, become `<U+202E>`. Tabs become a space. Every string from the data passes here before
/// it reaches a cell, a snapshot or a message. U+2028 and U+2029 are line breaks (a space in one line),
/// invisible TAG characters become `<U+E0041>`, and noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF, the
/// last two of every plane: not characters at all, and U+FFFE/U+FFFF not allowed in XML) `<U+FFFE>`:
/// the same on the screen and in every snapshot, so an SVG or HTML report is always well-formed XML.
public enum TextSanitizer {
    /// One line of safe text; line breaks become a space.
    public static func line(_ text: String) -> String {
        sanitize(text, keepNewlines: false)
    }

    /// Safe text that keeps `\n` for paragraphs (CR LF and lone CR become `\n`).
    public static func paragraph(_ text: String) -> String {
        sanitize(text, keepNewlines: true)
    }

    /// Whether the text needs no change (fast path for the common case).
    public static func isClean(_ text: String) -> Bool {
        for s in text.unicodeScalars where needsReplacement(s) || s == "\n" || s == "\r" || s == "\t" {
            return false
        }
        return true
    }

    /// The first scalar in `text` that a terminal would obey or that reorders text (what `line` and
    /// `paragraph` replace), tabs and line breaks apart: the loader reports it as an error.
    public static func firstControl(in text: String) -> Unicode.Scalar? {
        if isClean(text) { return nil }
        return text.unicodeScalars.first {
            needsReplacement($0) && $0 != "\t" && $0 != "\n" && $0 != "\r" && !isSeparatorOrTag($0.value)
                && !isNoncharacter($0.value)
        }
    }

    /// The first Unicode line or paragraph separator (U+2028, U+2029), invisible TAG character
    /// (U+E0000–E007F) or noncharacter in `text`: harmless to a terminal but invisible, line-breaking
    /// or invalid in a cell or a report, so the loader warns about it. The sanitiser shows them the
    /// same way on screen and in snapshots.
    public static func firstInvisible(in text: String) -> Unicode.Scalar? {
        if isClean(text) { return nil }
        return text.unicodeScalars.first { isSeparatorOrTag($0.value) || isNoncharacter($0.value) }
    }

    @inlinable
    public static func needsReplacement(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || isBidiControl(v) || isSeparatorOrTag(v) || isNoncharacter(v)
    }

    /// The 66 noncharacters: U+FDD0–FDEF and the last two code points of every plane (U+FFFE,
    /// U+FFFF, U+1FFFE … U+10FFFF).
    @inlinable
    public static func isNoncharacter(_ v: UInt32) -> Bool {
        (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }

    /// Whether `s` may stand in XML 1.0 character data as it is: a `Grid` cell or an escaped text
    /// passed through `line`/`paragraph` always may; markup writers check what they write with this.
    @inlinable
    public static func isXMLText(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) && !isNoncharacter(v)
    }

    /// U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, and the TAG block U+E0000–E007F.
    @inlinable
    public static func isSeparatorOrTag(_ v: UInt32) -> Bool {
        v == 0x2028 || v == 0x2029 || (0xE0000...0xE007F).contains(v)
    }

    @inlinable
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    private static func sanitize(_ text: String, keepNewlines: Bool) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for s in text.unicodeScalars {
            defer { previousWasCR = (s == "\r") }
            switch s.value {
            case 0x0A:
                if previousWasCR { continue }  // CR LF already written as one break
                out.append(keepNewlines ? "\n" : " ")
            case 0x0D:
                out.append(keepNewlines ? "\n" : " ")
            case 0x09:
                out.append(" ")
            case 0x00..<0x20:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(s.value + 0x40)))
            case 0x7F:
                out.append(contentsOf: "^?".unicodeScalars)
            case 0x2028, 0x2029:
                // A line break in every way but its name: one rule with \n.
                out.append(keepNewlines ? "\n" : " ")
            case 0xE0000...0xE007F:
                out.append(contentsOf: "<U+\(hex(s.value, digits: 5))>".unicodeScalars)
            case 0x80...0x9F:
                out.append(contentsOf: "<\(hex(s.value, digits: 2))>".unicodeScalars)
            default:
                if isBidiControl(s.value) || isNoncharacter(s.value) {
                    out.append(contentsOf: "<U+\(hex(s.value, digits: 4))>".unicodeScalars)
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
