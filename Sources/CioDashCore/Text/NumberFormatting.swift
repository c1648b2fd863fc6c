/// Numbers as each language writes them: Vietnamese "1.349" and "0,727"; English "1,349" and "0.727".
///
/// Hand-written rather than Foundation's NumberFormatter because `vi_VN` locale data is not
/// installed here and the output must be identical on every machine for golden snapshots.
public enum NumberFormatting {
    /// `value` with thousands grouping and at most `maxFractionDigits` decimals (trailing zeros dropped).
    public static func format(_ value: Double, language: Language, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        // Past UInt64 the exact digits mean nothing; Swift's shortest form ("1e+308") is readable enough.
        if magnitude >= 1.8e19 { return (value < 0 ? "-" : "") + String(describing: magnitude) }
        let (group, decimal): (Character, Character) = language == .vi ? (".", ",") : (",", ".")
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
            fraction = Int((scaled - integerPart * scale).rounded())
        }
        let negative = value < 0 && (integerPart != 0 || fraction != 0)
        var digits = String(UInt64(integerPart))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(group) }
            grouped.append(ch)
        }
        digits = grouped
        var fractionText = ""
        if fraction > 0 {
            var width = maxFractionDigits
            while fraction % 10 == 0 && width > 0 { fraction /= 10; width -= 1 }
            let f = String(fraction)
            fractionText = String(decimal) + String(repeating: "0", count: max(0, width - f.count)) + f
        }
        return (negative ? "-" : "") + digits + fractionText
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
