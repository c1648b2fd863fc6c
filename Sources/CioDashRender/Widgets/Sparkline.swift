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
            let step = Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, step))]
        })
    }
}
