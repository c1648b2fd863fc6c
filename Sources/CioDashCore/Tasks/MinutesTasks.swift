/// The tasks a session's minutes journal assigned (the *Giao nhiệm vụ* rows the secretary typed), as
/// the meeting's tasks: the "who" matched to provinces as the documents match it, the deadline read
/// as a date when it is one.
public enum MinutesTasks {
    /// Every assignment row with a task or an owner, in agenda order; ids `<date>-<topic>-<row>`.
    public static func tasks(_ record: MinutesRecord, meeting: Meeting) -> [CouncilTask] {
        var tasks: [CouncilTask] = []
        for topic in meeting.topics {
            let conclusion = record.text(.conclusions(topic: topic.id))
            for row in record.assignments(topic.id) where !(row.who.isEmpty && row.what.isEmpty) {
                let (owners, bodies) = owners(row.who, in: meeting.provinces)
                let due = TaskDueDate.parse(row.due)
                let origin = TaskOrigin(meetingTitle: meeting.title, meetingDate: meeting.date, topic: topic.id,
                                        topicTitle: topic.title, conclusion: conclusion.isEmpty ? nil : conclusion)
                tasks.append(CouncilTask(id: "\(meeting.date)-\(topic.id)-\(row.row)", owners: owners, bodies: bodies,
                                         what: row.what, due: due, dueText: due == nil && !row.due.isEmpty ? row.due : nil,
                                         origin: origin))
            }
        }
        return tasks
    }

    /// A typed "who": the provinces when every part names one ("quang tri, dak lak"), else one body as typed.
    public static func owners(_ typed: String, in provinces: [ProvinceReport]) -> (provinces: [String], bodies: [String]) {
        let parts = ProvinceNameMatch.parts(typed)
        let matched = parts.compactMap { ProvinceNameMatch.province($0, in: provinces)?.id }
        if !parts.isEmpty && matched.count == parts.count { return (matched, []) }
        let body = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        return ([], body.isEmpty ? [] : [body])
    }
}
