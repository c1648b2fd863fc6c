import CioDashCore

/// The `?` overlay: the keys and what they do (the app gives its command table's rows), boxed over
/// the current view.
public enum HelpOverlay {
    /// Long help texts wrap under themselves rather than being cut, as far as the screen has rows.
    /// `scroll` wrapped lines are skipped from the top (kept within what there is to show).
    /// `scrollHint`: the last row's text when the help is taller than the screen, given the lines
    /// left below (0: at the end), naming the keys that scroll it (the app's command table does).
    public static func draw(on grid: inout Grid, entries keys: [(String, String)], labels: Labels, scroll: Int = 0,
                            scrollHint: (_ linesBelow: Int) -> String) {
        let keyWidth = keys.map { DisplayWidth.of($0.0) }.max() ?? 10
        let textWidth = keys.map { DisplayWidth.of($0.1) }.max() ?? 20
        let width = min(grid.width - 2, keyWidth + textWidth + 6)
        let textRoom = max(1, width - 4 - keyWidth - 2)
        let lines = keys.map { (key: $0.0, text: TextLayout.wrap($0.1, width: textRoom)) }
        let height = min(grid.height - 2, lines.reduce(0) { $0 + $1.text.count } + 2)
        let x = (grid.width - width) / 2, y = (grid.height - height) / 2
        grid.fill(x: x, y: y, width: width, height: height)
        let inner = Box.draw(in: &grid, x: x, y: y, width: width, height: height, title: labels.help, role: .title)
        // When the screen is too short, the last row says how much is left below and how to scroll to it.
        let rows = lines.flatMap { entry in entry.text.enumerated().map { (key: $0.offset == 0 ? entry.key : "", text: $0.element) } }
        let fits = rows.count <= inner.height
        let room = fits ? inner.height : max(0, inner.height - 1)
        let first = fits ? 0 : max(0, min(scroll, rows.count - room))
        for (row, line) in rows.dropFirst(first).prefix(room).enumerated() {
            grid.put(line.key, x: inner.x, y: inner.y + row, maxWidth: keyWidth, role: .header)
            grid.put(TextLayout.truncate(line.text, to: inner.width - keyWidth - 2), x: inner.x + keyWidth + 2, y: inner.y + row)
        }
        if !fits && inner.height > 0 {
            let more = rows.count - first - room
            let text = scrollHint(max(0, more))
            grid.put(TextLayout.truncate(text, to: inner.width), x: inner.x, y: inner.y + inner.height - 1, role: .muted)
        }
    }
}
