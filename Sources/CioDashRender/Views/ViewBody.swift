/// A view drawn at its natural height, and where its selectable items are.
///
/// Views are drawn without a selection; each item records what selecting it changes (roles only,
/// never text). So a screen can keep a body between key presses and mark just the selected item,
/// and a snapshot of a selected view marks it on the body (`select`).
public struct ViewBody: Sendable {
    public var grid: Grid
    /// Rows of the selected item, once `select` has marked one.
    public var focus: Range<Int>?
    /// The view's selectable items in order: the index is the navigation state's row.
    public var items: [SelectableItem]

    public init(grid: Grid, focus: Range<Int>? = nil, items: [SelectableItem] = []) {
        self.grid = grid
        self.focus = focus
        self.items = items
    }

    /// The rows and role marks of item `row` (with the overview's `column`), or nil if there is none.
    public func selection(row: Int?, column: Int?) -> (focus: Range<Int>, marks: [RoleMark])? {
        guard let row, items.indices.contains(row) else { return nil }
        let item = items[row]
        var marks = item.marks
        if let strip = item.columns, let column, (0..<strip.count).contains(column) {
            marks.append(RoleMark(.selected, x: strip.x0 + column * strip.step, y: item.rows.lowerBound,
                                  width: strip.step, height: 1))
        }
        return (item.rows, marks)
    }

    /// Marks item `row` on the body itself and sets `focus`.
    public mutating func select(row: Int?, column: Int?) {
        guard let (focus, marks) = selection(row: row, column: column) else { return }
        for m in marks { grid.setRole(m.role, x: m.x, y: m.y, width: m.width, height: m.height) }
        self.focus = focus
    }
}

/// A rectangle of cells whose role changes when an item is selected.
public struct RoleMark: Sendable, Equatable {
    public var role: StyleRole
    public var x: Int, y: Int, width: Int, height: Int

    public init(_ role: StyleRole, x: Int, y: Int, width: Int, height: Int = 1) {
        self.role = role
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One selectable item of a view.
public struct SelectableItem: Sendable {
    /// The rows the screen scrolls to show.
    public var rows: Range<Int>
    /// Roles set when the item is selected.
    public var marks: [RoleMark]
    /// The overview's topic cells: column c is marked at `x0 + c * step`, `step` wide, on the first row.
    public var columns: ColumnStrip?

    public init(rows: Range<Int>, marks: [RoleMark], columns: ColumnStrip? = nil) {
        self.rows = rows
        self.marks = marks
        self.columns = columns
    }
}

public struct ColumnStrip: Sendable, Equatable {
    public var x0: Int, step: Int, count: Int

    public init(x0: Int, step: Int, count: Int) {
        self.x0 = x0
        self.step = step
        self.count = count
    }
}
