/// One thing a council session asked of provinces or bodies (giao nhiệm vụ): who, what, by when, and
/// where it was decided. A task stays the same task from one meeting to the next: its id is kept when
/// `ciodash init --from` carries it, its owners follow the units as they stand on each meeting's date.
public struct CouncilTask: Hashable, Sendable {
    /// Lower-case letters, digits and hyphens: the key a province's `tasks:` report uses.
    public var id: String
    /// The provinces given the task, by this meeting's province ids.
    public var owners: [String]
    /// Bodies that are not provinces ("Bưu điện các tỉnh"), as written.
    public var bodies: [String]
    public var what: String
    public var due: LocalDate?
    /// The deadline as typed when it is not a date ("quý IV"); nil when `due` says it or none was given.
    public var dueText: String?
    public var origin: TaskOrigin
    /// The owners as the meeting that set the task named them, when a change of units since has given
    /// it to others (Kon Tum's task is Quảng Ngãi's from 1 July 2025): kept for the record.
    public var formerOwners: [String]

    public init(id: String, owners: [String], bodies: [String] = [], what: String, due: LocalDate? = nil,
                dueText: String? = nil, origin: TaskOrigin, formerOwners: [String] = []) {
        self.id = id
        self.owners = owners
        self.bodies = bodies
        self.what = what
        self.due = due
        self.dueText = dueText
        self.origin = origin
        self.formerOwners = formerOwners
    }

    /// Whether a province (by id) is one of the task's owners.
    public func isOwned(by province: String) -> Bool { owners.contains(province) }
}

/// The session and the conclusion a task comes from.
public struct TaskOrigin: Hashable, Sendable {
    public var meetingTitle: String
    public var meetingDate: LocalDate
    /// The agenda item's id, when known.
    public var topic: String?
    /// The agenda item's title as that meeting wrote it (the topic may not be on a later agenda).
    public var topicTitle: String?
    /// The conclusion the task carries out, as the minutes wrote it.
    public var conclusion: String?

    public init(meetingTitle: String, meetingDate: LocalDate, topic: String? = nil, topicTitle: String? = nil,
                conclusion: String? = nil) {
        self.meetingTitle = meetingTitle
        self.meetingDate = meetingDate
        self.topic = topic
        self.topicTitle = topicTitle
        self.conclusion = conclusion
    }
}
