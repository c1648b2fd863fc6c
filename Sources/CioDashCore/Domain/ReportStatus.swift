/// How a province stands on one agenda topic, as the province itself reports it.
public enum ReportStatus: String, CaseIterable, Sendable, Hashable {
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case behind = "behind"
    case notStarted = "not-started"
    case unknown = "unknown"
}
