import CNcursesw
import CioDashRender
import Glibc

/// Copies a `Grid` to the ncurses screen, writing only the cells that changed since the last frame
/// (`GridDiff` decides which).
///
/// ncurses then compares its own picture with what the terminal shows and sends the difference, so a
/// one-cell change costs a cursor move and a character. Text goes only through `setcchar`/`mvadd_wch`
/// with every control character already replaced: nothing from the data can reach the terminal as a
/// command.
final class ScreenPainter {
    private var previous: Grid?
    private var clearScreenNext = true

    /// The colour pair of each role; 0 (the terminal's default) when colour is off.
    private let pairs: [Int16]
    private let attributes: [attr_t]

    init(theme: Theme, colour: Bool) {
        var pairs: [Int16] = []
        var attributes: [attr_t] = []
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            attributes.append(Self.attributes(style.attributes))
            if colour && style.usesColour {
                let pair = Int16(role.rawValue) + 1
                init_pair(pair, style.foreground?.rawValue ?? -1, style.background?.rawValue ?? -1)
                pairs.append(pair)
            } else {
                pairs.append(0)
            }
        }
        self.pairs = pairs
        self.attributes = attributes
    }

    /// Forgets the last frame: the next `paint` clears the terminal and sends every cell.
    func invalidate() {
        previous = nil
        clearScreenNext = true
    }

    /// Draws `grid` at the top left, clipped to the screen. Returns the number of cells written and
    /// whether every cell was sent.
    @discardableResult
    func paint(_ grid: Grid) -> (cells: Int, full: Bool) {
        let screen = ciodash_stdscr()
        let rows = min(grid.height, Int(getmaxy(screen)))
        let columns = min(grid.width, Int(getmaxx(screen)))
        // After `invalidate` there is no last frame to compare with: every cell is sent.
        let diff = GridDiff(from: clearScreenNext ? nil : previous, to: grid, columns: columns, rows: rows)
        if diff.full {
            // Cells outside the new grid must not keep the old picture.
            werase(screen)
        }
        if clearScreenNext {
            clearok(ciodash_curscr(), true)
            clearScreenNext = false
        }
        for p in diff.positions { write(grid[p.x, p.y], x: p.x, y: p.y, columns: columns) }
        previous = grid
        wrefresh(screen)
        return (diff.positions.count, diff.full)
    }

    private func write(_ cell: Cell, x: Int, y: Int, columns: Int) {
        let role = Int(cell.role.rawValue)
        var chars = Self.characters(of: cell)
        var cc = cchar_t()
        if cell.width == 2 && (chars[0] == Self.replacement || x + 1 >= columns) {
            // A wide character the C library measures differently, or one cut by the right edge of a
            // smaller screen: draw it narrow and blank the right half, so nothing stale stays there.
            chars = [Self.replacement, 0]
            if x + 1 < columns {
                setcchar(&cc, [Self.wchar(" "), 0], attributes[role], pairs[role], nil)
                mvwadd_wch(ciodash_stdscr(), Int32(y), Int32(x + 1), &cc)
            }
        }
        setcchar(&cc, chars, attributes[role], pairs[role], nil)
        mvwadd_wch(ciodash_stdscr(), Int32(y), Int32(x), &cc)
    }

    private static let replacement = wchar("?")

    /// The cell's base character and marks as a NUL-terminated wide string ncurses can hold.
    ///
    /// The Grid sanitises data text already; this guard makes sure no control character can ever be
    /// sent, and that ncurses advances exactly the cell's width so the screen cannot drift: a base the
    /// C library measures differently from the Grid becomes '?'.
    static func characters(of cell: Cell) -> [wchar_t] {
        var chars: [wchar_t] = []
        chars.reserveCapacity(Int(CCHARW_MAX) + 1)
        for scalar in cell.text.unicodeScalars {
            guard chars.count < Int(CCHARW_MAX) else { break }
            let v = scalar.value
            let c = v < 0x20 || (0x7F...0x9F).contains(v) ? replacement : wchar_t(v)
            if chars.isEmpty {
                chars.append(wcwidth(c) == Int32(cell.width) ? c : replacement)
            } else if c != replacement && wcwidth(c) == 0 && isJoiningMark(scalar) {
                chars.append(c)
            }
        }
        if chars.isEmpty { chars.append(wchar(" ")) }
        chars.append(0)
        return chars
    }

    /// Combining marks and the emoji joiner; other zero-width format characters (bidirectional
    /// overrides among them) could reorder what the reader sees, so they are dropped.
    private static func isJoiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200D
        }
    }

    private static func wchar(_ scalar: Unicode.Scalar) -> wchar_t { wchar_t(scalar.value) }

    private static func attributes(_ set: Theme.Attributes) -> attr_t {
        var a = ciodash_a_normal()
        if set.contains(.bold) { a |= ciodash_a_bold() }
        if set.contains(.underline) { a |= ciodash_a_underline() }
        if set.contains(.reverse) { a |= ciodash_a_reverse() }
        if set.contains(.dim) { a |= ciodash_a_dim() }
        return a
    }
}
