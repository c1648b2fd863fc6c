import CioDashCore

/// A row of eighth-blocks, one per meeting, scaled between the series' lowest and highest figure;
/// "·" where a meeting has no figure. The glyphs are block elements, present in common monospace
/// fonts (DejaVu Sans Mono, Liberation Mono, Consolas).
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func text(_ values: [Double?]) -> String {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max() else { return String(repeating: "·", count: values.count) }
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return "·" }
            guard high > low else { return levels[3] }
            // Halved first: the span of -1.7e308 to 1.7e308 is past a Double.
            let step = (value / 2 - low / 2) / (high / 2 - low / 2) * Double(levels.count - 1)
            return levels[WholeNumber.clamped(step, to: 0...levels.count - 1)]
        })
    }
}
