/// Where one owner of a task stands at a meeting: what it reported, or that it is overdue or open.
/// A task past its due date is overdue until its owner reports it done, whatever else it reported.
public struct TaskStanding: Hashable, Sendable {
    public var task: CouncilTask
    /// The province's id, nil for a body (bodies send no return).
    public var owner: String?
    /// The province's name on the meeting's date, or the body as written.
    public var ownerName: String
    public var report: TaskReport?
    /// Who reported (the status file's `source:`, else the province) and as of when (its `reported:`).
    public var reportedBy: String?
    public var reportedOn: LocalDate?
    /// Days past the due date at the meeting's date; 0 when not overdue.
    public var daysOverdue: Int

    public var isDone: Bool { report?.status == .done }
    public var isOverdue: Bool { daysOverdue > 0 }
}

extension Meeting {
    /// Every task's standing, one per owner (a task given to two provinces is two lines), in the
    /// order of `tasks`; bodies after the task's provinces.
    public var taskStandings: [TaskStanding] {
        var lines: [TaskStanding] = []
        lines.reserveCapacity(tasks.count)
        for task in tasks {
            let late = task.due.map { max(0, date.days(since: $0)) } ?? 0
            for owner in task.owners {
                let province = province(owner)
                let report = province?.tasks[task.id]
                lines.append(TaskStanding(task: task, owner: owner,
                                          ownerName: province?.name ?? UnitsCatalogue.unit(id: owner, on: date)?.name
                                              ?? UnitsCatalogue.formerName(owner),
                                          report: report,
                                          reportedBy: report == nil ? nil : (province?.source ?? province?.name),
                                          reportedOn: report == nil ? nil : province?.reported,
                                          daysOverdue: report?.status == .done ? 0 : late))
            }
            for body in task.bodies {
                lines.append(TaskStanding(task: task, owner: nil, ownerName: body, report: nil, reportedBy: nil,
                                          reportedOn: nil, daysOverdue: late))
            }
        }
        return lines
    }

    /// The tasks a province was given, in the meeting's order.
    public func tasks(of province: String) -> [CouncilTask] { tasks.filter { $0.isOwned(by: province) } }
}
