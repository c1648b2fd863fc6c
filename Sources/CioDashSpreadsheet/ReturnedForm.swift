import CioDashCore

/// What a province sent back: the figures, statuses and texts read from its form, each with its place.
public struct ReturnedForm: Hashable, Sendable {
    public struct Metric: Hashable, Sendable {
        public var id: String
        public var place: String?
        /// Nil when the value cell was left empty.
        public var value: Double?
        public var source: String?
    }

    public struct Topic: Hashable, Sendable {
        public var id: String
        public var place: String?
        public var status: ReportStatus?
        public var summary: String?
        public var metrics: [Metric]
    }

    /// The form's file name as the user gave it, for messages.
    public var file: String
    public var provinceID: String
    public var provinceIDPlace: String?
    public var reported: LocalDate?
    public var source: String?
    public var topics: [Topic]
    /// The answers on the tasks sheet or under `tasks:`.
    public var tasks: [ReturnedTask] = []
}
