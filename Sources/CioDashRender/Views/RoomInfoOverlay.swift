import CioDashCore

/// How to follow a sharing presenter: the command with each address to join and the room code,
/// the code large enough to read from the back of the room (`i`); on the agenda slide, one boxed
/// line at the bottom.
public enum RoomInfoOverlay {
    /// Rows the agenda slide's boxed join line takes, kept free under the body by the screen.
    public static let compactHeight = 3

    public static func draw(on grid: inout Grid, addresses: [String], code: String, followers: Int,
                            language: Language, compact: Bool) {
        let vi = language == .vi
        let joined = vi ? "\(followers) người đang theo dõi" : "\(followers) following"
        let commands = addresses.map { "ciodash follow \($0) --code \(code)" }
        if compact {
            let line = (vi ? "Theo dõi: " : "Follow: ") + (commands.first ?? code) + " · "
                + (vi ? "\(followers) người · i: chữ lớn" : "\(followers) following · i: large")
            let width = min(grid.width - 2, DisplayWidth.of(line) + 4)
            // Just above the status line, in the rows the screen kept free (`compactHeight`).
            let y = grid.height - 2 - compactHeight
            guard y > 3 else { return }
            grid.fill(x: 1, y: y, width: width, height: compactHeight)
            let inner = Box.draw(in: &grid, x: 1, y: y, width: width, height: compactHeight)
            grid.put(TextLayout.truncate(line, to: inner.width), x: inner.x, y: inner.y, role: .header)
            return
        }
        let big = BigText.lines(code)
        let useBig = BigText.width(code) + 4 <= grid.width - 2
        var lines: [(String, StyleRole)] = [(vi ? "Trên máy của bạn, gõ:" : "On your own machine, type:", .label)]
        lines += commands.map { ($0, .header) }
        lines.append(("", .normal))
        lines.append((vi ? "Mã phòng:" : "Room code:", .label))
        lines += useBig ? big.map { ($0, .title) } : [(code, .title)]
        lines.append(("", .normal))
        lines.append((joined, .muted))
        let width = min(grid.width - 2, (lines.map { DisplayWidth.of($0.0) }.max() ?? 20) + 4)
        let height = min(grid.height - 2, lines.count + 2)
        let x = (grid.width - width) / 2, y = (grid.height - height) / 2
        grid.fill(x: x, y: y, width: width, height: height)
        let inner = Box.draw(in: &grid, x: x, y: y, width: width, height: height,
                             title: vi ? "Theo dõi người trình bày" : "Follow the presenter", role: .title)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            grid.put(TextLayout.truncate(line.0, to: inner.width), x: inner.x, y: inner.y + i, role: line.1)
        }
    }
}
