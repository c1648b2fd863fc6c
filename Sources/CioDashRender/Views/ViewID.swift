import Foundation
import CioDashCore

/// Which view is shown: the same names the `--view` option takes.
public enum ViewID: Hashable, Sendable, CustomStringConvertible {
    case agenda
    case overview
    case topic(String)
    case province(String)
    case panel(province: String, topic: String)
    /// One province × topic across the meetings of the `previous:` chain.
    case history(province: String, topic: String)
    /// The presenter's last slide: planned and spent time per topic.
    case closing
    /// The reporting board: who has reported, when, and how completely.
    case status
    /// What became of the tasks earlier sessions gave (meeting.yaml's `tasks:`): `TasksView`.
    case tasks

    /// `overview`, `topic:smart-city`, `panel:da-nang/smart-city`.
    public var description: String {
        switch self {
        case .agenda: return "agenda"
        case .closing: return "closing"
        case .status: return "status"
        case .tasks: return "tasks"
        case .overview: return "overview"
        case .topic(let t): return "topic:\(t)"
        case .province(let p): return "province:\(p)"
        case .panel(let p, let t): return "panel:\(p)/\(t)"
        case .history(let p, let t): return "history:\(p)/\(t)"
        }
    }

    /// The view its `description` names, exactly: the inverse of `description` for every kind (no
    /// name matching: for machine-written text such as the room link's messages; `ViewResolver`
    /// reads what people type).
    public init?(description text: String) {
        switch text {
        case "agenda": self = .agenda
        case "closing": self = .closing
        case "overview": self = .overview
        case "status": self = .status
        case "tasks": self = .tasks
        default:
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let argument = String(text[text.index(after: colon)...])
            guard !argument.isEmpty else { return nil }
            switch text[..<colon] {
            case "topic": self = .topic(argument)
            case "province": self = .province(argument)
            case "panel", "history":
                guard let slash = argument.lastIndex(of: "/") else { return nil }
                let p = String(argument[..<slash]), t = String(argument[argument.index(after: slash)...])
                guard !p.isEmpty, !t.isEmpty else { return nil }
                self = text[..<colon] == "panel" ? .panel(province: p, topic: t) : .history(province: p, topic: t)
            default: return nil
            }
        }
    }

    /// A name for files: `panel-da-nang-smart-city`.
    public var fileStem: String {
        description.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "/", with: "-")
    }

    /// The view's name in the interface language, with the data's names.
    public func title(in meeting: Meeting, labels: Labels, language: Language) -> String {
        switch self {
        case .agenda: return labels.agenda
        case .closing: return labels.closing
        case .status: return labels.language == .vi ? "Tình hình báo cáo" : "Reporting board"
        case .tasks: return TaskLabels.forLanguage(language).followUpTitle
        case .overview: return labels.overview
        case .topic(let t): return meeting.topic(t)?.title(in: language) ?? t
        case .province(let p): return meeting.province(p)?.name ?? p
        case .panel(let p, let t):
            return (meeting.province(p)?.name ?? p) + " · " + (meeting.topic(t)?.title(in: language) ?? t)
        case .history(let p, let t):
            return (meeting.province(p)?.name ?? p) + " · " + (meeting.topic(t)?.title(in: language) ?? t)
                + " · " + labels.acrossMeetings
        }
    }
}
