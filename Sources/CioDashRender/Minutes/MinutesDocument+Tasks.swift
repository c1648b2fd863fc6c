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
        if !done.isEmpty {
            blocks.append(.field(label: t.reportedDone, value: ""))
            blocks.append(.table(.init(header: ["STT", t.owner, t.what, t.due, t.standing, t.document],
                                       rows: done.enumerated().map { n, s in
                                           ["\(n + 1)", t.owner(s), s.task.what, t.due(s.task), t.standing(s), s.report?.reference ?? ""]
                                       }, weights: [7, 20, 33, 13, 14, 13])))
        }
        if !open.isEmpty {
            blocks.append(.field(label: t.stillOpen, value: ""))
            blocks.append(.table(.init(header: ["STT", t.owner, t.what, t.due, t.standing],
                                       rows: open.enumerated().map { n, s in
                                           ["\(n + 1)", t.owner(s), s.task.what, t.due(s.task),
                                            t.standing(s) + (s.report?.note.map { " — " + $0 } ?? "")]
                                       }, weights: [7, 20, 35, 13, 25])))
        }
        return blocks
    }
}
