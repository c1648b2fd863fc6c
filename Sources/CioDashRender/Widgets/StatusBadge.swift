import CioDashCore

/// A status that reads without colour: a distinct symbol for each status, then its name.
public enum StatusBadge {
    public static func symbol(_ status: ReportStatus) -> String {
        switch status {
        case .onTrack: return "●"
        case .atRisk: return "▲"
        case .behind: return "▼"
        case .notStarted: return "○"
        case .unknown: return "?"
        }
    }

    public static func role(_ status: ReportStatus) -> StyleRole {
        switch status {
        case .onTrack: return .onTrack
        case .atRisk: return .atRisk
        case .behind: return .behind
        case .notStarted: return .notStarted
        case .unknown: return .unknown
        }
    }

    /// "● đúng tiến độ", or the short form when `short` is set.
    public static func text(_ status: ReportStatus, labels: Labels, short: Bool = false) -> String {
        let name = (short ? labels.statusShort : labels.statusLong)[status] ?? status.rawValue
        return symbol(status) + " " + name
    }
}
