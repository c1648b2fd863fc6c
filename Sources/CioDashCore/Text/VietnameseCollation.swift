import Foundation

/// Vietnamese alphabetical order: A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y,
/// with tones (none, grave, hook, tilde, acute, dot below) breaking ties. Đ sorts after D,
/// not with it, which a plain Unicode or ASCII-folded sort gets wrong.
public enum VietnameseCollation {
    /// The comparison key of a string; compare keys lexicographically.
    public static func key(_ text: String) -> [UInt32] {
        var base: [UInt32] = []
        var tones: [UInt32] = []
        base.reserveCapacity(text.utf8.count)
        for s in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let tone = toneRank[s.value] {
                if !tones.isEmpty { tones[tones.count - 1] = tone }
                continue
            }
            if let modifier = modifierRank[s.value], !base.isEmpty {
                base[base.count - 1] += modifier
                continue
            }
            if s.properties.generalCategory == .nonspacingMark { continue }
            let lower = s.properties.lowercaseMapping.unicodeScalars.first ?? s
            base.append(rank(lower))
            tones.append(0)
        }
        // Letters decide first; tones only break ties, from the left.
        return base + [0] + tones
    }

    /// Whether `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// Letter rank with gaps of 8 so that a breve, circumflex or horn lifts a vowel just past
    /// its plain form (a < ă < â < b).
    private static func rank(_ s: Unicode.Scalar) -> UInt32 {
        switch s {
        case "đ", "ð": return UInt32(("d" as Unicode.Scalar).value) * 8 + 4
        default: return s.value * 8
        }
    }

    // Combining marks that make a new letter: breve (ă), circumflex (â ê ô), horn (ơ ư).
    private static let modifierRank: [UInt32: UInt32] = [0x0306: 1, 0x0302: 2, 0x031B: 3]
    // Tone marks in the conventional order: ngang, huyền, hỏi, ngã, sắc, nặng.
    private static let toneRank: [UInt32: UInt32] = [0x0300: 1, 0x0309: 2, 0x0303: 3, 0x0301: 4, 0x0323: 5]
}
