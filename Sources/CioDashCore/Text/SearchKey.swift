import Foundation

/// Text folded for matching: lower case, no diacritics, đ → d, runs of space collapsed.
///
/// So "hue" finds "Thừa Thiên Huế", "dak lak" finds "Đắk Lắk", and "Khánh Hòa" equals "Khánh Hoà"
/// whatever the tone-mark placement or normalisation form of either side.
public enum SearchKey {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        // Canonical decomposition puts every tone and vowel mark in its own combining scalar.
        for s in (text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping).unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control:
                continue
            default:
                break
            }
            if s.properties.isWhitespace || s == "-" || s == "_" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch s {
            case "Đ", "đ", "Ð": out.append("d")
            default:
                for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
            }
        }
        return String(out)
    }

    /// Whether every word of the query is found, in order, in the folded text.
    public static func matches(query: String, in text: String) -> Bool {
        let q = fold(query)
        if q.isEmpty { return false }
        return fold(text).contains(q)
    }
}
