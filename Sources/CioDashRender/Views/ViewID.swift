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

    /// `overview`, `topic:smart-city`, `panel:da-nang/smart-city`: the kind's name, then its argument.
    public var description: String {
        let kind = self.kind
        return kind.argument(self).map { kind.name + ":" + $0 } ?? kind.name
    }

    /// The view its `description` names, exactly: the inverse of `description` for every kind (no
    /// name matching: for machine-written text such as the room link's messages; `ViewResolver`
    /// reads what people type).
    public init?(description text: String) {
        let colon = text.firstIndex(of: ":")
        guard let kind = ViewKind.named[String(text[..<(colon ?? text.endIndex)])],
              let view = kind.parse(colon.map { String(text[text.index(after: $0)...]) }) else { return nil }
        self = view
    }

    /// A name for files: `panel-da-nang-smart-city`.
    public var fileStem: String {
        description.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "/", with: "-")
    }

    /// The view's name in the interface language, with the data's names.
    public func title(in meeting: Meeting, labels: Labels, language: Language) -> String {
        kind.title(self, meeting, labels, language)
    }

    /// The province and topic opening this view points the selection at (nil: left as it is).
    public var selection: (province: String?, topic: String?) { kind.selects(self) }
}
