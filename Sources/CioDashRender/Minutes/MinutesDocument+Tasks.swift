import CioDashCore

extension MinutesDocument {
    /// "Kết quả thực hiện kết luận phiên trước": the earlier sessions' tasks (meeting.yaml's `tasks:`),
    /// what was reported done and what stays open, one row per owner. Empty when the meeting carries none.
    func followUp() -> [DocumentBlock] {
        guard !meeting.tasks.isEmpty else { return [] }
        let t = TaskLabels.forLanguage(language)
        let lines = meeting.taskStandings
        let done = lines.filter(\.isDone)
        let open = lines.filter { !$0.isDone }
        var blocks: [DocumentBlock] = [.heading(t.followUpTitle)]
        // One table layout for both lists: the standing says the date done and the document's number.
        func table(_ lines: [TaskStanding]) -> DocumentBlock {
            .table(.init(header: ["STT", t.owner, t.what, t.due, t.standing], rows: lines.enumerated().map { n, s in
                var standing = t.standing(s)
                if let reference = s.report?.reference { standing += " (\(reference))" }
                if let note = s.report?.note { standing += " — " + note }
                return ["\(n + 1)", t.owner(s), s.task.what, t.due(s.task), standing]
            }, weights: [7, 20, 35, 13, 25]))
        }
        if !done.isEmpty { blocks += [.field(label: t.reportedDone, value: ""), table(done)] }
        if !open.isEmpty { blocks += [.field(label: t.stillOpen, value: ""), table(open)] }
        return blocks
    }

    /// Bodies with a task still open: they receive the thông báo as a body given a task does.
    var bodiesWithOpenTasks: [String] {
        var seen = Set<String>()
        return meeting.taskStandings.filter { $0.owner == nil && !$0.isDone }.map(\.ownerName)
            .filter { seen.insert(SearchKey.fold($0)).inserted }
    }
}
