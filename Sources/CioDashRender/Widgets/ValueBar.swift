import CioDashCore

/// A horizontal bar of a value against its target, with eighth-block precision.
///
/// The scale is the larger of target and value (100 for shares), so a bar is full exactly when the
/// target is met; the target's position is marked `┊` when the value falls short of it. A figure
/// with no target and no share is drawn against `largest` (the largest of the provinces' figures),
/// so that such bars compare provinces rather than all being full. Where bars stand in one column
/// (the overview), the caller gives them one scale instead, so that their lengths compare.
public enum ValueBar {
    private static let eighths: [Unicode.Scalar] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar's text, exactly `width` cells wide.
    public static func text(value: Double, target: Double?, isShare: Bool, width: Int, largest: Double? = nil) -> String {
        String(String.UnicodeScalarView(cells(value: value, target: target, isShare: isShare, width: width, largest: largest)))
    }

    /// The bar's characters, one scalar per cell.
    static func cells(value: Double, target: Double?, isShare: Bool, width: Int, largest: Double? = nil) -> [Unicode.Scalar] {
        guard value.isFinite, value >= 0 else { return Array(repeating: "·", count: max(0, width)) }
        let usableTarget = target.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let usableLargest = largest.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        return cells(value: value, target: target, width: width,
                     scale: isShare ? 100.0 : max(usableTarget ?? usableLargest ?? value, value))
    }

    /// The bar's characters against a scale given by the caller, the same for every bar that is
    /// to be compared (a column of the overview): a figure at or above `scale` fills the bar.
    static func cells(value: Double, target: Double?, width: Int, scale: Double?) -> [Unicode.Scalar] {
        guard width > 0 else { return [] }
        guard value.isFinite, value >= 0 else { return Array(repeating: "·", count: width) }
        let usableTarget = target.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        guard let scale, scale.isFinite, scale > 0 else { return Array(repeating: "░", count: width) }
        let fraction = min(1, value / scale)
        let totalEighths = WholeNumber.cells(fraction * Double(width * 8), limit: width * 8)
        var cells: [Unicode.Scalar] = Array(repeating: "░", count: width)
        for i in 0..<min(width, totalEighths / 8) { cells[i] = "█" }
        if totalEighths / 8 < width && totalEighths % 8 > 0 { cells[totalEighths / 8] = eighths[totalEighths % 8] }
        if let target = usableTarget, value < target {
            // The cell that ends at the target: the last one to fill to meet it.
            let t = WholeNumber.cells(target / scale * Double(width), .up, limit: width) - 1
            if t >= 0 && cells[t] == "░" { cells[t] = "┊" }
        }
        return cells
    }

    /// Draws the bar into a grid: filled part in the bar role, the rest muted. Each run of one
    /// character is one `fill` (the bar is drawn hundreds of times per overview frame).
    public static func draw(in grid: inout Grid, x: Int, y: Int, width: Int, value: Double, target: Double?, isShare: Bool,
                            largest: Double? = nil) {
        draw(cells(value: value, target: target, isShare: isShare, width: width, largest: largest), in: &grid, x: x, y: y)
    }

    /// Draws the bar against a scale shared by the bars it is compared with.
    public static func draw(in grid: inout Grid, x: Int, y: Int, width: Int, value: Double, target: Double?, scale: Double?) {
        draw(cells(value: value, target: target, width: width, scale: scale), in: &grid, x: x, y: y)
    }

    private static func draw(_ bar: [Unicode.Scalar], in grid: inout Grid, x: Int, y: Int) {
        var start = 0
        while start < bar.count {
            var end = start + 1
            while end < bar.count && bar[end] == bar[start] { end += 1 }
            let role: StyleRole = bar[start] == "░" ? .muted : (bar[start] == "┊" ? .barTarget : .bar)
            grid.fill(x: x + start, y: y, width: end - start, height: 1, with: bar[start], role: role)
            start = end
        }
    }
}
