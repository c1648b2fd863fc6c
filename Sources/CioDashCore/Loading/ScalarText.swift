/// Reads numbers, booleans and dates from scalar text by hand: no regular expressions and no tag
/// resolver, which is what keeps loading close to libyaml's own speed.
enum ScalarText {
    enum NumberResult: Equatable {
        case number(Double)
        /// Written as a number but not finite (`.inf`, `.nan`, `1e999`).
        case notFinite
        case notANumber
    }

    /// A decimal number: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, plus YAML's
    /// `.inf` and `.nan` spellings (recognised only to reject them clearly).
    static func number(_ text: String) -> NumberResult {
        var text = text
        if let value = text.withUTF8(exactDecimal) { return .number(value) }
        // Scanned as raw bytes: generic index arithmetic on a UTF-8 view cost more than strtod.
        switch text.withUTF8(shape) {
        case .other: return .notANumber
        case .infOrNaN: return .notFinite
        case .decimal: break
        }
        guard let value = Double(text) else { return .notANumber }
        return value.isFinite ? .number(value) : .notFinite
    }

    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { x, _ in x * 10 } }

    /// `[+-]? digits [. digits]` of at most 15 digits in all, without an exponent, read without strtod:
    /// the digits as an integer below 2^53 and a power of ten up to 10^22 are both exact doubles, so
    /// one IEEE division gives the correctly rounded value, the same as strtod's (Clinger's fast path).
    private static func exactDecimal(_ utf8: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < utf8.count, utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") {
            negative = utf8[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var seenPoint = false
        while i < utf8.count {
            let b = utf8[i]
            if isDigit(b) {
                mantissa = mantissa &* 10 &+ UInt64(b &- 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
            } else if b == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let value = Double(mantissa) / powersOfTen[fraction]
        return negative ? -value : value
    }

    private enum Shape { case decimal, infOrNaN, other }

    private static func shape(_ utf8: UnsafeBufferPointer<UInt8>) -> Shape {
        guard !utf8.isEmpty, utf8.count <= 400 else { return .other }
        var i = 0
        if utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") { i += 1 }
        if i < utf8.count, !isDigit(utf8[i]), isInfOrNaN(UnsafeBufferPointer(rebasing: utf8[i...])) { return .infOrNaN }
        var intDigits = 0, fracDigits = 0
        while i < utf8.count, isDigit(utf8[i]) { intDigits += 1; i += 1 }
        if i < utf8.count, utf8[i] == UInt8(ascii: ".") {
            i += 1
            while i < utf8.count, isDigit(utf8[i]) { fracDigits += 1; i += 1 }
        }
        guard intDigits + fracDigits > 0 else { return .other }
        if i < utf8.count, utf8[i] == UInt8(ascii: "e") || utf8[i] == UInt8(ascii: "E") {
            i += 1
            if i < utf8.count, utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = 0
            while i < utf8.count, isDigit(utf8[i]) { expDigits += 1; i += 1 }
            guard expDigits > 0 else { return .other }
        }
        return i == utf8.count ? .decimal : .other
    }

    /// YAML 1.1 booleans (`true`/`false`, `yes`/`no`, `on`/`off`, `y`/`n` in their three casings).
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default: return nil
        }
    }

    /// Whether `text` is `HH:MM` on a 24-hour clock.
    static func isClockTime(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"), isDigit(b[0]), isDigit(b[1]), isDigit(b[3]), isDigit(b[4])
        else { return false }
        let hours = Int(b[0] - 48) * 10 + Int(b[1] - 48)
        let minutes = Int(b[3] - 48) * 10 + Int(b[4] - 48)
        return hours < 24 && minutes < 60
    }

    /// Whether `text` is `[a-z0-9-]+`.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
    }

    /// The id a province file named like its province should have: "Quảng Ngãi" → "quang-ngai",
    /// "Dak_Lak" → "dak-lak". Nil for a name that is already an id, and for one with anything but
    /// letters, marks, digits, spaces, hyphens and underscores (a control character, a dot), which
    /// other checks describe better.
    static func suggestedIdentifier(forFileName name: String) -> String? {
        guard !isIdentifier(name) else { return nil }
        for scalar in name.unicodeScalars {
            let category = scalar.properties.generalCategory
            let allowed = scalar.properties.isAlphabetic || category == .nonspacingMark || category == .decimalNumber
                || scalar == " " || scalar == "-" || scalar == "_"
            if !allowed { return nil }
        }
        let words = SearchKey.fold(name).split(separator: " ")
        let suggestion = words.joined(separator: "-")
        return isIdentifier(suggestion) ? suggestion : nil
    }

    /// Whether `text` groups digits in threes with `separator` ("1.349", "12.000.000").
    static func looksLikeThousands(_ text: String, separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { $0.utf8.allSatisfy(isDigit) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// What the writer of "12,5%" or "1.349,5" most likely meant, as a plain number, if anything.
    static func suggestedNumber(_ text: String) -> String? {
        var t = String(text.unicodeScalars.filter { $0 != "%" && $0 != " " }.map(Character.init))
        if looksLikeThousands(t, separator: ",") {
            t.removeAll { $0 == "," }
        } else if t.contains(",") {
            // Vietnamese notation: "." groups thousands, "," marks decimals.
            t.removeAll { $0 == "." }
            t = String(t.map { $0 == "," ? "." : $0 })
        }
        guard t != text, case .number = number(t) else { return nil }
        return t
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static let infOrNaNSpellings = [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "inf", "Inf", "nan", "NaN",
                                            "Infinity", "infinity"]

    private static func isInfOrNaN(_ rest: UnsafeBufferPointer<UInt8>) -> Bool {
        infOrNaNSpellings.contains { $0.utf8.elementsEqual(rest) }
    }
}
