import CioDashCore

/// Text as XML character data for the Word documents: the one way data text enters their XML.
/// `TextSanitizer` first (controls made visible, line breaks a space), then what XML 1.0 forbids or a
/// word processor chokes on and `TextSanitizer` keeps — the noncharacters U+FFFE, U+FFFF, U+FDD0–FDEF
/// and the last two of every plane — shown as `<U+FFFE>`, then & < > " escaped.
///
/// TODO(lead): an XML-text sanitiser for SVG/HTML is coming to Export on another branch; when it
/// lands, this should become a call to it.
enum OfficeXMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in TextSanitizer.line(text).unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if isNoncharacter(s.value) {
                    let hex = String(s.value, radix: 16, uppercase: true)
                    out += "&lt;U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "&gt;"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    /// The 66 noncharacters: U+FDD0–FDEF and the last two code points of every plane.
    static func isNoncharacter(_ v: UInt32) -> Bool {
        (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }
}
