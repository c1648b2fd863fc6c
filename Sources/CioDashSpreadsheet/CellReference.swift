/// A cell's address: `F7` is column 6, row 7 (both 1-based), `AA12` column 27.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `AA12`; nil for anything else (`$A$1` absolute marks are not used in cell refs).
    public init?(_ text: String) {
        var column = 0
        var row = 0
        var digits = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 65...90 where !digits: column = column * 26 + Int(scalar.value - 64)
            case 97...122 where !digits: column = column * 26 + Int(scalar.value - 96)
            case 48...57 where column > 0:
                digits = true
                row = row * 10 + Int(scalar.value - 48)
            default: return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    /// The column's letters: 1 → A, 27 → AA.
    public static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    public var description: String { Self.letters(column) + String(row) }
}
