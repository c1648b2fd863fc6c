import CioDashCore

/// A boxed panel drawn with Unicode box characters, its title set into the top border.
public enum Box {
    /// Draws the frame of a box and returns the inner rectangle (x, y, width, height).
    @discardableResult
    public static func draw(in grid: inout Grid, x: Int, y: Int, width: Int, height: Int, title: String? = nil,
                            role: StyleRole = .muted, titleRole: StyleRole = .title) -> (x: Int, y: Int, width: Int, height: Int) {
        guard width >= 2, height >= 2 else { return (x, y, 0, 0) }
        grid.ensureRow(y + height - 1)
        grid.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, role: role)
        for row in (y + 1)..<(y + height - 1) {
            grid.put("│", x: x, y: row, role: role)
            grid.put("│", x: x + width - 1, y: row, role: role)
        }
        grid.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, role: role)
        if let title, width > 6 {
            grid.put(" " + TextLayout.truncate(title, to: width - 6) + " ", x: x + 2, y: y, role: titleRole)
        }
        return (x + 2, y + 1, max(0, width - 4), max(0, height - 2))
    }

    /// A horizontal rule across `width` cells, with an optional label at its start.
    /// A labelled rule; with `whole` (files) the label is never cut: one too long for the rule
    /// follows it, wrapped. Returns the next free row.
    public static func labelledRule(in grid: inout Grid, y: Int, width: Int, label: String, whole: Bool) -> Int {
        if !whole || DisplayWidth.of(label) <= width - 4 {
            rule(in: &grid, x: 0, y: y, width: width, label: label)
            return y + 1
        }
        rule(in: &grid, x: 0, y: y, width: width)
        var row = y + 1
        for line in TextLayout.wrap(label, width: width) {
            grid.ensureRow(row)
            grid.put(line, x: 0, y: row, role: .title)
            row += 1
        }
        return row
    }

    public static func rule(in grid: inout Grid, x: Int, y: Int, width: Int, label: String? = nil, role: StyleRole = .muted) {
        grid.ensureRow(y)
        grid.fill(x: x, y: y, width: width, height: 1, with: "─", role: role)
        if let label, width > 6 {
            grid.put(" " + TextLayout.truncate(label, to: width - 4) + " ", x: x + 1, y: y, role: .title)
        }
    }
}
