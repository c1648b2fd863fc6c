import CioDashCore

/// The tasks part of a province's return: each task the council gave it, with what it reported last,
/// for it to say what became of it. A block of its own (its own sheet, its own `tasks:`), so that the
/// figures' layout and the tasks' change apart.
public struct ReturnFormTask: Hashable, Sendable {
    public var id: String
    public var what: String
    /// The deadline as the form shows it: 30/09/2026, the typed text, or "".
    public var due: String
    /// "Phiên họp thường kỳ năm 2025 (26/07/2025)".
    public var origin: String
    /// What the province's current file says of it, if anything.
    public var report: TaskReport?

    /// The tasks of `province` at `meeting`, in the meeting's order.
    static func tasks(_ meeting: Meeting, province: ProvinceReport) -> [ReturnFormTask] {
        meeting.tasks(of: province.id).map { task in
            ReturnFormTask(id: task.id, what: task.what, due: task.due?.vietnamese ?? task.dueText ?? "",
                           origin: "\(task.origin.meetingTitle) (\(task.origin.meetingDate.vietnamese))",
                           report: province.tasks[task.id])
        }
    }
}

/// Where things are on the tasks sheet, shared by the writer and the reader.
public enum TaskFormLayout {
    public static let sheet = "Nhiệm vụ"

    /// The table's header, column A onwards; the reader finds the header row by its first label.
    public static let header = [
        "Mã nhiệm vụ (task)", "Nội dung (what)", "Thời hạn (due)", "Phiên họp giao (set at)",
        "Trạng thái (status)", "Ngày hoàn thành (done on)", "Ghi chú (note)", "Số, ký hiệu văn bản (document no.)",
    ]

    // 1-based columns.
    public static let idColumn = 1
    public static let whatColumn = 2
    public static let statusColumn = 5
    public static let doneColumn = 6
    public static let noteColumn = 7
    public static let referenceColumn = 8

    public static let heading = "Kết quả thực hiện nhiệm vụ được giao (what became of the tasks the council gave)"
    public static let hint = "Trạng thái: xong, đang làm, chưa làm. Ngày hoàn thành: YYYY-MM-DD hoặc dd/mm/yyyy. "
        + "Status: done, in progress, not started; the date done as YYYY-MM-DD or dd/mm/yyyy."
}

/// One task's answer as read from a form, with the places of its cells.
public struct ReturnedTask: Hashable, Sendable {
    public var id: String
    public var place: String?
    public var status: TaskStatus?
    /// Where the status was written, also when its word names no status (the reader has named it there).
    public var statusPlace: String?
    public var doneOn: LocalDate?
    public var note: String?
    public var reference: String?

    /// Nothing was filled in: the row says nothing and changes nothing.
    public var isEmpty: Bool { status == nil && doneOn == nil && note == nil && reference == nil }
}

extension ReturnFormWorkbook {
    /// The tasks sheet: locked labels, the status drop-down and the three answer cells unlocked.
    static func addTasksSheet(_ writer: XLSXWriter, _ form: ReturnForm) throws(XLSXWriter.Failure) {
        guard !form.tasks.isEmpty else { return }
        let sheet = try writer.addSheet(TaskFormLayout.sheet)
        writer.columnWidth(sheet, 0, 0, 26)
        writer.columnWidth(sheet, 1, 1, 50)
        writer.columnWidth(sheet, 2, 2, 14)
        writer.columnWidth(sheet, 3, 3, 36)
        writer.columnWidth(sheet, 4, 5, 18)
        writer.columnWidth(sheet, 6, 6, 40)
        writer.columnWidth(sheet, 7, 7, 24)
        writer.text(sheet, 0, 0, TaskFormLayout.heading, .title)
        writer.text(sheet, 1, 0, TaskFormLayout.hint, .label)
        let headerRow = 3
        for (column, title) in TaskFormLayout.header.enumerated() { writer.text(sheet, headerRow, column, title, .header) }
        writer.freeze(sheet, rows: headerRow + 1, columns: 0)
        for (n, task) in form.tasks.enumerated() {
            let row = headerRow + 1 + n
            writer.text(sheet, row, 0, task.id)
            writer.text(sheet, row, 1, task.what, .labelWrapped)
            writer.text(sheet, row, 2, task.due)
            writer.text(sheet, row, 3, task.origin, .labelWrapped)
            let status = TaskFormLayout.statusColumn - 1
            if let report = task.report { writer.text(sheet, row, status, report.status.vietnamese, .input) } else { writer.blank(sheet, row, status, .input) }
            writer.dropDown(sheet, row, status, TaskStatus.choices, title: "Trạng thái (status)",
                            message: "Chọn một trạng thái trong danh sách / pick a status from the list")
            let done = TaskFormLayout.doneColumn - 1
            if let date = task.report?.doneOn { writer.text(sheet, row, done, date.description, .input) } else { writer.blank(sheet, row, done, .input) }
            let note = TaskFormLayout.noteColumn - 1
            if let text = task.report?.note { writer.text(sheet, row, note, text, .inputWrapped) } else { writer.blank(sheet, row, note, .inputWrapped) }
            let reference = TaskFormLayout.referenceColumn - 1
            if let text = task.report?.reference { writer.text(sheet, row, reference, text, .input) } else { writer.blank(sheet, row, reference, .input) }
        }
        writer.protect(sheet)
    }
}

