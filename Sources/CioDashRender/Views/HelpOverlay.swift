import CioDashCore

/// The `?` overlay: every key of the mode, from the command table, in the interface language, boxed
/// over the current view.
public enum HelpOverlay {
    /// The overlay's lines: the command table's rows for this mode.
    public static func entries(mode: NavigationState.Mode, language: Language) -> [(String, String)] {
        CommandTable.help(mode: mode, language: language).map { ($0.keys, $0.text) }
    }

    /// Long help texts wrap under themselves rather than being cut, as far as the screen has rows.
    static func draw(on grid: inout Grid, mode: NavigationState.Mode, labels: Labels, language: Language) {
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
        // When the screen is too short, the last row says how much is left out instead of cutting silently.
        let total = lines.reduce(0) { $0 + $1.text.count }
        let room = total > inner.height ? max(0, inner.height - 1) : inner.height
        var row = 0
        for entry in lines {
            guard row < room else { break }
            grid.put(entry.key, x: inner.x, y: inner.y + row, maxWidth: keyWidth, role: .header)
            for line in entry.text where row < room {
                grid.put(TextLayout.truncate(line, to: inner.width - keyWidth - 2), x: inner.x + keyWidth + 2, y: inner.y + row)
                row += 1
            }
        }
        if total > room && inner.height > 0 {
            let more = total - room
            let text = language == .vi ? "… còn \(more) dòng: mở cửa sổ lớn hơn, hoặc xem bảng phím trong README"
                                       : "… \(more) more lines: enlarge the window, or see the key table in the README"
            grid.put(TextLayout.truncate(text, to: inner.width), x: inner.x, y: inner.y + inner.height - 1, role: .muted)
        }
    }
}
