import CioDashCore

/// Reads a returned form saved as CSV from its "Biểu mẫu" sheet, in any dialect Excel writes (see
/// `CSVText`): the same rows as the .xlsx, every cell text, each problem placed at `line:column`.
/// Numbers typed with a decimal comma (0,6045) are read; one that reads two ways is an error.
public enum ReturnedFormCSV {
    public static func read(bytes: [UInt8], file: String) -> (ReturnedForm?, [FormProblem]) {
        let decoded: CSVText
        switch CSVText.decode(bytes) {
        case .success(let text): decoded = text
        case .failure(let failure):
            let place = "\(failure.line)" + (failure.column.map { ":\($0)" } ?? "")
            return (nil, [FormProblem(.error, file: file, place: place, SpreadsheetMessages.csvNotText(failure.kind))])
        }
        var records = CSVRecords(decoded.text, delimiter: decoded.delimiter)
        if decoded.skippedLines > 0 { _ = records.next() }
        var rows: [XLSXRow] = []
        var places: [CellReference: String] = [:]
        var problems: [FormProblem] = []
        var number = 0
        while let record = records.next() {
            number += 1
            if rows.count >= XLSXLimits.default.maxRows {
                return (nil, [FormProblem(.error, file: file, SpreadsheetMessages.failure(.tooManyRows(sheet: "CSV", limit: XLSXLimits.default.maxRows)))])
            }
            if let problem = record.problem {
                problems.append(FormProblem(.error, file: file, place: "\(problem.place.line):\(problem.place.column)",
                                            SpreadsheetMessages.csvQuoting))
                continue
            }
            var cells: [XLSXCell] = []
            for (i, text) in record.cells.enumerated() where !text.isEmpty {
                let reference = CellReference(column: i + 1, row: number)
                cells.append(XLSXCell(reference: reference, value: .text(text)))
                places[reference] = "\(record.places[i].line):\(record.places[i].column)"
            }
            rows.append(XLSXRow(number: number, cells: cells))
        }
        if !problems.isEmpty { return (nil, problems) }
        var reading = FormCellReading(file: file, sheet: FormLayout.formSheet)
        reading.textPlaces = places
        return ReturnedFormXLSX.read(rows: rows, reading: reading)
    }
}
