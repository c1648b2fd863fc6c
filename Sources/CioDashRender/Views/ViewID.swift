import Foundation
import CioDashCore

/// Which view is shown: its kind (by the kind's name) and what it is about. The same names the
/// `--view` option takes: `overview`, `topic:smart-city`, `panel:da-nang/smart-city`.
///
/// Each view's own file names its views (`ViewID.agenda`, `ViewID.panel(province:topic:)`) beside
/// its kind; `ViewKinds.swift` registers the kind.
public struct ViewID: Hashable, Sendable, CustomStringConvertible {
    /// The name of the view's kind (`panel`).
    public let name: String
    /// The province the view is about (province, panel and history views).
    public let provinceID: String?
    /// The topic the view is about (topic, panel and history views).
    public let topicID: String?

    init(_ kind: ViewKind, province: String? = nil, topic: String? = nil) {
        self.init(name: kind.name, province: province, topic: topic)
    }

    init(name: String, province: String? = nil, topic: String? = nil) {
        self.name = name
        self.provinceID = province
        self.topicID = topic
    }

    /// The description of this view's kind.
    public var kind: ViewKind {
        // Views are made only by kinds, and `ViewIDTests` holds every kind of the sources registered.
        guard let kind = ViewKind.named[name] else { preconditionFailure("view kind \(name) is not in ViewKinds.swift") }
        return kind
    }

    /// `overview`, `topic:smart-city`, `panel:da-nang/smart-city`: the kind's name, then the
    /// province and topic the view is about, in that order, joined by `/`.
    public var description: String {
        let argument = [provinceID, topicID].compactMap { $0 }.joined(separator: "/")
        return argument.isEmpty ? name : name + ":" + argument
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

    /// The province and topic opening this view points the selection at (nil: left as it is):
    /// the ones it is about.
    public var selection: (province: String?, topic: String?) { (provinceID, topicID) }
}
