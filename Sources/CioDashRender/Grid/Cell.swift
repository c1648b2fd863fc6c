import Synchronization

/// One terminal cell: a base character with any zero-width marks that follow it.
///
/// A wide character fills its own cell (width 2) and the next one as a continuation (width 0,
/// empty text), which is how ncurses and tmux lay it out. The cell is plain data (no String
/// inside): grids of thousands of cells are made, copied and freed for every frame and snapshot
/// view, and a String per cell made each of those a walk over every cell to retain or release it.
/// Marks, rare once text is NFC, are kept as a number in a process-wide table instead.
public struct Cell: Hashable, Sendable {
    /// The base character (a space in a continuation cell).
    public var base: Unicode.Scalar
    /// Which sequence of marks follows the base: 0 for none, else an entry of `MarkTable`.
    /// Equal sequences (scalar for scalar) always get the same number, so comparing cells stays exact.
    var marksID: UInt32
    /// 1 or 2 for a leading cell, 0 for the right half of a wide character.
    public var width: UInt8
    public var role: StyleRole

    public init(base: Unicode.Scalar, marks: String = "", width: UInt8, role: StyleRole) {
        self.base = base
        self.marksID = marks.isEmpty ? 0 : MarkTable.shared.id(for: marks)
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

    /// Zero-width marks drawn on the base: NFD accents, joiners. Usually empty.
    public var marks: String {
        get { marksID == 0 ? "" : MarkTable.shared.marks(marksID) }
        set { marksID = newValue.isEmpty ? 0 : MarkTable.shared.id(for: newValue) }
    }

    /// What the cell shows: base and marks, or "" for the right half of a wide character.
    public var text: String {
        if width == 0 { return "" }
        return marksID == 0 ? String(base) : String(base) + marks
    }

    public static let blank = Cell(base: " ", width: 1, role: .normal)

    public var isContinuation: Bool { width == 0 }
}

/// The mark sequences cells refer to, each stored once for the life of the process.
///
/// Keyed by UTF-8 bytes, not String, because String equality is canonical equivalence and two
/// different sequences must keep different numbers. It only grows, by the distinct sequences
/// the data holds; text is stored NFC, so real meetings add few or none.
final class MarkTable: Sendable {
    static let shared = MarkTable()

    private struct Storage {
        var ids: [[UInt8]: UInt32] = [:]
        var strings: [String] = [""]
    }
    private let storage = Mutex(Storage())

    func id(for marks: String) -> UInt32 {
        let key = Array(marks.utf8)
        return storage.withLock { table in
            if let id = table.ids[key] { return id }
            let id = UInt32(table.strings.count)
            table.strings.append(marks)
            table.ids[key] = id
            return id
        }
    }

    func marks(_ id: UInt32) -> String {
        storage.withLock { $0.strings[Int(id)] }
    }

    func withUTF8<R>(_ id: UInt32, _ body: (String.UTF8View) -> R) -> R {
        storage.withLock { body($0.strings[Int(id)].utf8) }
    }
}
