import Foundation

/// Unicode normalisation on load, so that NFC and NFD files compare, search and draw the same.
public enum Normalization {
    /// NFC form of `text`; pure ASCII is returned as is without calling Foundation.
    @inline(__always)
    public static func nfc(_ text: String) -> String {
        for b in text.utf8 where b >= 0x80 {
            return text.precomposedStringWithCanonicalMapping
        }
        return text
    }
}
