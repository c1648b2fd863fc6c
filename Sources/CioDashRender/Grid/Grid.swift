import CioDashCore

/// The picture of one view: a rectangle of cells that both the screen and the text snapshot use.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// Adds blank rows at the bottom, for views drawn at their natural height.
    public mutating func appendRows(_ count: Int) {
        guard count > 0 else { return }
        cells.append(contentsOf: repeatElement(.blank, count: count * width))
        height += count
    }

    /// Makes sure row `y` exists.
    public mutating func ensureRow(_ y: Int) {
        if y >= height { appendRows(y + 1 - height) }
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y) on one line, clipped to `maxWidth` cells and the grid's edge.
    /// Data text is sanitised here too, so that no control character can reach a cell.
    /// Returns the number of cells written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        let safe = TextSanitizer.isClean(text) ? text : TextSanitizer.line(text)
        var column = x
        var lastLead = -1
        // Marks for the last lead cell are gathered, then stored once when the next lead comes.
        var pendingMarks = String.UnicodeScalarView()
        func attachMarks() {
            guard lastLead >= 0, !pendingMarks.isEmpty else { return }
            cells[y * width + lastLead].marks += String(pendingMarks)
            pendingMarks = String.UnicodeScalarView()
        }
        defer { attachMarks() }
        for scalar in safe.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w == 0 {
                // A combining mark joins the character before it, as the terminal draws it.
                if lastLead >= 0 { pendingMarks.append(scalar) }
                continue
            }
            attachMarks()
            if column + w > limit { break }
            if column < 0 { column += w; continue }
            clearWide(at: column, y: y)
            if w == 2 { clearWide(at: column + 1, y: y) }
            cells[y * width + column] = Cell(base: scalar, width: UInt8(w), role: role)
            if w == 2 { cells[y * width + column + 1] = Cell(base: " ", width: 0, role: role) }
            lastLead = column
            column += w
        }
        return max(0, column - max(x, 0))
    }

    /// Fills a rectangle with one character (a space by default) in one role.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with character: Unicode.Scalar = " ", role: StyleRole = .normal) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(base: character, width: 1, role: role)
        for row in y0..<y1 {
            clearWide(at: x0, y: row)
            clearWide(at: x1 - 1, y: row)
            for col in x0..<x1 { cells[row * width + col] = cell }
        }
    }

    /// Changes the role of a rectangle without touching its text (selection, highlights).
    public mutating func setRole(_ role: StyleRole, x: Int, y: Int, width w: Int, height h: Int = 1) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 { cells[row * width + col].role = role }
        }
    }

    /// Copies another grid in at (x, y), clipped.
    public mutating func blit(_ other: Grid, x: Int, y: Int) {
        blit(other, rows: 0..<other.height, x: x, y: y)
    }

    /// Copies some rows of another grid in at (x, y), clipped: the screen's window onto a view,
    /// without first copying that window into a grid of its own.
    public mutating func blit(_ other: Grid, rows: Range<Int>, x: Int, y: Int) {
        for row in rows where row >= 0 && row < other.height {
            let target = y + row - rows.lowerBound
            guard target >= 0 && target < height else { continue }
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                cells[target * width + x + col] = other.cells[row * other.width + col]
            }
            repairWideCharacters(row: target)
        }
    }

    /// One row as plain text, trailing spaces removed.
    public func line(_ y: Int) -> String {
        // Bytes, not String appends: this runs for every row of every snapshot.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 3)
        var kept = 0
        for x in 0..<width {
            let cell = cells[y * width + x]
            if cell.width == 0 { continue }  // right half of a wide character
            if cell.base.value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: cell.base.value))
            } else {
                UTF8.encode(cell.base) { bytes.append($0) }
            }
            if cell.marksID != 0 { MarkTable.shared.withUTF8(cell.marksID) { bytes.append(contentsOf: $0) } }
            if cell.base != " " || cell.marksID != 0 { kept = bytes.count }
        }
        return String(decoding: bytes[0..<kept], as: UTF8.self)
    }

    /// All rows as plain text lines.
    public var lines: [String] { (0..<height).map(line) }

    /// If (x, y) is part of a wide character, blank both halves so no half glyph remains.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation {
            if x > 0 { cells[i - 1] = .blank }
            cells[i] = .blank
        } else if cells[i].width == 2 && x + 1 < width {
            cells[i + 1] = .blank
        }
    }

    /// Blanks any half of a wide character whose other half was overwritten.
    private mutating func repairWideCharacters(row y: Int) {
        for x in 0..<width {
            let i = y * width + x
            if cells[i].width == 2 && (x + 1 >= width || !cells[i + 1].isContinuation) {
                cells[i] = .blank
            } else if cells[i].isContinuation && (x == 0 || cells[i - 1].width != 2) {
                cells[i] = .blank
            }
        }
    }
}
