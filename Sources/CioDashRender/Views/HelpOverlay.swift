import CioDashCore

/// The `?` overlay: every key of the mode, from the command table, in the interface language, boxed
/// over the current view.
public enum HelpOverlay {
    /// The overlay's lines: the command table's rows for this mode.
    public static func entries(mode: NavigationState.Mode, language: Language) -> [(String, String)] {
        CommandTable.help(mode: mode, language: language).map { ($0.keys, $0.text) }
    }

    /// Long help texts wrap under themselves rather than being cut, as far as the screen has rows.
    /// `scroll` wrapped lines are skipped from the top (kept within what there is to show).
    static func draw(on grid: inout Grid, mode: NavigationState.Mode, labels: Labels, language: Language, scroll: Int = 0) {
        let keys = entries(mode: mode, language: language)
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
            let text: String
            if more > 0 {
                text = language == .vi ? "… còn \(more) dòng: ↓ PgDn cuộn xuống" : "… \(more) more lines: ↓ PgDn scroll down"
            } else {
                text = language == .vi ? "↑ PgUp cuộn lên · phím khác đóng trợ giúp" : "↑ PgUp scroll up · any other key closes"
            }
            grid.put(TextLayout.truncate(text, to: inner.width), x: inner.x, y: inner.y + inner.height - 1, role: .muted)
        }
    }
}
