import CioDashCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX reader of one worksheet: hands out rows as they end, so memory holds one row at a time, and
/// stops the parse once the row limit is passed.
///
/// Cell types: `s` shared string, `inlineStr` (`<is>` with plain or rich text), `str` a formula's text
/// result, `b` boolean, `e` error, `n` or none a number (a date when its style's format is one).
final class SheetReader: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let uses1904: Bool
    private let maxRows: Int
    private let onRow: (XLSXRow) -> Void

    private(set) var rowsRead = 0
    private(set) var overLimit = false
    /// A cell whose reference or value cannot be used, for the caller to report.
    private(set) var badCells: [(CellReference?, String)] = []

    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var nextColumn = 1
    private var cellRef: CellReference?
    private var cellType = "n"
    private var cellStyle = 0
    private var hasFormula = false
    private var text = ""
    private var collecting = false
    private var inInline = false
    private var inPhonetic = false
    private var valueText: String?
    private var inlineText: String?

    init(sharedStrings: [String], dateStyles: Set<Int>, uses1904: Bool, maxRows: Int, onRow: @escaping (XLSXRow) -> Void) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        self.maxRows = maxRows
        self.onRow = onRow
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XMLLocalName.of(elementName) {
        case "row":
            let attributes = XMLLocalName.attributes(attributeDict)
            rowNumber = attributes["r"].flatMap { Int($0) } ?? (rowNumber + 1)
            cells = []
            nextColumn = 1
        case "c":
            let attributes = XMLLocalName.attributes(attributeDict)
            // A cell without r follows the one before it (some writers omit it).
            cellRef = attributes["r"].map { CellReference($0) } ?? CellReference(column: nextColumn, row: rowNumber)
            if cellRef == nil { badCells.append((nil, attributes["r"] ?? "")) }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            hasFormula = false
            valueText = nil
            inlineText = nil
        case "f": hasFormula = true
        case "v":
            text = ""
            collecting = true
        case "is":
            inInline = true
            inlineText = ""
        case "rPh": inPhonetic = true
        case "t" where inInline && !inPhonetic:
            text = ""
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XMLLocalName.of(elementName) {
        case "v":
            valueText = text
            collecting = false
        case "t" where collecting:
            inlineText = (inlineText ?? "") + text
            collecting = false
        case "rPh": inPhonetic = false
        case "is": inInline = false
        case "c":
            if let ref = cellRef {
                if let value = cellValue(ref) {
                    cells.append(XLSXCell(reference: ref, value: value, isFormula: hasFormula))
                }
                nextColumn = ref.column + 1
            }
            cellRef = nil
        case "row":
            rowsRead += 1
            if rowsRead > maxRows {
                overLimit = true
                parser.abortParsing()
                return
            }
            if !cells.isEmpty { onRow(XLSXRow(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    private func cellValue(_ ref: CellReference) -> XLSXCell.Value? {
        switch cellType {
        case "inlineStr":
            return inlineText.map { .text($0) }
        case "s":
            guard let raw = valueText else { return nil }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                badCells.append((ref, raw))
                return nil
            }
            return .text(sharedStrings[index])
        case "str":
            return valueText.map { .text($0) }
        case "b":
            return valueText.map { .boolean($0 == "1" || $0 == "true") }
        case "e":
            return valueText.map { .error($0) }
        case "d":
            // ISO 8601 dates (strict OOXML); the date part is what a status file keeps.
            guard let raw = valueText else { return nil }
            return LocalDate(iso: String(raw.prefix(10))).map { .date($0) } ?? .text(raw)
        default:
            guard let raw = valueText, !raw.isEmpty else { return nil }
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                badCells.append((ref, raw))
                return nil
            }
            if dateStyles.contains(cellStyle), let date = SpreadsheetDate.date(serial: number, uses1904: uses1904) {
                return .date(date)
            }
            return .number(number)
        }
    }
}
