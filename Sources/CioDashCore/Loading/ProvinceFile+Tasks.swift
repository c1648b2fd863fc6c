extension ProvinceFile {
    static let knownTaskReportKeys = ["status", "done", "note", "reference"]

    /// A province file's `tasks:`: task id → status (xong / đang làm / chưa làm or the English ids),
    /// the date done, a note and the document's number. A report on a task the meeting does not have,
    /// or did not give this province, is named and left out.
    static func decodeTaskReports(_ node: YAMLNode, province: String, agenda: Agenda, reader: FieldReader) -> [String: TaskReport] {
        guard case .mapping(let entries) = node.content else {
            reader.error(at: node, LoadMessages.wrongKind("tasks", expected: "a mapping from task id to report", found: node.kindDescription))
            return [:]
        }
        var reports: [String: TaskReport] = [:]
        for entry in entries {
            guard let fields = reader.fields(entry.value, key: entry.key, known: knownTaskReportKeys) else { continue }
            guard let owners = agenda.taskOwners[entry.key] else {
                reader.warning(entry.keyLine, entry.keyColumn, LoadMessages.unknownTaskReported(entry.key))
                continue
            }
            guard owners.contains(province) else {
                reader.warning(entry.keyLine, entry.keyColumn, LoadMessages.taskNotOwned(entry.key))
                continue
            }
            guard let word = reader.requiredText(fields, "status"), let statusNode = fields["status"] else { continue }
            guard let status = TaskStatus(rawValue: word) ?? TaskStatus.named(word) else {
                reader.error(at: statusNode, LoadMessages.unknownTaskStatus(word))
                continue
            }
            var report = TaskReport(status: status, note: reader.text(fields["note"], key: "note"),
                                    reference: reader.text(fields["reference"], key: "reference"))
            if let doneNode = fields["done"] { report.doneOn = reader.date(doneNode, key: "done") }
            reports[entry.key] = report
        }
        return reports
    }
}
