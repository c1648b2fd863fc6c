/// Which cells of a new frame must be written to the terminal, given the frame it shows: the
/// painter's rule as a pure function (ratatui's `Buffer::diff`), so it is tested without a terminal
/// and the key-press benchmark counts exactly what the painter sends.
public struct GridDiff: Equatable, Sendable {
    public struct Position: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) { self.x = x; self.y = y }
    }

    /// Every cell is sent: there was no frame, or it had another size. The screen is erased first,
    /// so that cells outside the new grid do not keep the old picture.
    public var full: Bool
    /// The cells to write, in reading order. Only leading cells: a wide character's leading cell
    /// draws both halves, so a change in its right half alone rewrites the leading cell.
    public var positions: [Position]

    /// The cells of `new` that differ from `old`, within the top-left `columns` × `rows` (the
    /// screen, which may be smaller than the grid for a moment during a resize).
    public init(from old: Grid?, to new: Grid, columns: Int? = nil, rows: Int? = nil) {
        let columns = min(new.width, columns ?? new.width), rows = min(new.height, rows ?? new.height)
        let full = old.map { $0.width != new.width || $0.height != new.height } ?? true
        self.full = full
        positions = []
        if full { positions.reserveCapacity(max(0, rows) * max(0, columns)) }
        let cells = new.cells, before = old?.cells ?? []
        for y in 0..<max(0, rows) {
            let row = y * new.width
            for x in 0..<max(0, columns) {
                let cell = cells[row + x]
                if cell.isContinuation {
                    // Only its right half changed: the leading cell, unchanged itself, draws it again.
                    if !full, x > 0, before[row + x] != cell, before[row + x - 1] == cells[row + x - 1] {
                        positions.append(Position(x: x - 1, y: y))
                    }
                    continue
                }
                if full || before[row + x] != cell { positions.append(Position(x: x, y: y)) }
            }
        }
    }
}
