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
        var text = text
        // Every view is made of these calls, so the text is read as UTF-8 bytes in one pass that
        // also checks it; text that needs sanitising (rare: the loader refuses control characters)
        // is written again, whole, from its safe form.
        if let written = text.withUTF8({ putClean($0, x: x, y: y, limit: limit, role: role) }) {
            return written
        }
        var safe = TextSanitizer.line(text)
        return safe.withUTF8 { putClean($0, x: x, y: y, limit: limit, role: role) } ?? 0
    }

    /// `put` for text known to be valid UTF-8; nil, having written only a clean prefix, at the
    /// first scalar that needs sanitising.
    private mutating func putClean(_ utf8: UnsafeBufferPointer<UInt8>, x: Int, y: Int, limit: Int, role: StyleRole) -> Int? {
        let rowStart = y * width
        var column = x
        var lastLead = -1
        var pendingMarks = String.UnicodeScalarView()
        var i = 0
        let n = utf8.count
        var clean = true
        cells.withUnsafeMutableBufferPointer { cells in
            // Marks for the last lead cell are gathered, then stored once when the next lead comes.
            func attachMarks() {
                guard lastLead >= 0, !pendingMarks.isEmpty else { return }
                cells[rowStart + lastLead].marks += String(pendingMarks)
                pendingMarks = String.UnicodeScalarView()
            }
            func clearWide(at col: Int) {
                guard col >= 0, col < width else { return }
                let j = rowStart + col
                if cells[j].width == 0 {
                    if col > 0 { cells[j - 1] = .blank }
                    cells[j] = .blank
                } else if cells[j].width == 2 && col + 1 < width {
                    cells[j + 1] = .blank
                }
            }
            while i < n {
                let v = UTF8Decoding.next(utf8, &i)
                guard let scalar = Unicode.Scalar(v), !TextSanitizer.needsReplacement(scalar), v != 0x0A, v != 0x0D, v != 0x09 else {
                    clean = false
                    break
                }
                let w = v < 0x300 ? 1 : DisplayWidth.of(scalar)
                if w == 0 {
                    // A combining mark joins the character before it, as the terminal draws it.
                    if lastLead >= 0 { pendingMarks.append(scalar) }
                    continue
                }
                attachMarks()
                if column + w > limit { break }
                if column < 0 { column += w; continue }
                clearWide(at: column)
                if w == 2 { clearWide(at: column + 1) }
                cells[rowStart + column] = Cell(base: scalar, width: UInt8(w), role: role)
                if w == 2 { cells[rowStart + column + 1] = Cell(base: " ", width: 0, role: role) }
                lastLead = column
                column += w
            }
            attachMarks()
        }
        return clean ? max(0, column - max(x, 0)) : nil
    }

    /// Writes `text` right-aligned in the `width` cells from x (cut with "…" if longer): a number
    /// column, without building a padded copy of the text.
    @discardableResult
    public mutating func putRight(_ text: String, x: Int, y: Int, width cells: Int, role: StyleRole = .normal) -> Int {
        let used = DisplayWidth.of(text)
        if used <= cells { return put(text, x: x + cells - used, y: y, role: role) }
        return put(TextLayout.truncate(text, to: cells), x: x, y: y, role: role)
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
        let (width, height) = (self.width, self.height)
        // The columns of `other` that land inside this grid; one bulk copy per row (the screen's
        // window is a whole screen of cells a frame).
        let first = max(0, -x), end = min(other.width, width - x)
        for row in rows where row >= 0 && row < other.height {
            let target = y + row - rows.lowerBound
            guard target >= 0 && target < height else { continue }
            if first < end {
                cells.withUnsafeMutableBufferPointer { to in
                    other.cells.withUnsafeBufferPointer { from in
                        (to.baseAddress! + target * width + x + first)
                            .update(from: from.baseAddress! + row * other.width + first, count: end - first)
                    }
                }
            }
            repairWideCharacters(row: target)
        }
    }

    /// One row as plain text, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var bytes: [UInt8] = []
        appendLine(y, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row's UTF-8, trailing spaces removed, to `bytes`: a snapshot builds a view's
    /// text this way, without a String per row. Returns whether the row had anything but spaces.
    @discardableResult
    public func appendLine(_ y: Int, to bytes: inout [UInt8]) -> Bool {
        let start = bytes.count
        var kept = start  // where the row ends once trailing spaces are dropped
        cells.withUnsafeBufferPointer { cells in
            // Encoded into a scratch buffer (a base scalar is at most 4 bytes) and appended once;
            // a cell with marks flushes it and appends its marks from the table.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, width * 4)) { buf in
                var n = 0
                for cell in cells[(y * width)..<((y + 1) * width)] where cell.width != 0 {
                    let v = cell.base.value
                    if v < 0x80 {
                        buf[n] = UInt8(truncatingIfNeeded: v); n += 1
                    } else if v < 0x800 {
                        buf[n] = 0xC0 | UInt8(truncatingIfNeeded: v >> 6)
                        buf[n + 1] = 0x80 | UInt8(truncatingIfNeeded: v & 0x3F); n += 2
                    } else if v < 0x10000 {
                        buf[n] = 0xE0 | UInt8(truncatingIfNeeded: v >> 12)
                        buf[n + 1] = 0x80 | UInt8(truncatingIfNeeded: (v >> 6) & 0x3F)
                        buf[n + 2] = 0x80 | UInt8(truncatingIfNeeded: v & 0x3F); n += 3
                    } else {
                        buf[n] = 0xF0 | UInt8(truncatingIfNeeded: v >> 18)
                        buf[n + 1] = 0x80 | UInt8(truncatingIfNeeded: (v >> 12) & 0x3F)
                        buf[n + 2] = 0x80 | UInt8(truncatingIfNeeded: (v >> 6) & 0x3F)
                        buf[n + 3] = 0x80 | UInt8(truncatingIfNeeded: v & 0x3F); n += 4
                    }
                    if cell.marksID != 0 {
                        bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: buf[0..<n]))
                        n = 0
                        MarkTable.shared.withUTF8(cell.marksID) { bytes.append(contentsOf: $0) }
                        kept = bytes.count
                    } else if v != 0x20 {
                        kept = bytes.count + n
                    }
                }
                // Nothing after `kept` is needed: it is all spaces.
                bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: buf[0..<(kept - bytes.count)]))
            }
        }
        return kept > start
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
        let width = self.width
        cells.withUnsafeMutableBufferPointer { cells in
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
}
