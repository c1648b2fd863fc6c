/// The screen check a presenter runs on the projector laptop before a session (`ciodash testcard`):
/// Vietnamese in both normal forms, wide characters, escape sequences from data shown as text, every
/// style role, and what the program knows about the terminal.
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

    public init(sizeText: String, terminalName: String, localeCodeset: String, colour: Bool,
                themeName: String, lastKey: Key? = nil, marked: Bool = false) {
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
    /// a box in place of one means the projector laptop's font lacks it.
    public static let screenGlyphs = "● ▲ ▼ ○ ? ⚠ ▶ · … – − ± × ≈ ⇄ ↑ ↓ ← → ▏ █▉▊▋▌▍▎▏ ░ ┊ ─ │ ┌ ┐ └ ┘"
    /// Upper-case Vietnamese with two diacritics on a letter: fonts that drop the top mark show HUÊ.
    public static let upperSample = "HUẾ · ĐẮK LẮK · CHUYỂN · QUẢNG NGÃI · KHÁNH HÒA"

    /// Where the marked cell sits: column and row.
    public static let markPosition = (x: 38, y: 7)

    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width > 0, height > 0 else { return grid }

        grid.fill(x: 0, y: 0, width: width, height: 1, role: .title)
        grid.put("ciodash testcard · kiểm tra màn hình", x: 1, y: 0, role: .title)

        var info = "size \(sizeText)  TERM \(terminalName)  \(localeCodeset)  "
        info += "colours \(colour ? "yes" : "no")  theme \(themeName)"
        grid.put(info, x: 1, y: 1)

        sample("NFC", Self.nfcSample, y: 2, in: &grid)
        sample("NFD", Self.nfdSample, y: 3, in: &grid)
        sample("CJK", "中文 · 日本語 · 한국어 · emoji 🎉✅", y: 4, in: &grid)
        sample("ESC", Self.escapeSample, y: 5, in: &grid)
        sample("OSC", Self.oscSample, y: 6, in: &grid)
        sample("key", lastKey.map { String(describing: $0) } ?? "(none yet)", y: 7, in: &grid)

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
        sample("sym", Self.screenGlyphs, y: y + 1, in: &grid)
        sample("HOA", Self.upperSample, y: y + 2, in: &grid)

        let footer = height - 1
        if footer > 1 {
            grid.fill(x: 0, y: footer, width: width, height: 1, role: .footer)
            grid.put("q/Esc/Ctrl-C quit · space marks [ ] · r repaints all", x: 1, y: footer, role: .footer)
        }
        return grid
    }

    private func sample(_ label: String, _ text: String, y: Int, in grid: inout Grid) {
        grid.put(label, x: 1, y: y, role: .label)
        grid.put(text, x: 6, y: y)
    }
}
