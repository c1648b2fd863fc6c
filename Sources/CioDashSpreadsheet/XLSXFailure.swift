/// Why a workbook could not be read, in words a clerk understands (see `SpreadsheetMessages`).
public enum XLSXFailure: Error, Hashable, Sendable {
    case unreadable(String)
    case tooLarge(size: Int, limit: Int)
    /// An OLE compound file: what Excel writes when a workbook has a password to open.
    case encrypted
    /// An old binary .xls (also OLE) or anything else that is not a zip.
    case notZip
    case corruptZip(String)
    case missingPart(String)
    case entryTooLarge(entry: String, limit: Int)
    case totalTooLarge(limit: Int)
    case malformedXML(part: String, line: Int, reason: String)
    case noSheet(String)
    case tooManyRows(sheet: String, limit: Int)
    case tooManySharedStrings(limit: Int)
}
