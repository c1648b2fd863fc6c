/// One terminal cell: a base character with any zero-width marks that follow it.
///
/// A wide character fills its own cell (width 2) and the next one as a continuation (width 0,
/// empty text), which is how ncurses and tmux lay it out.
public struct Cell: Hashable, Sendable {
    public var text: String
    /// 1 or 2 for a leading cell, 0 for the right half of a wide character.
    public var width: UInt8
    public var role: StyleRole

    public init(text: String, width: UInt8, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static let blank = Cell(text: " ", width: 1, role: .normal)

    public var isContinuation: Bool { width == 0 }
}
