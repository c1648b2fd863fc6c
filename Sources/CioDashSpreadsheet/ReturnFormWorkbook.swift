import CioDashCore

/// Writes a `ReturnForm` as an .xlsx workbook: instructions, then the form with its locked labels,
/// unlocked input cells and a status drop-down per topic.
public enum ReturnFormWorkbook {
    public static func bytes(_ form: ReturnForm) throws(XLSXWriter.Failure) -> [UInt8] {
        let writer = try XLSXWriter()
        let instructions = try writer.addSheet(FormLayout.instructionsSheet)
        writer.columnWidth(instructions, 0, 0, 120)
        for (row, line) in FormLayout.instructions.enumerated() {
            writer.text(instructions, row, 0, line, row == 0 || line.hasPrefix("How to") ? .title : .labelWrapped)
        }
        writer.protect(instructions)

        let sheet = try writer.addSheet(FormLayout.formSheet)
        writer.columnWidth(sheet, 0, 1, 22)
        writer.columnWidth(sheet, 2, 2, 60)
        writer.columnWidth(sheet, 3, 5, 12)
        writer.columnWidth(sheet, 6, 6, 18)
        writer.columnWidth(sheet, 7, 7, 50)
        writer.text(sheet, 0, 0, "Biểu mẫu báo cáo (return form): \(form.meetingTitle)", .title)
        writer.text(sheet, 1, 0, FormLayout.provinceIDLabel)
        writer.text(sheet, 1, 1, form.provinceID)
        writer.text(sheet, 2, 0, FormLayout.provinceNameLabel)
        writer.text(sheet, 2, 1, form.provinceName)
        writer.text(sheet, 3, 0, FormLayout.meetingLabel)
        writer.text(sheet, 3, 1, form.meetingDate.description)
        writer.text(sheet, 4, 0, FormLayout.reportedLabel)
        if let reported = form.reported { writer.text(sheet, 4, 1, reported.description, .input) } else { writer.blank(sheet, 4, 1, .input) }
        writer.text(sheet, 5, 0, FormLayout.sourceLabel)
        if let source = form.source { writer.text(sheet, 5, 1, source, .input) } else { writer.blank(sheet, 5, 1, .input) }

        let headerRow = 7
        for (column, title) in FormLayout.header.enumerated() { writer.text(sheet, headerRow, column, title, .header) }
        writer.freeze(sheet, rows: headerRow + 1, columns: 0)
        var row = headerRow + 1
        let value = FormLayout.valueColumn - 1
        let source = FormLayout.sourceColumn - 1
        for topic in form.topics {
            writer.text(sheet, row, 0, topic.id, .header)
            writer.text(sheet, row, 1, "", .header)
            writer.text(sheet, row, 2, topic.title, .header)
            for column in 3...5 { writer.text(sheet, row, column, "", .header) }
            if let status = topic.status { writer.text(sheet, row, value, StatusWords.vietnamese[status]!, .input) } else { writer.blank(sheet, row, value, .input) }
            writer.dropDown(sheet, row, value, StatusWords.choices, title: "Trạng thái (status)",
                            message: "Chọn một trạng thái trong danh sách / pick a status from the list")
            if let summary = topic.summary { writer.text(sheet, row, source, summary, .inputWrapped) } else { writer.blank(sheet, row, source, .inputWrapped) }
            row += 1
            for item in topic.items {
                writer.text(sheet, row, 0, topic.id)
                writer.text(sheet, row, 1, item.id)
                writer.text(sheet, row, 2, item.label, .labelWrapped)
                if let unit = item.unit { writer.text(sheet, row, 3, unit) }
                if let target = item.target { writer.number(sheet, row, 4, target) }
                if let previous = item.previous { writer.number(sheet, row, 5, previous) }
                writer.blank(sheet, row, value, .inputNumber)
                writer.blank(sheet, row, source, .inputWrapped)
                row += 1
            }
        }
        writer.protect(sheet)
        try addTasksSheet(writer, form)
        writer.activate(sheet)
        return try writer.finish()
    }
}
