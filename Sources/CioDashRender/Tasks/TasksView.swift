import CioDashCore

/// "Kết quả thực hiện kết luận phiên trước": every task earlier sessions gave (meeting.yaml's
/// `tasks:`), one line per owner — owner, what, due, standing (the status reported, the date done,
/// days overdue), who reported and when — by province, then by the meeting that set it. The same view
/// is `--view tasks`, the presenter's slide before the agenda's topics, and every report format. A task
/// past its due date without a report of *xong* is shown overdue, never done.
public enum TasksView {
    public static func render(_ meeting: Meeting, context: RenderContext) -> ViewBody {
        let t = TaskLabels.forLanguage(context.language)
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = 0
        func text(_ s: String, role: StyleRole, indent: Int = 0) {
            for line in TextLayout.wrap(s, width: max(1, width - indent)) {
                grid.ensureRow(y)
                grid.put(line, x: indent, y: y, role: role)
                y += 1
            }
        }
        let lines = meeting.taskStandings
        text(t.followUpTitle + " · " + t.date(meeting.date), role: .title)
        // With no task, one sentence says so (a line of zeros above it said nothing more).
        guard !lines.isEmpty else {
            text(t.none, role: .muted)
            return ViewBody(grid: grid)
        }
        text(summary(lines, t), role: lines.contains(where: \.isOverdue) ? .warning : .muted)
        // owner | what | due | standing | reported (from 120 columns)
        // A wide screen gives the owner, the standing and who reported room first: they are what is read.
        let wide = width >= 140
        let reportedWidth = width >= 120 ? (wide ? 34 : 28) : 0
        let fixed = [wide ? 30 : width >= 100 ? 22 : 16, 11, wide ? 34 : width >= 100 ? 28 : 22, reportedWidth]
        let whatWidth = max(8, width - fixed.reduce(0, +))
        let widths = [fixed[0], whatWidth, fixed[1], fixed[2], fixed[3]]
        // Each cell wraps within its column: nothing a clerk must read is cut.
        func row(_ cells: [String], roles: [StyleRole]) {
            var x = 0
            var height = 1
            for (i, cell) in cells.enumerated() where x < width && widths[i] > 0 {
                let columnWidth = max(1, min(widths[i] - 1, width - x))
                let lines = TextLayout.wrap(cell, width: columnWidth)
                for (n, line) in lines.enumerated() {
                    grid.ensureRow(y + n)
                    grid.put(line, x: x, y: y + n, maxWidth: columnWidth, role: roles[min(i, roles.count - 1)])
                }
                height = max(height, lines.count)
                x += widths[i]
            }
            grid.ensureRow(y)
            y += height
        }
        func table(_ rows: [TaskStanding]) {
            row([t.owner, t.what, t.due, t.standing, t.reportedBy], roles: [.header])
            Box.rule(in: &grid, x: 0, y: y, width: width)
            y += 1
            for s in rows {
                row([t.owner(s), s.task.what, t.due(s.task), t.standing(s), t.reported(s)],
                    roles: [.normal, .normal, s.isOverdue ? .warning : .normal, role(s), .muted])
            }
        }
        y += 1
        text(t.byProvince, role: .label)
        table(byProvince(lines, meeting))
        for (origin, rows) in byMeeting(lines, t) {
            y += 1
            text(t.byMeeting + ": " + origin, role: .label)
            table(rows)
        }
        return ViewBody(grid: grid)
    }

    /// The view's content for the reports: one table by province, one per meeting of origin, and one
    /// figure row per owner (CSV: `metric_id` the task id, `value` the days overdue).
    public static func report(_ meeting: Meeting, language: Language, into report: inout ViewReport) {
        let t = TaskLabels.forLanguage(language)
        let clean = { (s: String) in TextSanitizer.line(s) }
        let lines = meeting.taskStandings
        guard !lines.isEmpty else { return report.blocks.append(.paragraph(clean(t.none))) }
        report.blocks.append(.paragraph(clean(summary(lines, t))))
        let overdueHeader = language == .vi ? "Số ngày quá hạn" : "Days overdue"
        func table(_ rows: [TaskStanding]) -> ReportBlock {
            .table(ReportTable(header: [t.owner, t.what, t.due, t.standing, overdueHeader, t.reportedBy, t.setAt],
                               rows: rows.map { s in
                                   [clean(t.owner(s)), clean(s.task.what), clean(t.due(s.task)), clean(standingWithDocument(s, t)),
                                    s.isOverdue ? "\(s.daysOverdue)" : "", clean(t.reported(s)), clean(t.origin(s.task))]
                               }, numeric: [4]))
        }
        report.blocks.append(.heading(level: 3, text: t.byProvince))
        report.blocks.append(table(byProvince(lines, meeting)))
        for (origin, rows) in byMeeting(lines, t) {
            report.blocks.append(.heading(level: 3, text: t.byMeeting + ": " + clean(origin)))
            report.blocks.append(table(rows))
        }
        for s in lines {
            report.figures.append(FigureRow(
                provinceID: s.owner ?? "", province: clean(t.owner(s)), topicID: s.task.origin.topic ?? "",
                topic: clean(s.task.origin.topicTitle ?? s.task.origin.topic ?? ""), metricID: s.task.id, metric: clean(s.task.what),
                value: Double(s.daysOverdue), shown: clean(t.standing(s)), unit: language == .vi ? "ngày quá hạn" : "days overdue",
                statusID: s.report?.status.rawValue ?? "no-report", status: s.report.map { t.status($0.status) } ?? t.noReport,
                source: clean(t.reported(s))))
        }
    }

