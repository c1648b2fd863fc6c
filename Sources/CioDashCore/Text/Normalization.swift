import Foundation

/// Unicode normalisation on load, so that NFC and NFD files compare, search and draw the same.
public enum Normalization {
    /// NFC form of `text`. Text that is already NFC for certain (ASCII, precomposed Vietnamese,
    /// common punctuation) is returned as is: Foundation's normaliser was a quarter of load time.
    /// Decomposed Latin letters (NFD Vietnamese, as macOS writes it) are composed by table: Foundation
    /// on every string of an NFD file was a fifth of the load time again.
    @inline(__always)
    public static func nfc(_ text: String) -> String {
        for b in text.utf8 where b >= 0x80 {
            if isCertainlyNFC(text) { return text }
            return composedByTable(text) ?? text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// NFC text of valid UTF-8 (a parser's scalar): checked and, if need be, composed on the bytes,
    /// so that no String is made before the one that is kept. The same result as `nfc(String(decoding:))`.
    public static func nfc(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let (scalar, length) = decode(bytes, at: i)
            if !isStableStarter(scalar) {
                return composedByTable(bytes) ?? String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
            }
            i += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// NFC of text made only of stable starters and canonical decompositions of precomposed Latin
    /// letters; nil for anything else, which the caller gives to Foundation.
    ///
    /// Exact: a stable starter neither composes with what precedes it nor lets marks reorder across
    /// it, so NFC works on each stable starter with the marks after it on its own; and where that run
    /// is the canonical decomposition of an NFC letter, NFC gives back that letter.
    static func composedByTable(_ text: String) -> String? {
        var text = text
        return text.withUTF8(composedByTable)
    }

    /// The same on valid UTF-8: text between runs is copied in bulk, each run is looked up.
    private static func composedByTable(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        let table = latinCompositions
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var copied = 0  // input[..<copied] is in `out`
        var starter = -1  // offset of the stable starter before `i`, if it is the last one
        var i = 0
        while i < input.count {
            let (scalar, length) = decode(input, at: i)
            if isStableStarter(scalar) {
                starter = i
                i += length
                continue
            }
            guard starter >= 0 else { return nil }
            var key = UInt64(decode(input, at: starter).scalar)
            var count = 1
            var end = i
            while end < input.count {
                let (mark, markLength) = decode(input, at: end)
                if isStableStarter(mark) { break }
                guard count < 3 else { return nil }
                key |= UInt64(mark) << (21 * count)
                count += 1
                end += markLength
            }
            guard let letter = table[key] else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<starter]))
            UTF8.encode(letter) { out.append($0) }
            copied = end
            starter = -1
            i = end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(b[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// Precomposed letters of Latin-1 to Latin Extended-B and Latin Extended Additional (every
    /// Vietnamese letter) keyed by their canonical decomposition (up to three scalars, 21 bits each).
    /// Built once, from Foundation, the first time decomposed text arrives.
    static let latinCompositions: [UInt64: Unicode.Scalar] = {
        var table: [UInt64: Unicode.Scalar] = [:]
        for v in Array(UInt32(0xC0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let letter = Unicode.Scalar(v) else { continue }
            let text = String(Character(letter))
            guard Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == [letter] else { continue }
            let parts = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
            guard (2...3).contains(parts.count), isStableStarter(parts[0].value),
                  parts.dropFirst().allSatisfy({ !isStableStarter($0.value) }) else { continue }
            var key: UInt64 = 0
            for (i, part) in parts.enumerated() { key |= UInt64(part.value) << (21 * i) }
            table[key] = letter
        }
        return table
    }()

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
