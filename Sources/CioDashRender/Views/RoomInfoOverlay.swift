import CioDashCore

/// How to follow a sharing presenter: the command with each address to join and the room code,
/// the code large enough to read from the back of the room (`i`); on the agenda slide, a box of two
/// lines at the bottom.
public enum RoomInfoOverlay {
    /// Rows the agenda slide's join box takes (two lines and the frame), kept free under the body by the screen.
    public static let compactHeight = 4

    /// The browsers' side: the join address, its QR code (half-block lines) and how many watch.
    public struct WebJoin: Equatable, Sendable {
        public var address: String
        public var code: [String]
        public var viewers: Int

        public init(address: String, code: [String], viewers: Int) {
            self.address = address
            self.code = code
            self.viewers = viewers
        }
    }

    public static func draw(on grid: inout Grid, addresses: [String], code: String, followers: Int,
                            language: Language, compact: Bool, web: WebJoin? = nil) {
        let vi = language == .vi
        var joined = vi ? "\(followers) người đang theo dõi" : "\(followers) following"
        if let web { joined += vi ? " · \(web.viewers) trình duyệt" : " · \(web.viewers) in browsers" }
        let commands = addresses.map { "ciodash follow \($0) --code \(code)" }
        if compact {
            // Two lines, each part whole: a cut address cannot be typed. What does not fit on a line
            // moves to the next; the count and the hint give way first.
            var parts = [(vi ? "Theo dõi: " : "Follow: ") + (commands.first ?? code)]
            if let web { parts.append((vi ? "trình duyệt: " : "browser: ") + web.address) }
            parts.append(vi ? "\(followers) người" : "\(followers) following")
            parts.append(vi ? "i: chữ lớn" : "i: large")
            let room = grid.width - 6   // the box (at most the width less 2) and its frame (4)
            var lines: [String] = []
            for part in parts {
                if let last = lines.last, DisplayWidth.of(last) + 3 + DisplayWidth.of(part) <= room {
                    lines[lines.count - 1] = last + " · " + part
                } else if lines.count < compactHeight - 2 {
                    lines.append(part)
                }
            }
            let width = min(grid.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
            // Just above the status line, in the rows the screen kept free (`compactHeight`).
            let y = grid.height - 2 - compactHeight
            guard y > 3 else { return }
            grid.fill(x: 1, y: y, width: width, height: compactHeight)
            let inner = Box.draw(in: &grid, x: 1, y: y, width: width, height: compactHeight)
            for (i, line) in lines.enumerated() {
                grid.put(TextLayout.truncate(line, to: inner.width), x: inner.x, y: inner.y + i, role: .header)
            }
            return
        }
        // The QR code first, then the room code as large as the rest of the room allows (box and
        // margins: 4 rows).
        let room = grid.height - 4
        let baseLines = 6 + addresses.count
        let showCode = web.map { !$0.code.isEmpty && $0.code[0].count + 4 <= grid.width - 2
                                 && baseLines + 1 + 3 + $0.code.count <= room } ?? false
        let webLines = web.map { 3 + (showCode ? $0.code.count : 1) } ?? 0
        let big = largeCode(code, width: grid.width - 6, height: room - baseLines - webLines)
        var lines: [(String, StyleRole)] = [(vi ? "Trên máy của bạn, gõ:" : "On your own machine, type:", .label)]
        lines += commands.map { ($0, .header) }
        lines.append(("", .normal))
        lines.append((vi ? "Mã phòng:" : "Room code:", .label))
        lines += big.isEmpty ? [(code, .title)] : big.map { ($0, .title) }
        lines.append(("", .normal))
        if let web {
            lines.append((vi ? "Trong trình duyệt (điện thoại, máy Windows), mở hoặc quét:" : "In a browser (phone, Windows laptop), open or scan:", .label))
            lines.append((web.address, .header))
            if showCode {
                lines += web.code.map { ($0, .code) }
            } else if !web.code.isEmpty {
                lines.append((vi ? "(cửa sổ quá nhỏ để hiện mã QR)" : "(the terminal is too small for the QR code)", .muted))
            }
            lines.append(("", .normal))
        }
        lines.append((joined + (vi ? " · Esc: đóng" : " · Esc: close"), .muted))
        let width = min(grid.width - 2, (lines.map { DisplayWidth.of($0.0) }.max() ?? 20) + 4)
        let height = min(grid.height - 2, lines.count + 2)
        let x = (grid.width - width) / 2, y = (grid.height - height) / 2
        grid.fill(x: x, y: y, width: width, height: height)
        let inner = Box.draw(in: &grid, x: x, y: y, width: width, height: height,
                             title: vi ? "Theo dõi người trình bày" : "Follow the presenter", role: .title)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            // The QR code centred, whole or not at all (a cut code does not scan).
            if line.1 == .code {
                drawQRLine(line.0, on: &grid, x: inner.x + max(0, (inner.width - DisplayWidth.of(line.0)) / 2), y: inner.y + i)
                continue
            }
            // The large code centred too: it is read from across the room.
            if line.1 == .title, big.count > 1 {
                grid.put(line.0, x: inner.x + max(0, (inner.width - DisplayWidth.of(line.0)) / 2), y: inner.y + i, role: .title)
                continue
            }
            grid.put(TextLayout.truncate(line.0, to: inner.width), x: inner.x, y: inner.y + i, role: line.1)
        }
    }

    /// The room code in block letters, as large as fits in `width` × `height`: dots two cells wide
    /// and one row tall (square on a terminal), doubled on a projector's large screen; letters at
    /// least two cells apart so they do not touch. Empty when even the smallest does not fit.
    static func largeCode(_ code: String, width: Int, height: Int) -> [String] {
        for (dotWidth, dotHeight) in [(4, 2), (2, 1), (1, 1)] {
            let lines = BigText.lines(code, dotWidth: dotWidth, dotHeight: dotHeight, gap: max(2, dotWidth))
            if lines.count <= height, let first = lines.first, first.count <= width { return lines }
        }
        return []
    }

    /// One line of the QR code's half blocks: a cell whose two modules are both dark is painted as
    /// a dark background, both light as a light one, and only a cell of one dark and one light
    /// module draws a half-block glyph, dark on light. Every dark run is then solid across cell
    /// borders, where glyphs leave a light seam in many fonts.
    static func drawQRLine(_ line: String, on grid: inout Grid, x: Int, y: Int) {
        for (i, c) in line.enumerated() {
            switch c {
            case "█": grid.put(" ", x: x + i, y: y, role: .codeInk)
            case "▀": grid.put("▄", x: x + i, y: y, role: .codeInk)
            case "▄": grid.put("▀", x: x + i, y: y, role: .codeInk)
            default: grid.put(" ", x: x + i, y: y, role: .code)
            }
        }
    }
}