extension ReturnFormYAML {
    /// The `tasks:` block of the YAML form: one entry per task, its text and deadline in comments.
    static func tasksBlock(_ form: ReturnForm) -> String {
        guard !form.tasks.isEmpty else { return "" }
        var out = "# Nhiệm vụ được giao: trạng thái xong | đang làm | chưa làm; done: ngày hoàn thành (YYYY-MM-DD);\n"
        out += "# note: ghi chú; reference: số, ký hiệu văn bản. Tasks: status, the date done, a note, the document's number.\n"
        out += "tasks:\n"
        for task in form.tasks {
            out += "  \(task.id):   # \(oneLine(task.what))" + (task.due.isEmpty ? "" : " — hạn \(oneLine(task.due))") + "\n"
            out += "    status: \(task.report.map { YAMLText.quoted($0.status.vietnamese) } ?? "")\n"
            out += "    done: \(task.report?.doneOn?.description ?? "")\n"
            out += "    note: \(task.report?.note.map(YAMLText.quoted) ?? "")\n"
            out += "    reference: \(task.report?.reference.map(YAMLText.quoted) ?? "")\n"
        }
        return out
    }
}

extension ReturnedFormXLSX {
    /// The tasks sheet's rows below its header: one answer per task id, each cell with its place.
    static func readTasks(rows: [XLSXRow], reading: FormCellReading) -> ([ReturnedTask], [FormProblem]) {
        var reading = reading
        let label: (XLSXRow) -> String? = { row in
            if case .text(let s)? = row.cell(1)?.value { return s.trimmingCharacters(in: .whitespaces) }
            return nil
        }
        guard let headerIndex = rows.firstIndex(where: { label($0) == TaskFormLayout.header[0] }) else {
            return ([], [FormProblem(.error, file: reading.file, place: reading.sheet, SpreadsheetMessages.notATasksSheet)])
        }
        var tasks: [ReturnedTask] = []
        for row in rows[(headerIndex + 1)...] {
            guard let idCell = row.cell(TaskFormLayout.idColumn), let id = reading.text(idCell) else { continue }
            reading.item = id
            var task = ReturnedTask(id: id, place: reading.place(idCell))
            if let cell = row.cell(TaskFormLayout.statusColumn), let word = reading.text(cell) {
                task.statusPlace = reading.place(cell)
                task.status = TaskStatus.named(word)
                if task.status == nil { reading.fail(cell, SpreadsheetMessages.unknownTaskStatus(word, task: id)) }
            }
            task.doneOn = reading.date(row.cell(TaskFormLayout.doneColumn))
            task.note = reading.text(row.cell(TaskFormLayout.noteColumn))
            task.reference = reading.text(row.cell(TaskFormLayout.referenceColumn))
            tasks.append(task)
        }
        return (tasks, reading.problems)
    }
}

extension ReturnedFormYAML {
    /// `tasks:` of a YAML form: task id → status, done, note, reference.
    static func readTasks(_ node: YAMLNode?, file: String, problems: inout [FormProblem]) -> [ReturnedTask] {
        guard let node, case .mapping(let entries) = node.content else { return [] }
        func place(_ node: YAMLNode) -> String { "\(node.line):\(node.column)" }
        func text(_ node: YAMLNode?) -> String? {
            guard let node, !node.isNull, let raw = node.scalarText else { return nil }
            let clean = TextSanitizer.paragraph(raw.precomposedStringWithCanonicalMapping).trimmingCharacters(in: .whitespacesAndNewlines)
            return clean.isEmpty ? nil : clean
        }
        var tasks: [ReturnedTask] = []
        for entry in entries {
            var task = ReturnedTask(id: entry.key, place: "\(entry.keyLine):\(entry.keyColumn)")
            guard case .mapping(let fields) = entry.value.content else {
                if !entry.value.isNull { tasks.append(task) }
                continue
            }
            func value(_ key: String) -> YAMLNode? { fields.first { $0.key == key }?.value }
            if let node = value("status"), let word = text(node) {
                task.statusPlace = place(node)
                task.status = TaskStatus.named(word)
                if task.status == nil {
                    problems.append(FormProblem(.error, file: file, place: place(node), SpreadsheetMessages.unknownTaskStatus(word, task: entry.key)))
                }
            }
            if let node = value("done"), let raw = text(node) {
                switch LocalDate(iso: raw).map(FormCellReading.DayFirst.date) ?? FormCellReading.dayFirst(raw) {
                case .date(let date): task.doneOn = date
                case .ambiguous(let a, let b):
                    problems.append(FormProblem(.error, file: file, place: place(node), SpreadsheetMessages.ambiguousDate(raw, a, b)))
                case .invalid:
                    problems.append(FormProblem(.error, file: file, place: place(node), SpreadsheetMessages.badDate(raw)))
                }
            }
            task.note = text(value("note"))
            task.reference = text(value("reference"))
            tasks.append(task)
        }
        return tasks
    }
}

