import CioDashCore

/// The `?` overlay: every key, in the interface language, boxed over the current view.
public enum HelpOverlay {
    public static func entries(mode: NavigationState.Mode, language: Language) -> [(String, String)] {
        let vi = language == .vi
        var keys: [(String, String)] = mode == .present ? [
            ("Space PgDn → Enter", vi ? "trang tiếp" : "next slide"),
            ("Backspace PgUp ←", vi ? "trang trước" : "previous slide"),
            ("] [", vi ? "chủ đề tiếp / trước" : "next / previous topic"),
            ("g", vi ? "đến trang số…" : "go to slide number…"),
            ("1–9", vi ? "đến mục N của chương trình" : "go to agenda item N"),
            ("t", vi ? "dừng / chạy đồng hồ chủ đề" : "pause / resume the topic timer"),
            ("↑ ↓ Home End", vi ? "cuộn" : "scroll"),
        ] : [
            ("↑ ↓ ← → h j k l", vi ? "di chuyển" : "move"),
            ("Enter", vi ? "mở chi tiết" : "open"),
            ("Esc Backspace", vi ? "quay lại" : "back"),
            ("Tab Shift-Tab", vi ? "tổng quan / chủ đề / tỉnh" : "overview / topic / province"),
            ("1–9", vi ? "mở mục N của chương trình" : "open agenda item N"),
            ("PgUp PgDn Home End", vi ? "cuộn" : "scroll"),
        ]
        keys += [
            ("/", vi ? "tìm tỉnh, chủ đề (gõ không dấu được)" : "search provinces, topics (accents optional)"),
            ("n", vi ? "kết quả tìm tiếp theo" : "next search match"),
            ("s", vi ? "lưu màn hình thành văn bản (./ciodash-snapshots/)" : "save this view as text (./ciodash-snapshots/)"),
            ("r", vi ? "tải lại thư mục" : "reload the folder"),
            ("L", vi ? "English" : "Tiếng Việt"),
            ("?", vi ? "trợ giúp" : "help"),
            ("q Q Ctrl-C", vi ? "thoát" : "quit"),
        ]
        return keys
    }

    static func draw(on grid: inout Grid, mode: NavigationState.Mode, labels: Labels, language: Language) {
        let keys = entries(mode: mode, language: language)
        let keyWidth = keys.map { DisplayWidth.of($0.0) }.max() ?? 10
        let textWidth = keys.map { DisplayWidth.of($0.1) }.max() ?? 20
        let width = min(grid.width - 2, keyWidth + textWidth + 7)
        let height = min(grid.height - 2, keys.count + 2)
        let x = (grid.width - width) / 2, y = (grid.height - height) / 2
        grid.fill(x: x, y: y, width: width, height: height)
        let inner = Box.draw(in: &grid, x: x, y: y, width: width, height: height, title: labels.help, role: .title)
        for (i, (key, text)) in keys.enumerated() where i < inner.height {
            grid.put(key, x: inner.x, y: inner.y + i, maxWidth: keyWidth, role: .header)
            grid.put(TextLayout.truncate(text, to: inner.width - keyWidth - 2), x: inner.x + keyWidth + 2, y: inner.y + i)
        }
    }
}
