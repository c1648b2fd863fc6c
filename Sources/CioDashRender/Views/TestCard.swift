import CioDashCore

/// The screen check a presenter runs on the projector laptop before a session (`ciodash testcard`):
/// Vietnamese in both normal forms, wide characters, escape sequences from data shown as text, every
/// style role, and what the program knows about the terminal; in Vietnamese, or English.
public struct TestCard: Sendable {
    /// What the terminal reports, shown on the second line.
    public var sizeText: String
    public var terminalName: String
    public var localeCodeset: String
    public var colour: Bool
    public var themeName: String
    /// The last key read, so a presenter can check what the clicker sends.
    public var lastKey: Key?
    /// One cell that Space switches on and off (a one-cell change, to measure redraw cost).
    public var marked: Bool
    public var language: Language

    public init(sizeText: String, terminalName: String, localeCodeset: String, colour: Bool,
                themeName: String, lastKey: Key? = nil, marked: Bool = false, language: Language = .vi) {
        self.language = language
        self.sizeText = sizeText
        self.terminalName = terminalName
        self.localeCodeset = localeCodeset
        self.colour = colour
        self.themeName = themeName
        self.lastKey = lastKey
        self.marked = marked
    }

    public static let nfcSample = "Thừa Thiên Huế · Đắk Lắk"
    /// The same names decomposed (NFD), as files saved on macOS may hold them. Đ has no decomposition.
    public static let nfdSample = "Thu\u{31B}\u{300}a Thie\u{302}n Hue\u{302}\u{301} · Đa\u{306}\u{301}k La\u{306}\u{301}k"
    /// Data that tries to colour the screen and clear it; it must show as `^[[31m...`.
    public static let escapeSample = "\u{1B}[31mred\u{1B}[0m \u{1B}[2J"
    /// Data that tries to retitle the window (OSC 0) and a C1 control introducer.
    public static let oscSample = "\u{1B}]0;pwned\u{07} \u{9B}1m"

    /// Every symbol the dashboard's screens draw (badges, bars, boxes, the banner's cues, key names):
    /// a box in place of one means the projector laptop's font lacks it. The screens draw no other:
    /// each is in DejaVu Sans Mono, Noto Sans Mono and the bitmap font xterm calls `fixed`
    /// (misc-fixed 6x13), so `‼` warns where `⚠` would be a box, and `↔` stands for `⇄`.
    public static let screenGlyphs = "● ▲ ▼ ○ ◐ ? ‼ √ ▶ · … – — − ± × ≈ ↔ ↑ ↓ ← → ▏ █▉▊▋▌▍▎▏ ░ ┊ ─ │ ┌ ┐ └ ┘"
    /// Lower-case letters with two marks, as every screen shows them: a font that lacks a letter
    /// shows a box or a mark beside its letter. (The screens never show Vietnamese in capitals: a
    /// stacked mark on a capital does not fit a terminal cell on any font.)
    public static let marksSample = "huế · đắk lắk · chuyển · quảng ngãi · ngữ · kỹ · ặ ẫ ở ự"

    /// Where the marked cell sits: column and row.
    public static let markPosition = (x: 38, y: 7)

    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width > 0, height > 0 else { return grid }

        let vi = language == .vi
        grid.fill(x: 0, y: 0, width: width, height: 1, role: .title)
        grid.put(vi ? "ciodash testcard · kiểm tra màn hình chiếu" : "ciodash testcard · screen check", x: 1, y: 0, role: .title)

        let yes = vi ? "có" : "yes", no = vi ? "không" : "no"
        var info = vi ? "kích thước \(sizeText)  TERM \(terminalName)  \(localeCodeset)  " : "size \(sizeText)  TERM \(terminalName)  \(localeCodeset)  "
        info += vi ? "màu \(colour ? yes : no)  giao diện \(themeName)" : "colours \(colour ? yes : no)  theme \(themeName)"
        grid.put(info, x: 1, y: 1)

        sample("NFC", Self.nfcSample, y: 2, in: &grid)
        sample("NFD", Self.nfdSample, y: 3, in: &grid)
        sample("CJK", "中文 · 日本語 · 한국어 · emoji 🎉✅", y: 4, in: &grid)
        sample("ESC", Self.escapeSample, y: 5, in: &grid)
        sample("OSC", Self.oscSample, y: 6, in: &grid)
        sample(vi ? "phím" : "key", lastKey.map { String(describing: $0) } ?? (vi ? "(chưa bấm phím nào)" : "(none yet)"), y: 7, in: &grid)

        let mark = Self.markPosition
        grid.put("[ ]", x: mark.x - 1, y: mark.y, role: .muted)
        grid.put(marked ? "x" : " ", x: mark.x, y: mark.y, role: marked ? .selected : .normal)

        var x = 1, y = 8
        for role in StyleRole.allCases {
            let label = " \(role) "
            let w = label.unicodeScalars.count
            if x + w > width { x = 1; y += 1 }
            grid.put(label, x: x, y: y, role: role)
            x += w + 1
        }
        sample(vi ? "ký hiệu" : "sym", Self.screenGlyphs, y: y + 1, in: &grid)
        sample(vi ? "dấu" : "mark", Self.marksSample, y: y + 2, in: &grid)
        // What to do with what the card shows; a font change helps only a box or a mark out of place.
        let advice = vi ? "Ô vuông thay cho một ký hiệu, hoặc dấu lệch khỏi chữ: đổi phông của terminal (xem docs/presenter.vi.md)."
                        : "A box in place of a symbol, or a mark beside its letter: change the terminal's font (see docs/presenter.md)."
        for (i, line) in TextLayout.wrap(advice, width: max(1, width - 2)).prefix(2).enumerated() where y + 3 + i < height - 1 {
            grid.put(line, x: 1, y: y + 3 + i, role: .muted)
        }

        let footer = height - 1
        if footer > 1 {
            grid.fill(x: 0, y: footer, width: width, height: 1, role: .footer)
            grid.put(vi ? "q/Esc/Ctrl-C thoát · phím cách đánh dấu [ ] · r vẽ lại cả màn hình" : "q/Esc/Ctrl-C quit · space marks [ ] · r repaints all",
                     x: 1, y: footer, role: .footer)
        }
        return grid
    }

    /// Where the samples start: after the longest label ("ký hiệu") and a space.
    private var labelWidth: Int { language == .vi ? 8 : 5 }

    private func sample(_ label: String, _ text: String, y: Int, in grid: inout Grid) {
        grid.put(label, x: 1, y: y, role: .label)
        grid.put(text, x: labelWidth + 1, y: y)
    }
}
