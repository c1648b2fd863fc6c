extension MeetingFile {
    static let knownTaskKeys = ["id", "owners", "bodies", "what", "due", "meeting", "meeting_date", "topic", "topic_title",
                                "conclusion", "was"]

    /// `tasks:`: what earlier sessions (or this one, when its minutes were taken elsewhere) asked.
    /// Duplicate ids, a task with no owner, and a due date before the meeting that set the task are
    /// errors; the owners are checked against the provinces later (`MeetingLoader`). One pass, one
    /// dictionary: linear in the number of tasks.
    static func decodeTasks(_ node: YAMLNode?, _ reader: FieldReader, meetingTitle: String, meetingDate: LocalDate,
                            owners: inout [(task: String, owner: Placed<String>)]) -> [CouncilTask] {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let items) = node.content else {
            reader.error(at: node, LoadMessages.wrongKind("tasks", expected: "a list of tasks", found: node.kindDescription))
            return []
        }
        var tasks: [CouncilTask] = []
        tasks.reserveCapacity(items.count)
        var firstLines: [String: Int] = [:]
        for item in items {
            guard let fields = reader.fields(item, key: "task", known: knownTaskKeys),
                  let id = reader.requiredText(fields, "id"), let idNode = fields["id"] else { continue }
            guard ScalarText.isIdentifier(id) else {
                reader.error(at: idNode, LoadMessages.badTaskID(id))
                continue
            }
            if let first = firstLines[id] {
                reader.error(at: idNode, LoadMessages.duplicateTask(id, firstLine: first))
                continue
            }
            firstLines[id] = idNode.line
            let what = reader.requiredText(fields, "what") ?? ""
            var ownerIDs: [String] = []
            if let list = fields["owners"] {
                let items: [YAMLNode]
                if case .sequence(let nodes) = list.content { items = nodes } else { items = list.isNull ? [] : [list] }
                for ownerNode in items {
                    guard let owner = reader.text(ownerNode, key: "owners") else { continue }
                    ownerIDs.append(owner)
                    owners.append((id, Placed(owner, at: ownerNode)))
                }
            }
            let bodies = reader.textList(fields["bodies"], key: "bodies").filter { !$0.isEmpty }
            if ownerIDs.isEmpty && bodies.isEmpty { reader.error(at: idNode, LoadMessages.taskWithoutOwner(id)) }
            var setOn = meetingDate
            if let node = fields["meeting_date"], let date = reader.date(node, key: "meeting_date") {
                setOn = date
                if meetingDate < date { reader.error(at: node, LoadMessages.taskSetAfterMeeting(id, date, meetingDate)) }
            }
            var due: LocalDate?
            var dueText: String?
            if let node = fields["due"], let text = reader.text(node, key: "due"), !text.isEmpty {
                due = TaskDueDate.parse(text)
                if due == nil { dueText = text }
                if let due, due < setOn { reader.error(at: node, LoadMessages.dueBeforeSet(id, due, setOn)) }
            }
            let origin = TaskOrigin(meetingTitle: reader.text(fields["meeting"], key: "meeting") ?? meetingTitle,
                                    meetingDate: setOn, topic: reader.text(fields["topic"], key: "topic"),
                                    topicTitle: reader.text(fields["topic_title"], key: "topic_title"),
                                    conclusion: reader.text(fields["conclusion"], key: "conclusion"))
            tasks.append(CouncilTask(id: id, owners: ownerIDs, bodies: bodies, what: what, due: due, dueText: dueText,
                                     origin: origin, formerOwners: reader.textList(fields["was"], key: "was")))
        }
        return tasks
    }
}
