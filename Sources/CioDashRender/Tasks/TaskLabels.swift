import CioDashCore

/// The words for tasks (giao nhiệm vụ and what became of them), in Vietnamese and English, shared by
/// the minutes documents, the tasks view, its slide and the reports, so that each says a standing the same way.
public struct TaskLabels: Sendable {
    public let language: Language
    var vi: Bool { language == .vi }

    public static func forLanguage(_ language: Language) -> TaskLabels { TaskLabels(language: language) }

    /// The slide's and the section's title.
    public var followUpTitle: String { vi ? "Kết quả thực hiện kết luận phiên trước" : "Follow-up of the previous session's conclusions" }
    public var viewTitle: String { vi ? "Nhiệm vụ được giao" : "Assigned tasks" }
    public var reportedDone: String { vi ? "Đã báo cáo hoàn thành" : "Reported done" }
    public var stillOpen: String { vi ? "Chưa hoàn thành" : "Still open" }
    public var owner: String { vi ? "Đơn vị" : "Owner" }
    public var what: String { vi ? "Nội dung" : "Task" }
    public var due: String { vi ? "Thời hạn" : "Due" }
    public var standing: String { vi ? "Tình hình" : "Standing" }
    public var reportedBy: String { vi ? "Báo cáo" : "Reported" }
    public var setAt: String { vi ? "Phiên giao" : "Set at" }
    public var noDeadline: String { vi ? "(chưa định)" : "(none set)" }
    public var noReport: String { vi ? "chưa báo cáo" : "not reported" }
    public var byProvince: String { vi ? "Theo tỉnh/thành" : "By province" }
    public var byMeeting: String { vi ? "Theo phiên họp giao" : "By meeting of origin" }
    public var none: String { vi ? "Không có nhiệm vụ nào được giao." : "No tasks were assigned." }
    public var carriedOn: String {
        vi ? "Các nhiệm vụ chưa hoàn thành nêu trên cùng các nhiệm vụ giao tại phiên này được theo dõi tại phiên họp sau."
           : "The tasks still open above, with those assigned at this session, are followed up at the next session."
    }

    /// A date as the interface writes it: 30/09/2026, or 2026-09-30 in English.
    public func date(_ d: LocalDate) -> String { vi ? d.vietnamese : d.description }

    public func status(_ s: TaskStatus) -> String {
        if vi { return s.vietnamese }
        switch s {
        case .done: return "done"
        case .inProgress: return "in progress"
        case .notStarted: return "not started"
        }
    }

    /// "quá hạn 115 ngày" / "115 days overdue".
    public func overdue(_ days: Int) -> String { vi ? "quá hạn \(days) ngày" : "\(days) day\(days == 1 ? "" : "s") overdue" }

    /// "xong 20/03/2026", "đang làm; quá hạn 3 ngày", "chưa báo cáo; quá hạn 115 ngày": a task past its
    /// due date and not reported done always says it is overdue.
    public func standing(_ s: TaskStanding) -> String {
        var parts: [String] = []
        if let report = s.report {
            parts.append(status(report.status) + (report.doneOn.map { " " + date($0) } ?? ""))
        } else {
            parts.append(noReport)
        }
        if s.isOverdue { parts.append(overdue(s.daysOverdue)) }
        return parts.joined(separator: "; ")
    }

    /// The deadline: the date, the text as typed, or "(chưa định)".
    public func due(_ task: CouncilTask) -> String { task.due.map(date) ?? task.dueText ?? noDeadline }

    /// "Sở KH&CN Quảng Ngãi, 10/07/2026" (who reported and the date its figures are as of).
    public func reported(_ s: TaskStanding) -> String {
        guard let by = s.reportedBy else { return "" }
        return by + (s.reportedOn.map { ", " + date($0) } ?? "")
    }

    /// "Quảng Ngãi (trước đây Kon Tum)" for an owner that took a former unit's task.
    public func owner(_ s: TaskStanding) -> String {
        guard let id = s.owner else { return s.ownerName }
        let names = s.task.formerOwners.filter { $0 != id && UnitsCatalogue.successor(of: $0)?.id == id }.map(UnitsCatalogue.formerName)
        return names.isEmpty ? s.ownerName : s.ownerName + (vi ? " (trước đây " : " (formerly ") + names.joined(separator: ", ") + ")"
    }

    /// "Phiên họp thường kỳ năm 2025, 26/07/2025".
    public func origin(_ task: CouncilTask) -> String { task.origin.meetingTitle + ", " + date(task.origin.meetingDate) }
}
