import CioDashCore

/// One cell as stored: the value a spreadsheet program last showed, never a formula's re-evaluation.
public struct XLSXCell: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case text(String)
        case number(Double)
        case boolean(Bool)
        /// A number whose format is a date, converted with the workbook's 1900 or 1904 system.
        case date(LocalDate)
        /// An error value such as `#DIV/0!`.
        case error(String)
    }

    public var reference: CellReference
    public var value: Value
    /// True when the cell holds a formula; `value` is then its cached result.
    public var isFormula: Bool

    public init(reference: CellReference, value: Value, isFormula: Bool = false) {
        self.reference = reference
        self.value = value
        self.isFormula = isFormula
    }
}

/// One row of a sheet: its number and its non-empty cells, left to right (sparse).
public struct XLSXRow: Hashable, Sendable {
    public var number: Int
    public var cells: [XLSXCell]

    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in a column, if the row has one there.
    public func cell(_ column: Int) -> XLSXCell? { cells.first { $0.reference.column == column } }
}
