/// One item of the meeting's agenda.
public struct AgendaTopic: Hashable, Sendable {
    /// `[a-z0-9-]+`, unique within the meeting.
    public var id: String
    public var title: String
    public var titleEN: String?
    /// Time budget in minutes for the presenter's countdown.
    public var minutes: Int?
    /// The metric id the overview shows for this topic.
    public var headline: String?
    /// The presenter's slides for this topic.
    public var slides: SlideChoice = .panels
    /// The metrics declared for this topic in the agenda (`metrics:`), in the order written.
    public var metrics: [MetricDefinition]
    /// The speaker's notes (`notes:`), shown only in the speaker view, paragraphs kept.
    public var notes: String?

    public init(id: String, title: String, titleEN: String? = nil, minutes: Int? = nil, headline: String? = nil,
                metrics: [MetricDefinition] = []) {
        self.id = id
        self.title = title
        self.titleEN = titleEN
        self.minutes = minutes
        self.headline = headline
        self.metrics = metrics
    }

    /// The agenda's definition of a metric of this topic.
    public func definition(_ metricID: String) -> MetricDefinition? { metrics.first { $0.id == metricID } }

    /// The title in the requested language, falling back to Vietnamese.
    public func title(in language: Language) -> String {
        language == .en ? (titleEN ?? title) : title
    }
}
