/// Numbers as each language writes them: Vietnamese "1.349" and "0,727"; English "1,349" and "0.727".
///
/// Hand-written rather than Foundation's NumberFormatter because `vi_VN` locale data is not
/// installed here and the output must be identical on every machine for golden snapshots.
public enum NumberFormatting {
    /// `value` with thousands grouping and at most `maxFractionDigits` decimals (trailing zeros dropped
    /// down to `minFractionDigits`: a metric declared with 4 decimals shows 0,6000, not 0,6).
    public static func format(_ value: Double, language: Language, maxFractionDigits: Int = 2,
                              minFractionDigits: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        // Past UInt64 the exact digits mean nothing; Swift's shortest form ("1e+308") is readable enough.
        if magnitude >= 1.8e19 { return (value < 0 ? "-" : "") + String(describing: magnitude) }
        let (group, decimal): (UInt8, UInt8) = language == .vi ? (UInt8(ascii: "."), UInt8(ascii: ",")) : (UInt8(ascii: ","), UInt8(ascii: "."))
        let scale = pow10(maxFractionDigits)
        let scaled = (magnitude * scale).rounded()
        let integerPart: Double
        var fraction: Int
        if scaled > 9.0e15 {
            // Beyond 2^53 the fraction is meaningless; print the integer part only.
            integerPart = magnitude.rounded()
            fraction = 0
        } else {
            integerPart = (scaled / scale).rounded(.down)
            fraction = WholeNumber.clamped(scaled - integerPart * scale, to: 0...Int.max)
        }
        let negative = value < 0 && (integerPart != 0 || fraction != 0)
        var fractionWidth = maxFractionDigits
        let kept = min(minFractionDigits, maxFractionDigits)
        if fraction > 0 {
            while fraction % 10 == 0 && fractionWidth > kept { fraction /= 10; fractionWidth -= 1 }
        } else {
            fractionWidth = kept
        }
        let digits = String(UInt64(integerPart))
        let fractionDigits = fraction > 0 ? String(fraction) : ""
        let hasFraction = fraction > 0 || fractionWidth > 0
        let count = digits.utf8.count
        let capacity = 2 + count + count / 3 + max(fractionWidth, fractionDigits.utf8.count)
        // Written straight into the string's storage: every overview frame formats hundreds of figures.
        return String(unsafeUninitializedCapacity: capacity) { out in
            var n = 0
            func write(_ byte: UInt8) { out[n] = byte; n += 1 }
            if negative { write(UInt8(ascii: "-")) }
            for (i, digit) in digits.utf8.enumerated() {
                if i > 0 && (count - i) % 3 == 0 { write(group) }
                write(digit)
            }
            if hasFraction {
                write(decimal)
                for _ in 0..<max(0, fractionWidth - fractionDigits.utf8.count) { write(UInt8(ascii: "0")) }
                for digit in fractionDigits.utf8 { write(digit) }
            }
            return n
        }
    }

    /// A share as "87,5%" / "87.5%".
    public static func percent(_ value: Double, language: Language) -> String {
        format(value, language: language, maxFractionDigits: 1) + "%"
    }

    /// A signed change: "+12", "-3,5", "±0".
    public static func delta(_ value: Double, language: Language, maxFractionDigits: Int = 2) -> String {
        let text = format(abs(value), language: language, maxFractionDigits: maxFractionDigits)
        if text == "0" { return "±0" }
        return (value > 0 ? "+" : "-") + text
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, n) { r *= 10 }
        return r
    }
}
