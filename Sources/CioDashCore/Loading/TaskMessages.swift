// What the loader says about tasks (`tasks:` in meeting.yaml and in a province's file).
extension LoadMessages {
    static func badTaskID(_ id: String) -> Text {
        Text(vi: "mã nhiệm vụ \(quote(id)) chỉ được dùng chữ thường a-z, chữ số và dấu gạch nối; nhiệm vụ bị bỏ qua",
             en: "task id \(quote(id)) may use only lower-case letters a-z, digits and hyphens; the task is left out")
    }
    static func duplicateTask(_ id: String, firstLine: Int) -> Text {
        Text(vi: "mã nhiệm vụ \(quote(id)) xuất hiện hai lần (lần đầu ở dòng \(firstLine)); lần này bị bỏ qua",
             en: "task id \(quote(id)) appears twice (first at line \(firstLine)); this one is ignored")
    }
    static func taskWithoutOwner(_ id: String) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) không giao cho ai: ghi owners (mã tỉnh) hoặc bodies (tên cơ quan)",
             en: "task \(quote(id)) is given to no one: write owners (province ids) or bodies (names of bodies)")
    }
    static func dueBeforeSet(_ id: String, _ due: LocalDate, _ set: LocalDate) -> Text {
        Text(vi: "thời hạn \(due.vietnamese) của nhiệm vụ \(quote(id)) trước ngày \(set.vietnamese) của phiên họp giao nhiệm vụ",
             en: "the due date \(due) of task \(quote(id)) is before \(set), the meeting that set it")
    }
    static func taskSetAfterMeeting(_ id: String, _ set: LocalDate, _ meeting: LocalDate) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) ghi giao ngày \(set.vietnamese), sau ngày họp \(meeting.vietnamese)",
             en: "task \(quote(id)) says it was set on \(set), after the meeting's date \(meeting)")
    }
    /// An owner that is no province of the meeting: a former unit gets the catalogue's sentence.
    static func unknownTaskOwner(_ owner: String, task: String, on date: LocalDate) -> Text {
        if let finding = UnitsCatalogue.formerUnitFinding(id: owner, on: date) {
            return Text(vi: "nhiệm vụ \(quote(task)): \(finding.message(.vi))", en: "task \(quote(task)): \(finding.message(.en))")
        }
        return Text(vi: "nhiệm vụ \(quote(task)) giao cho \(quote(owner)), không phải tỉnh/thành nào của phiên họp; "
                        + "ghi mã tỉnh trong provinces, hoặc tên cơ quan trong bodies",
                    en: "task \(quote(task)) is given to \(quote(owner)), which is no province of the meeting; "
                        + "write a province id of provinces, or a body's name under bodies")
    }
    static func unknownTaskReported(_ id: String) -> Text {
        Text(vi: "báo cáo về nhiệm vụ \(quote(id)), nhiệm vụ này không có trong tasks của meeting.yaml; bị bỏ qua",
             en: "a report on task \(quote(id)), which is not among the tasks of meeting.yaml; it is ignored")
    }
    static func taskNotOwned(_ id: String) -> Text {
        Text(vi: "nhiệm vụ \(quote(id)) không giao cho tỉnh này; báo cáo bị bỏ qua",
             en: "task \(quote(id)) was not given to this province; the report is ignored")
    }
    static func unknownTaskStatus(_ text: String) -> Text {
        Text(vi: "trạng thái nhiệm vụ \(quote(text)) không có trong danh sách; dùng xong, đang làm hoặc chưa làm (hoặc done, in-progress, not-started)",
             en: "task status \(quote(text)) is not known; use done, in-progress or not-started")
    }
}
