/// A view drawn at its natural height, with the rows of the selected item so a screen can keep it visible.
public struct ViewBody: Sendable {
    public var grid: Grid
    /// Rows of the selected item, if the view has a selection.
    public var focus: Range<Int>?

    public init(grid: Grid, focus: Range<Int>? = nil) {
        self.grid = grid
        self.focus = focus
    }
}
