/// What the secretary recorded of one session: the fields' texts and the agenda clock's events.
/// Built by applying journal entries in order; the documents and the resumed presenter read it.
public struct MinutesRecord: Hashable, Sendable {
    /// The meeting this record belongs to: a journal from another meeting is refused by these.
    public var meetingTitle: String
    public var meetingDate: LocalDate
    /// The presenter's offset from UTC when the journal was begun, in seconds: documents print
    /// times in it, so they come out the same on any machine.
    public var utcOffset: Int
    /// Each field with text, as edits build it (a `FieldText`, so that replay is linear).
    private var texts: [MinutesField: FieldText] = [:]
    public private(set) var clock: [MinutesClockEvent] = []
    /// The time of the last entry applied.
    public private(set) var lastSeen: Double?

    public init(meetingTitle: String, meetingDate: LocalDate, utcOffset: Int) {
        self.meetingTitle = meetingTitle
        self.meetingDate = meetingDate
        self.utcOffset = utcOffset
    }

    /// A field's text ("" when nothing was typed).
    public func text(_ field: MinutesField) -> String { texts[field]?.string ?? "" }

    /// Applies one entry; false when an edit does not fit the field's text (the journal is damaged).
    @discardableResult
    public mutating func apply(_ entry: MinutesEntry) -> Bool {
        switch entry {
        case .set(let field, let text, _):
            texts[field] = text.isEmpty ? nil : FieldText(text)
        case .edit(let field, let edit, _):
            // Taken out while edited, so that the buffer is not copied (it has one owner).
            var text = texts.removeValue(forKey: field) ?? FieldText()
            let fits = text.apply(edit)
            if !text.isEmpty { texts[field] = text }
            guard fits else { return false }
        case .clock(let event):
            clock.append(event)
        }
        lastSeen = max(lastSeen ?? entry.at, entry.at)
        return true
    }

    /// The item whose clock was running when the record ends (a crash), if any.
    public var runningTopic: String? {
        var running: String?
        for e in clock {
            switch e.kind {
            case .start, .resume: running = e.topic
            case .stop, .pause, .end, .interrupted: running = nil
            case .alive: break
            }
        }
        return running
    }

    // MARK: Time

    /// One stretch of time an item's clock ran.
    public struct Run: Hashable, Sendable {
        public var topic: String
        public var from: Double
        public var to: Double
        public var seconds: Double { max(0, to - from) }
    }

    /// Every stretch the clock ran, in order. A run still going at the end of the record (a crash
    /// not yet resumed) ends at the last time the record knows.
    public var runs: [Run] {
        var runs: [Run] = []
        var open: (topic: String, from: Double)?
        var last: Double?
        func close(_ at: Double) {
            if let o = open { runs.append(Run(topic: o.topic, from: o.from, to: max(o.from, at))) }
            open = nil
        }
        for e in clock {
            last = e.at
            switch e.kind {
            case .start, .resume:
                close(e.at)
                if let t = e.topic { open = (t, e.at) }
            case .stop, .pause, .end, .interrupted: close(e.at)
            case .alive: break
            }
        }
        if let end = [lastSeen, last].compactMap({ $0 }).max() { close(end) }
        return runs
    }

    /// Whole seconds each item's clock ran.
    public var spent: [String: Int] {
        var spent: [String: Double] = [:]
        for run in runs { spent[run.topic, default: 0] += run.seconds }
        return spent.mapValues(WholeNumber.seconds)
    }

    /// When the session began: the first time an item's clock ran.
    public var started: Double? { clock.first { $0.kind == .start || $0.kind == .resume }?.at }

    /// When it ended: `end` if the presenter closed, else the end of the last run.
    public var ended: Double? {
        if let end = clock.last(where: { $0.kind == .end }) { return end.at }
        return runs.last?.to
    }

    /// When an item was first reached and last left.
    public func span(of topic: String) -> (from: Double, to: Double)? {
        let mine = runs.filter { $0.topic == topic }
        guard let first = mine.first, let last = mine.last else { return nil }
        return (first.from, last.to)
    }

    /// Pauses during an item: from the pause to the resume (or to the end of the record).
    public func pauses(of topic: String) -> [(from: Double, to: Double)] {
        var out: [(Double, Double)] = []
        var since: Double?
        for e in clock {
            if e.kind == .pause && e.topic == topic { since = e.at }
            if let s = since, e.kind != .pause, e.kind != .alive {
                out.append((s, e.at))
                since = nil
            }
        }
        if let s = since { out.append((s, lastSeen ?? s)) }
        return out
    }

    // MARK: Assignments

    /// An assignment row as typed: the province or body, the task, by when.
    public struct Assignment: Hashable, Sendable {
        public var row: Int
        public var who: String
        public var what: String
        public var due: String
    }

    /// The rows of an item with anything in them, in row order.
    public func assignments(_ topic: String) -> [Assignment] {
        var rows: Set<Int> = []
        for key in texts.keys {
            if case .assignment(topic, let row, _) = key { rows.insert(row) }
        }
        return rows.sorted().map { row in
            Assignment(row: row, who: text(.assignment(topic: topic, row: row, part: .who)),
                       what: text(.assignment(topic: topic, row: row, part: .what)),
                       due: text(.assignment(topic: topic, row: row, part: .due)))
        }
    }

    /// The entries that rebuild this record: one `set` per field with text, then the clock.
    /// What a journal is compacted to.
    public var checkpoint: [MinutesEntry] {
        let at = lastSeen ?? 0
        let fields = texts.sorted { $0.key.key < $1.key.key }.map { MinutesEntry.set($0.key, $0.value.string, at: at) }
        return fields + clock.map(MinutesEntry.clock)
    }
}
