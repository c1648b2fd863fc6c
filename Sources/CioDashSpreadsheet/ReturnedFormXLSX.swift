import CioDashCore

/// Reads a returned .xlsx form (or its rows from a CSV, see `ReturnedFormCSV`): the meta rows above the header (found by their labels), then one row
/// per topic (no metric id: status and summary) and one per metric (value and source).
public enum ReturnedFormXLSX {
    public static func read(path: String, file: String, limits: XLSXLimits = .default) -> (ReturnedForm?, [FormProblem]) {
        var rows: [XLSXRow] = []
        var taskRows: [XLSXRow]?
        let sheet = FormLayout.formSheet
        do {
            let workbook = try XLSXWorkbook(path: path, limits: limits)
            let bad = try workbook.readSheet(sheet) { rows.append($0) }
            if !bad.isEmpty {
                return (nil, bad.map { FormProblem(.error, file: file, place: $0.0.map { "\(sheet)!\($0)" } ?? sheet, $0.1.text) })
            }
            if workbook.sheetNames.contains(TaskFormLayout.sheet) {
                var read: [XLSXRow] = []
                let bad = try workbook.readSheet(TaskFormLayout.sheet) { read.append($0) }
                if !bad.isEmpty {
                    return (nil, bad.map { FormProblem(.error, file: file, place: $0.0.map { "\(TaskFormLayout.sheet)!\($0)" } ?? TaskFormLayout.sheet, $0.1.text) })
                }
                taskRows = read
            }
        } catch {
            return (nil, [FormProblem(.error, file: file, SpreadsheetMessages.failure(error))])
        }
        var (form, problems) = read(rows: rows, reading: FormCellReading(file: file, sheet: sheet))
        if let taskRows {
            let (tasks, taskProblems) = readTasks(rows: taskRows, reading: FormCellReading(file: file, sheet: TaskFormLayout.sheet))
            form?.tasks = tasks
            problems += taskProblems
        }
        return (form, problems)
    }

    /// The form in a sheet's rows, from .xlsx or from a CSV saved from it.
    static func read(rows: [XLSXRow], reading: FormCellReading) -> (ReturnedForm?, [FormProblem]) {
        var reading = reading
        let (file, sheet) = (reading.file, reading.sheet)
        let label: (XLSXRow) -> String? = { row in
            if case .text(let s)? = row.cell(1)?.value { return s.trimmingCharacters(in: .whitespaces) }
            return nil
        }
        guard let headerIndex = rows.firstIndex(where: { label($0) == FormLayout.header[0] }) else {
            return (nil, [FormProblem(.error, file: file, place: sheet, SpreadsheetMessages.notAForm)])
        }
        var form = ReturnedForm(file: file, provinceID: "", topics: [])
        for row in rows[..<headerIndex] {
            switch label(row) {
            case FormLayout.provinceIDLabel?:
                form.provinceID = reading.text(row.cell(2)) ?? ""
                form.provinceIDPlace = reading.place(CellReference(column: 2, row: row.number))
            case FormLayout.reportedLabel?: form.reported = reading.date(row.cell(2))
            case FormLayout.sourceLabel?: form.source = reading.text(row.cell(2))
            default: break
            }
        }
        if form.provinceID.isEmpty {
            reading.problems.append(FormProblem(.error, file: file, place: form.provinceIDPlace ?? sheet, SpreadsheetMessages.noProvinceID))
        }
        for row in rows[(headerIndex + 1)...] {
            guard let topicCell = row.cell(FormLayout.topicColumn), let topicID = reading.text(topicCell) else { continue }
            reading.item = topicID
            let metricID = reading.text(row.cell(FormLayout.metricColumn))
            reading.item = metricID.map { "\(topicID)/\($0)" } ?? topicID
            let place = reading.place(topicCell)
            if form.topics.last?.id != topicID {
                form.topics.append(ReturnedForm.Topic(id: topicID, place: place, status: nil, summary: nil, metrics: []))
            }
            if let metricID {
                let valueCell = row.cell(FormLayout.valueColumn)
                let metric = ReturnedForm.Metric(
                    id: metricID, place: reading.place(CellReference(column: FormLayout.valueColumn, row: row.number)),
                    value: reading.number(valueCell), source: reading.text(row.cell(FormLayout.sourceColumn)))
                form.topics[form.topics.count - 1].metrics.append(metric)
            } else {
                form.topics[form.topics.count - 1].status = reading.status(row.cell(FormLayout.valueColumn))
                form.topics[form.topics.count - 1].summary = reading.text(row.cell(FormLayout.sourceColumn))
            }
        }
        return (form, reading.problems)
    }
}
