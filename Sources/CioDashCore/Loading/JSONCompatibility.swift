/// Lets libyaml read JSON exactly as JSON means it.
///
/// libyaml reads almost all JSON as YAML, with two exceptions found by testing libyaml 0.2.5:
/// a tab before the first `{` or `[` of a line outside any flow ("found character that cannot start
/// any token"), and UTF-16 surrogate-pair escapes (`\ud83d\ude00`, "invalid Unicode character escape
/// code"). In JSON a tab outside a string is only whitespace, so it becomes a space (columns stay the
/// same); a surrogate pair becomes the equivalent `\UXXXXXXXX` escape (the rest of that line shifts
/// two columns left). Applied only to `.json` files: in YAML, tabs are meaningful errors.
enum JSONCompatibility {
    static func prepare(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x09) || containsEscapedSurrogate(bytes) else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var inString = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if !inString {
                if b == 0x22 { inString = true }
                out.append(b == 0x09 ? 0x20 : b)
                i += 1
                continue
            }
            if b == 0x22 {
                inString = false
            } else if b == 0x5C, i + 1 < bytes.count {
                if let scalar = surrogatePair(bytes, at: i) {
                    out.append(contentsOf: Array("\\U".utf8))
                    out.append(contentsOf: Array(LoadMessages.hex(Int(scalar), 8).utf8))
                    i += 12
                    continue
                }
                out.append(b)
                out.append(bytes[i + 1])
                i += 2
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    private static func containsEscapedSurrogate(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 5 < bytes.count {
            if bytes[i] == 0x5C, bytes[i + 1] | 0x20 == 0x75, bytes[i + 2] | 0x20 == 0x64,
               let h = hexValue(bytes[i + 3]), h >= 8 { return true }
            i += 1
        }
        return false
    }

    /// The scalar of `\uD8xx\uDCxx` starting at `i`, if a valid pair is there.
    private static func surrogatePair(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard i + 11 < bytes.count, bytes[i + 1] == 0x75, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75,
              let high = hex4(bytes, i + 2), let low = hex4(bytes, i + 8),
              (0xD800...0xDBFF).contains(high), (0xDC00...0xDFFF).contains(low) else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in start..<start + 4 {
            guard let h = hexValue(bytes[k]) else { return nil }
            v = v << 4 | h
        }
        return v
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x37)
        case 0x61...0x66: return UInt32(b - 0x57)
        default: return nil
        }
    }
}
