import Foundation

/// Unicode normalisation on load, so that NFC and NFD files compare, search and draw the same.
public enum Normalization {
    /// NFC form of `text`. Text that is already NFC for certain (ASCII, precomposed Vietnamese,
    /// common punctuation) is returned as is: Foundation's normaliser was a quarter of load time.
    @inline(__always)
    public static func nfc(_ text: String) -> String {
        for b in text.utf8 where b >= 0x80 {
            return isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// True when every scalar is a starter (combining class 0) that NFC never changes: such a
    /// string is its own NFC. False means "maybe not", and the caller normalises.
    static func isCertainlyNFC(_ text: String) -> Bool {
        for s in text.unicodeScalars where !isStableStarter(s.value) { return false }
        return true
    }

    /// Ranges whose every scalar has combining class 0 and NFC_Quick_Check = Yes; checked against
    /// Foundation in the tests. Combining marks for symbols (U+20D0–20FF), the singletons U+2000,
    /// U+2001, U+2126, U+212A, U+212B, U+2329 and U+232A are deliberately outside.
    @inline(__always)
    static func isStableStarter(_ v: UInt32) -> Bool {
        switch v {
        case 0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x20CF, 0x2100...0x2125, 0x2190...0x2328, 0x2500...0x27BF:
            return true
        default:
            return false
        }
    }
}