    /// "3 nhiệm vụ, 4 lượt giao: 1 đã xong, 3 chưa xong (2 quá hạn)".
    static func summary(_ lines: [TaskStanding], _ t: TaskLabels) -> String {
        let tasks = Set(lines.map(\.task.id)).count
        let done = lines.filter(\.isDone).count
        let overdue = lines.filter(\.isOverdue).count
        if t.language == .vi {
            return "\(tasks) nhiệm vụ, \(lines.count) lượt giao: \(done) đã xong, \(lines.count - done) chưa xong (\(overdue) quá hạn)"
        }
        return "\(tasks) task\(tasks == 1 ? "" : "s"), \(lines.count) owner\(lines.count == 1 ? "" : "s"): \(done) done, "
            + "\(lines.count - done) open (\(overdue) overdue)"
    }

    static func standingWithDocument(_ s: TaskStanding, _ t: TaskLabels) -> String {
        var text = t.standing(s)
        if let reference = s.report?.reference { text += " (\(reference))" }
        if let note = s.report?.note { text += " — " + note }
        return text
    }

    static func role(_ s: TaskStanding) -> StyleRole {
        if s.isOverdue { return .behind }
        switch s.report?.status {
        case .done?: return .onTrack
        case .inProgress?: return .atRisk
        case .notStarted?, nil: return .muted
        }
    }

    /// Provinces in the meeting's order, each province's tasks in the meeting's order; bodies after,
    /// in Vietnamese order.
    static func byProvince(_ lines: [TaskStanding], _ meeting: Meeting) -> [TaskStanding] {
        var rank: [String: Int] = [:]
        for (i, p) in meeting.provinces.enumerated() where rank[p.id] == nil { rank[p.id] = i }
        let indexed = Array(lines.enumerated())
        return indexed.sorted { a, b in
            let (x, y) = (a.element, b.element)
            switch (x.owner, y.owner) {
            case let (p?, q?):
                let (rp, rq) = (rank[p] ?? Int.max, rank[q] ?? Int.max)
                return rp != rq ? rp < rq : (p != q ? p < q : a.offset < b.offset)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil):
                return x.ownerName != y.ownerName ? VietnameseCollation.precedes(x.ownerName, y.ownerName) : a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Lines grouped by the meeting that set them, oldest first: "Phiên họp …, 20/06/2025".
    static func byMeeting(_ lines: [TaskStanding], _ t: TaskLabels) -> [(String, [TaskStanding])] {
        var groups: [(key: String, date: LocalDate, rows: [TaskStanding])] = []
        var index: [String: Int] = [:]
        for s in lines {
            let key = s.task.origin.meetingTitle + "\u{0}" + s.task.origin.meetingDate.description
            if let i = index[key] { groups[i].rows.append(s) } else {
                index[key] = groups.count
                groups.append((key, s.task.origin.meetingDate, [s]))
            }
        }
        return groups.sorted { $0.date < $1.date }.map { group in
            let first = group.rows[0].task
            return (first.origin.meetingTitle + ", " + t.date(first.origin.meetingDate), group.rows)
        }
    }
}

extension TasksView {
    /// A province's own tasks at the foot of its view: each with its deadline and standing (overdue
    /// in the warning colour). Nothing when the province was given none.
    static func drawOwn(in grid: inout Grid, y start: Int, width: Int, meeting: Meeting, province: String,
                        context: RenderContext) -> Int {
        let own = meeting.taskStandings.filter { $0.owner == province }
        guard !own.isEmpty else { return start }
        let t = TaskLabels.forLanguage(context.language)
        var y = start + 1
        y = Box.labelledRule(in: &grid, y: y, width: width, label: t.viewTitle, whole: context.wholeText)
        for s in own {
            let line = "• " + s.task.what + " — " + t.due + " " + t.due(s.task) + ": " + standingWithDocument(s, t)
            for (n, part) in TextLayout.wrap(line, width: max(1, width - 2)).enumerated() {
                grid.ensureRow(y)
                grid.put(part, x: n == 0 ? 0 : 2, y: y, role: s.isOverdue ? .warning : .normal)
                y += 1
            }
        }
        return y
    }

    /// The same for the province's report: one table of its tasks.
    static func ownReport(_ meeting: Meeting, province: String, language: Language) -> [ReportBlock] {
        let own = meeting.taskStandings.filter { $0.owner == province }
        guard !own.isEmpty else { return [] }
        let t = TaskLabels.forLanguage(language)
        let clean = { (s: String) in TextSanitizer.line(s) }
        return [.heading(level: 3, text: t.viewTitle),
                .table(ReportTable(header: [t.what, t.due, t.standing, t.setAt], rows: own.map { s in
                    [clean(s.task.what), clean(t.due(s.task)), clean(standingWithDocument(s, t)), clean(t.origin(s.task))]
                }))]
    }
}

extension TasksView {
    /// `tasks`: a list to read, nothing to select.
    static let kind = ViewKind(
        name: "tasks",
        title: { _, _, language in TaskLabels.forLanguage(language).followUpTitle },
        render: { meeting, context in render(meeting, context: context) },
        report: { context, report in TasksView.report(context.meeting, language: context.language, into: &report); return true },
        browse: { move, _, s in ViewKind.scroll(move, &s); return nil })
}

extension ViewID {
    /// What became of the tasks earlier sessions gave (meeting.yaml's `tasks:`).
    public static let tasks = ViewID(TasksView.kind)
}
