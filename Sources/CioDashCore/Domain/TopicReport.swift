/// What one province reports on one agenda topic.
public struct TopicReport: Hashable, Sendable {
    public var status: ReportStatus
    public var summary: String?
    public var metrics: [Metric]
    public var highlights: [String]
    /// Obstacles (vướng mắc) the province raises.
    public var issues: [String]

    public init(status: ReportStatus, summary: String? = nil, metrics: [Metric] = [],
                highlights: [String] = [], issues: [String] = []) {
        self.status = status
        self.summary = summary
        self.metrics = metrics
        self.highlights = highlights
        self.issues = issues
    }

    /// The metric with this id, if the province reports it.
    public func metric(_ id: String) -> Metric? { metrics.first { $0.id == id } }
}
