import CioDashCore
import Foundation

/// SAX reader of one worksheet: hands out rows as they end, so memory holds one row at a time, and
/// stops the parse once the row limit is passed.
///
/// Cell types: `s` shared string, `inlineStr` (`<is>` with plain or rich text), `str` a formula's text
/// result, `b` boolean, `e` error, `n` or none a number (a date when its style's format is one).
final class SheetReader: XMLPartReader {
    private let sharedStrings: [SharedStrings.Entry]
    private let dateStyles: Set<Int>
    private let uses1904: Bool
    private let maxRows: Int
    private let onRow: (XLSXRow) -> Void

    private(set) var rowsRead = 0
    private(set) var overLimit = false
    /// A cell whose reference or value cannot be used, for the caller to report.
    private(set) var badCells: [(CellReference?, CellProblem)] = []

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
    private var textProblem: CellProblem?

    init(sharedStrings: [SharedStrings.Entry], dateStyles: Set<Int>, uses1904: Bool, maxRows: Int, onRow: @escaping (XLSXRow) -> Void) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        self.maxRows = maxRows
        self.onRow = onRow
    }

    func handle(_ event: XMLEvent) throws {
        switch event {
        case .start(let name, let attributes): start(name, attributes)
        case .text(let string): if collecting { text += string }
        case .badReference(let reference): if collecting && textProblem == nil { textProblem = .badReference(reference) }
        case .end(let name): try end(name)
        }
    }

    private func start(_ name: Substring, _ attributes: [Substring: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? (rowNumber + 1)
            cells = []
            nextColumn = 1
        case "c":
            // A cell without r follows the one before it (some writers omit it).
            cellRef = attributes["r"].map { CellReference($0) } ?? CellReference(column: nextColumn, row: rowNumber)
            if cellRef == nil { badCells.append((nil, .unreadable(attributes["r"] ?? ""))) }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            hasFormula = false
            valueText = nil
            inlineText = nil
            textProblem = nil
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

    private func end(_ name: Substring) throws {
        switch name {
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
                if let problem = textProblem {
                    badCells.append((ref, problem))
                } else if let value = cellValue(ref) {
                    cells.append(XLSXCell(reference: ref, value: value, isFormula: hasFormula))
                }
                nextColumn = ref.column + 1
            }
            cellRef = nil
        case "row":
            rowsRead += 1
            if rowsRead > maxRows {
                overLimit = true
                throw StopReading()
            }
            if !cells.isEmpty { onRow(XLSXRow(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// Text as Excel stores it, its `_xHHHH_` escapes decoded; nil (the cell reported) for a bad one.
    private func excelText(_ raw: String, _ ref: CellReference) -> XLSXCell.Value? {
        switch ExcelEscapes.decode(raw) {
        case .success(let text): return .text(text)
        case .failure(let problem):
            badCells.append((ref, problem))
            return nil
        }
    }

    private func cellValue(_ ref: CellReference) -> XLSXCell.Value? {
        switch cellType {
        case "inlineStr":
            return inlineText.flatMap { excelText($0, ref) }
        case "s":
            guard let raw = valueText else { return nil }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                badCells.append((ref, .unreadable(raw)))
                return nil
            }
            switch sharedStrings[index] {
            case .success(let text): return .text(text)
            case .failure(let problem):
                badCells.append((ref, problem))
                return nil
            }
        case "str":
            return valueText.flatMap { excelText($0, ref) }
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
                badCells.append((ref, .unreadable(raw)))
                return nil
            }
            if dateStyles.contains(cellStyle), let date = SpreadsheetDate.date(serial: number, uses1904: uses1904) {
                return .date(date)
            }
            return .number(number)
        }
    }
}
