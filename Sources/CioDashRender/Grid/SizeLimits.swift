/// The bounds on every size that comes from outside (the command line, `COLUMNS`, the terminal's
/// own report): a grid is width × height cells, so an unbounded number is unbounded memory.
public enum SizeLimits {
    /// Text written instead of a screen (`snapshot --width`, `COLUMNS` when output is not a terminal).
    public static let textWidth = 20...1000
    /// The live screen: wider or taller terminals get a grid this large, the rest stays blank.
    /// 2,000 × 1,000 cells is beyond any projector or monitor font, and a few tens of megabytes.
    public static let screenWidth = 1...2000
    public static let screenHeight = 1...1000

    /// The screen size to draw for a terminal that reports `width` × `height`.
    public static func screen(width: Int, height: Int) -> (width: Int, height: Int) {
        (clamp(width, screenWidth), clamp(height, screenHeight))
    }

    /// The text width `COLUMNS` asks for: nil when unset or not a number (ignored, as shells do),
    /// otherwise the number brought into `textWidth`, with a sentence when it had to be.
    public static func columns(fromEnvironment value: String?) -> (width: Int?, warning: String?) {
        guard let value else { return (nil, nil) }
        let text = value.filter { $0 != " " }
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (nil, nil) }
        // Past Int's range it is simply very large (or very small).
        let digits = Int(text) ?? (text.hasPrefix("-") ? Int.min : Int.max)
        let width = clamp(digits, textWidth)
        if width == digits { return (width, nil) }
        let shown = text.count > 20 ? String(text.prefix(20)) + "…" : text
        return (width, "COLUMNS=\(shown) is outside \(textWidth.lowerBound)–\(textWidth.upperBound); the text is \(width) columns wide")
    }

    private static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
