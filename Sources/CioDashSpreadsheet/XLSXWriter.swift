import CXlsxWriter
import Foundation

/// A workbook written with libxlsxwriter: strings are always written as strings (never as formulas,
/// whatever they start with), numbers as numbers.
///
/// libxlsxwriter writes to a file name; the workbook goes to a private temporary file whose bytes are
/// returned, so that the caller writes them atomically where they belong.
public final class XLSXWriter {
    /// Cell formats the return forms use.
    public enum Style: CaseIterable {
        case title, header, label, labelWrapped, number, input, inputNumber, inputWrapped
    }

    public struct Sheet {
        fileprivate let pointer: UnsafeMutablePointer<lxw_worksheet>
    }

    public enum Failure: Error, CustomStringConvertible {
        case library(String)
        public var description: String {
            switch self { case .library(let reason): return reason }
        }
    }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let path: String
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false

    public init() throws(Failure) {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ciodash-form-\(UInt64.random(in: 0...UInt64.max)).xlsx").path
        guard let workbook = workbook_new(path) else { throw .library("libxlsxwriter could not start a workbook") }
        self.workbook = workbook
        for style in Style.allCases {
            let format = workbook_add_format(workbook)!
            switch style {
            case .title:
                format_set_bold(format)
                format_set_font_size(format, 14)
            case .header:
                format_set_bold(format)
                format_set_text_wrap(format)
                format_set_bg_color(format, 0xD9E1F2)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .label: break
            case .labelWrapped: format_set_text_wrap(format)
            case .number: format_set_num_format(format, "#,##0.####")
            case .input, .inputNumber, .inputWrapped:
                format_set_unlocked(format)
                format_set_bg_color(format, 0xFFF2CC)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
                if style == .inputNumber { format_set_num_format(format, "#,##0.####") }
                if style == .inputWrapped { format_set_text_wrap(format) }
            }
            formats[style] = format
        }
    }

    deinit {
        if !closed { workbook_close(workbook) }
        unlink(path)
    }

    public func addSheet(_ name: String) throws(Failure) -> Sheet {
        guard let sheet = workbook_add_worksheet(workbook, name) else { throw .library("cannot add the sheet \(name)") }
        return Sheet(pointer: sheet)
    }

    /// Row and column are 0-based, as in libxlsxwriter.
    public func text(_ sheet: Sheet, _ row: Int, _ column: Int, _ text: String, _ style: Style = .label) {
        worksheet_write_string(sheet.pointer, UInt32(row), UInt16(column), text, formats[style])
    }

    public func number(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: Double, _ style: Style = .number) {
        worksheet_write_number(sheet.pointer, UInt32(row), UInt16(column), value, formats[style])
    }

    public func blank(_ sheet: Sheet, _ row: Int, _ column: Int, _ style: Style) {
        worksheet_write_blank(sheet.pointer, UInt32(row), UInt16(column), formats[style])
    }

    public func columnWidth(_ sheet: Sheet, _ first: Int, _ last: Int, _ width: Double) {
        worksheet_set_column(sheet.pointer, UInt16(first), UInt16(last), width, nil)
    }

    /// A row's height in points (15 is one line of the default font).
    public func rowHeight(_ sheet: Sheet, _ row: Int, _ points: Double) {
        worksheet_set_row(sheet.pointer, UInt32(row), points, nil)
    }

    public func freeze(_ sheet: Sheet, rows: Int, columns: Int) {
        worksheet_freeze_panes(sheet.pointer, UInt32(rows), UInt16(columns))
    }

    /// A drop-down of `choices` on one cell; anything else typed is refused by the spreadsheet program.
    public func dropDown(_ sheet: Sheet, _ row: Int, _ column: Int, _ choices: [String], title: String, message: String) {
        var cStrings: [UnsafeMutablePointer<CChar>?] = choices.map { strdup($0) } + [nil]
        let cTitle = strdup(title)
        let cMessage = strdup(message)
        defer {
            for p in cStrings { free(p) }
            free(cTitle)
            free(cMessage)
        }
        cStrings.withUnsafeMutableBufferPointer { list in
            var validation = lxw_data_validation()
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            validation.value_list = list.baseAddress
            validation.error_title = cTitle
            validation.error_message = cMessage
            worksheet_data_validation_cell(sheet.pointer, UInt32(row), UInt16(column), &validation)
        }
    }

    /// Locks every cell not written with an input style; no password (the lock prevents slips, not people).
    public func protect(_ sheet: Sheet) {
        worksheet_protect(sheet.pointer, nil, nil)
    }

    public func activate(_ sheet: Sheet) { worksheet_activate(sheet.pointer) }

    /// Closes the workbook and returns the .xlsx bytes.
    public func finish() throws(Failure) -> [UInt8] {
        closed = true
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw .library("libxlsxwriter: " + String(cString: lxw_strerror(status)))
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .library("the workbook was not written") }
        return [UInt8](data)
    }
}