// What `import` says about the tasks part of a return.
extension SpreadsheetMessages {
    static let notATasksSheet = Text(
        vi: "trang \"\(TaskFormLayout.sheet)\" không có dòng tiêu đề \"\(TaskFormLayout.header[0])\"; đừng đổi tên hay xóa dòng của trang",
        en: "the \"\(TaskFormLayout.sheet)\" sheet has no header row \"\(TaskFormLayout.header[0])\"; do not rename or delete its rows")
    static func unknownTaskStatus(_ word: String, task: String) -> Text {
        let choices = TaskStatus.choices.joined(separator: ", ")
        return Text(vi: "trạng thái \(quote(word)) của nhiệm vụ \(quote(task)) không có trong danh sách; chọn một trong: \(choices)",
                    en: "status \(quote(word)) of task \(quote(task)) is not known; pick one of: \(choices) (done, in-progress, not-started)")
    }
    static func unknownTask(_ id: String) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) không có trong tasks của phiên họp", en: "task \(quote(id)) is not among the meeting's tasks")
    }
    static func taskNotOwned(_ id: String, what: String, province: String) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) (\(quote(what))) không giao cho \(province)",
             en: "task \(quote(id)) (\(quote(what))) was not given to \(province)")
    }
    static func taskNeedsStatus(_ id: String, what: String) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) (\(quote(what))) có ghi chú, ngày hoặc số văn bản nhưng chưa chọn trạng thái (xong, đang làm, chưa làm)",
             en: "task \(quote(id)) (\(quote(what))) has a note, a date or a document number but no status (done, in progress, not started)")
    }
    static func doneDateWithoutDone(_ id: String, what: String) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) (\(quote(what))) có ngày hoàn thành nhưng trạng thái không phải \"xong\"",
             en: "task \(quote(id)) (\(quote(what))) has a date done but its status is not done")
    }
}

extension FormImport {
    /// The tasks part of a return, into the province's report: each answer must be about a task the
    /// meeting gave this province, with a status when anything is filled in; every refusal names the
    /// cell and the task's text. An empty row changes nothing.
    static func applyTasks(_ form: ReturnedForm, to report: inout ProvinceReport, meeting: Meeting, changes: inout [Change],
                           problems: inout [FormProblem], language: Language) {
        guard !form.tasks.isEmpty else { return }
        let byID = Dictionary(meeting.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let en = language == .en
        for returned in form.tasks {
            guard let task = byID[returned.id] else {
                problems.append(FormProblem(.error, file: form.file, place: returned.place, SpreadsheetMessages.unknownTask(returned.id)))
                continue
            }
            guard task.isOwned(by: report.id) else {
                problems.append(FormProblem(.error, file: form.file, place: returned.place,
                                            SpreadsheetMessages.taskNotOwned(task.id, what: task.what, province: report.name)))
                continue
            }
            if returned.isEmpty { continue }
            guard let status = returned.status else {
                // An unknown word was already named at its cell; a row with no status at all is named here.
                if returned.statusPlace == nil {
                    problems.append(FormProblem(.error, file: form.file, place: returned.place,
                                                SpreadsheetMessages.taskNeedsStatus(task.id, what: task.what)))
                }
                continue
            }
            if returned.doneOn != nil && status != .done {
                problems.append(FormProblem(.error, file: form.file, place: returned.statusPlace ?? returned.place,
                                            SpreadsheetMessages.doneDateWithoutDone(task.id, what: task.what)))
                continue
            }
            let new = TaskReport(status: status, doneOn: returned.doneOn, note: returned.note, reference: returned.reference)
            let old = report.tasks[task.id]
            if old != new {
                func show(_ r: TaskReport?) -> String {
                    guard let r else { return "—" }
                    var text = en ? r.status.rawValue : r.status.vietnamese
                    if let d = r.doneOn { text += " " + (en ? d.description : d.vietnamese) }
                    if let ref = r.reference { text += " (\(ref))" }
                    return text
                }
                changes.append(Change(item: (en ? "task " : "nhiệm vụ ") + "\(task.id) (\(task.what))", old: show(old), new: show(new)))
            }
            report.tasks[task.id] = new
        }
    }
}
