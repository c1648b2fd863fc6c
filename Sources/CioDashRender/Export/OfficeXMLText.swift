import CioDashCore

/// Text as XML character data for the Word documents: the one way data text enters their XML.
/// The project's one sanitiser first (`TextSanitizer.line`: controls and noncharacters made
/// visible, line breaks a space — nothing XML 1.0 forbids is left), then & < > " escaped.
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
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
