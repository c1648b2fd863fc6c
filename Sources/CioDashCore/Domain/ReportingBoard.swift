/// Who has reported: for each province of the meeting, whether its file arrived, when (its
/// `reported:` date and the file's time), how many of the metrics the agenda asks it filled, the
/// problems `check` finds in it, and whether the report is stale or dated after the meeting.
public struct ReportingBoard: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        /// The file arrived and `check` finds no error in it.
        case received
        /// The file arrived but has errors (no `id` or `name`, an unknown status, a file that is not
        /// a report at all): not counted as received until they are corrected.
        case receivedWithErrors = "received-with-errors"
        case notReported = "not-reported", broken

        /// Whether the file was read, so that its figures can be counted as filled.
        public var hasFigures: Bool { self == .received || self == .receivedWithErrors }
    }

    public struct Row: Hashable, Sendable {
        public var provinceID: String
        public var name: String
        public var state: State
        public var reported: LocalDate?
        /// The file's modification time, seconds since 1970 (UTC).
        public var fileTime: Int64?
        /// Metrics the agenda asks (declared, else each topic's headline) that the province reports, and how many.
        public var filled: Int
        public var asked: Int
        public var errors: Int
        public var warnings: Int
        /// Reported more than `ProvinceFile.staleAfterDays` days before the meeting.
        public var stale: Bool
        /// Reported after the meeting's date.
        public var afterMeeting: Bool
        /// What import recorded about the return's signature; nil when imported before signatures
        /// were checked, or written by hand.
        public var signature: SignatureRecord? = nil
    }

    public var rows: [Row]

    public init(_ meeting: Meeting) {
        let askedIDs = meeting.topics.map { Self.asked($0) }
        let asked = askedIDs.reduce(0) { $0 + $1.count }
        rows = meeting.provinces.map { p in
            let state: State = p.notReported ? .notReported : (p.isBroken ? .broken : (p.errorCount > 0 ? .receivedWithErrors : .received))
            var filled = 0
            for (topic, ids) in zip(meeting.topics, askedIDs) {
                guard let report = p.topics[topic.id] else { continue }
                filled += ids.filter { report.metric($0) != nil }.count
            }
            let days = p.reported.map { meeting.date.days(since: $0) }
            return Row(provinceID: p.id, name: p.name, state: state, reported: p.reported, fileTime: p.fileTime,
                       filled: filled, asked: asked, errors: p.errorCount, warnings: p.warningCount,
                       stale: (days ?? 0) > ProvinceFile.staleAfterDays, afterMeeting: (days ?? 0) < 0,
                       signature: p.notReported ? nil : p.signature)
        }
    }

    /// The metrics a topic asks for: those it declares, else its headline metric.
    public static func asked(_ topic: AgendaTopic) -> [String] {
        topic.metrics.isEmpty ? (topic.headline.map { [$0] } ?? []) : topic.metrics.map(\.id)
    }

    /// Reports received without errors: what the board's header counts as received.
    public var receivedCount: Int { rows.filter { $0.state == .received }.count }
    /// Files that arrived but cannot be counted: broken or with errors.
    public var withErrorsCount: Int { rows.filter { $0.state == .broken || $0.state == .receivedWithErrors }.count }
    public var notReportedCount: Int { rows.filter { $0.state == .notReported }.count }
}
