/// A number typed as text into a form ("numbers stored as text"): `45`, `0,6045`, `1.349,5`,
/// `1,349.5`. A text that reads two ways (`812.345` is 812345 with a Vietnamese thousands dot, or
/// 812.345 with an English decimal point) is never guessed.
public enum NumberText {
    public enum Reading: Equatable {
        case number(Double)
        case ambiguous(Double, Double)
        case invalid
    }

    public static func read(_ raw: String) -> Reading {
        let text = raw.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        guard !text.isEmpty else { return .invalid }
        var body = Substring(text)
        var sign = 1.0
        if body.first == "-" { sign = -1; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              body.first!.isNumber, body.last!.isNumber else { return .invalid }
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        func value(_ s: String) -> Double? { Double(s).map { $0 * sign } }
        func grouped(_ s: Substring, by separator: Character) -> String? {
            let groups = s.split(separator: separator, omittingEmptySubsequences: false)
            // A leading zero is never a thousands group: 0.727 and 0,727 read one way.
            guard groups.count > 1, (1...3).contains(groups[0].count), groups[0].first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            return groups.joined()
        }
        switch (dots, commas) {
        case (0, 0): return value(String(body)).map { .number($0) } ?? .invalid
        case (_, 0), (0, _):
            let separator: Character = dots > 0 ? "." : ","
            let count = max(dots, commas)
            if count > 1 {
                return grouped(body, by: separator).flatMap(value).map { .number($0) } ?? .invalid
            }
            let decimal = value(body.replacingOccurrences(of: String(separator), with: "."))
            if let thousands = grouped(body, by: separator).flatMap(value), let decimal {
                return .ambiguous(thousands, decimal)
            }
            return decimal.map { .number($0) } ?? .invalid
        default:
            // Both: the last one is the decimal mark, the other groups thousands.
            let lastDot = body.lastIndex(of: ".")!, lastComma = body.lastIndex(of: ",")!
            let (decimalMark, groupMark): (Character, Character) = lastDot > lastComma ? (".", ",") : (",", ".")
            let parts = body.split(separator: decimalMark, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].contains(groupMark),
                  let whole = grouped(parts[0], by: groupMark) ?? (parts[0].contains(groupMark) ? nil : String(parts[0])) else {
                return .invalid
            }
            return value(whole + "." + parts[1]).map { .number($0) } ?? .invalid
        }
    }
}
