
/// A workbook opened for reading: its sheets by name, read row by row on demand.
public final class XLSXWorkbook {
    public let sheetNames: [String]
    private let parts: WorkbookParts
    private let package: XLSXPackage
    private let limits: XLSXLimits
    private var sharedStrings: [SharedStrings.Entry]?
    private var dateStyles: Set<Int>?

    /// Opens the workbook at `path`: the zip, the workbook part and its relationships.
    public init(path: String, limits: XLSXLimits = .default) throws(XLSXFailure) {
        package = try XLSXPackage(path: path, limits: limits)
        parts = try WorkbookParts.read(package)
        sheetNames = parts.sheets.map(\.name)
        self.limits = limits
    }

    /// The cells of sheet `name`, row by row, with the cells that could not be read and why.
    ///
    /// The sheet is parsed as it is inflated (bounded), so that neither its XML nor the rows past the
    /// limit are ever held in memory, and nothing is written to disk.
    func readSheet(_ name: String, onRow: @escaping (XLSXRow) -> Void) throws(XLSXFailure) -> [(CellReference?, CellProblem)] {
        guard let sheet = parts.sheets.first(where: { $0.name == name }) else { throw .noSheet(name) }
        if sharedStrings == nil {
            sharedStrings = try SharedStrings.read(package, part: parts.sharedStringsPart, limit: limits.maxSharedStrings)
        }
        if dateStyles == nil { dateStyles = try DateFormats.read(package, part: parts.stylesPart) }
        let reader = SheetReader(sharedStrings: sharedStrings ?? [], dateStyles: dateStyles ?? [],
                                 uses1904: parts.uses1904Dates, maxRows: limits.maxRows, onRow: onRow)
        try XMLPart.stream(package, sheet.part, reader: reader)
        if reader.overLimit { throw .tooManyRows(sheet: name, limit: limits.maxRows) }
        return reader.badCells
    }
}
