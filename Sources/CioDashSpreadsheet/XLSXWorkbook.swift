import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A workbook opened for reading: its sheets by name, read row by row on demand.
public final class XLSXWorkbook {
    public let sheetNames: [String]
    private let parts: WorkbookParts
    private let package: XLSXPackage
    private let limits: XLSXLimits
    private var sharedStrings: [String]?
    private var dateStyles: Set<Int>?

    /// Opens the workbook at `path`: the zip, the workbook part and its relationships.
    public init(path: String, limits: XLSXLimits = .default) throws(XLSXFailure) {
        package = try XLSXPackage(path: path, limits: limits)
        parts = try WorkbookParts.read(package)
        sheetNames = parts.sheets.map(\.name)
        self.limits = limits
    }

    /// The cells of sheet `name`, row by row, with places of cells that could not be read.
    ///
    /// The sheet is inflated (bounded) into a private temporary file and parsed from there in chunks,
    /// so that neither the XML nor the rows past the limit are ever held in memory.
    public func readSheet(_ name: String, onRow: @escaping (XLSXRow) -> Void) throws(XLSXFailure) -> [(CellReference?, String)] {
        guard let sheet = parts.sheets.first(where: { $0.name == name }) else { throw .noSheet(name) }
        if sharedStrings == nil {
            sharedStrings = try SharedStrings.read(package, part: parts.sharedStringsPart, limit: limits.maxSharedStrings)
        }
        if dateStyles == nil { dateStyles = try DateFormats.read(package, part: parts.stylesPart) }

        // In a registered scratch folder: a SIGTERM or SIGHUP mid-import removes it (up to 64 MiB).
        let scratch = try ScratchFolder(purpose: "sheet")
        defer { scratch.remove() }
        let temporary = scratch.path + "/sheet.xml"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw .unreadable("cannot create a temporary file in \(scratch.path)")
        }
        do {
            try package.stream(sheet.part) { chunk in try handle.write(contentsOf: chunk) }
            try? handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        guard let stream = InputStream(fileAtPath: temporary) else { throw .unreadable("temporary file vanished") }
        let reader = SheetReader(sharedStrings: sharedStrings ?? [], dateStyles: dateStyles ?? [],
                                 uses1904: parts.uses1904Dates, maxRows: limits.maxRows, onRow: onRow)
        try XMLPart.run(XMLParser(stream: stream), part: sheet.part, delegate: reader, stopped: { reader.overLimit })
        if reader.overLimit { throw .tooManyRows(sheet: name, limit: limits.maxRows) }
        return reader.badCells
    }
}
