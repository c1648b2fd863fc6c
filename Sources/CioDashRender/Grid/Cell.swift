/// One terminal cell: a base character with any zero-width marks that follow it.
///
/// A wide character fills its own cell (width 2) and the next one as a continuation (width 0,
/// empty text), which is how ncurses and tmux lay it out. The base is stored as a scalar, not a
/// String, because grids are built and read cell by cell for every frame and snapshot.
public struct Cell: Hashable, Sendable {
    /// The base character (a space in a continuation cell).
    public var base: Unicode.Scalar
    /// Zero-width marks drawn on the base: NFD accents, joiners. Usually empty.
    public var marks: String
    /// 1 or 2 for a leading cell, 0 for the right half of a wide character.
    public var width: UInt8
    public var role: StyleRole

    public init(base: Unicode.Scalar, marks: String = "", width: UInt8, role: StyleRole) {
        self.base = base
        self.marks = marks
        self.width = width
        self.role = role
    }

    /// A cell from text: its first scalar is the base, the rest its marks; empty text is a continuation.
    public init(text: String, width: UInt8, role: StyleRole) {
        var scalars = text.unicodeScalars.makeIterator()
        let first = scalars.next()
        self.init(base: first ?? " ", marks: String(String.UnicodeScalarView(IteratorSequence(scalars))),
                  width: first == nil ? 0 : width, role: role)
    }

    /// What the cell shows: base and marks, or "" for the right half of a wide character.
    public var text: String {
        if width == 0 { return "" }
        return marks.isEmpty ? String(base) : String(base) + marks
    }

    public static let blank = Cell(base: " ", width: 1, role: .normal)

    public var isContinuation: Bool { width == 0 }
}
