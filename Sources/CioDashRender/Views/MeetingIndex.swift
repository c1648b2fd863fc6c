import CioDashCore

/// A loaded meeting with what navigation and the screen look up on every key: where each province
/// and topic is, and each topic's ranking. Built once per meeting (per reload),
/// so that selections can be kept by id and still be found in constant time.
public struct MeetingIndex: Sendable {
    public let meeting: Meeting
    private let provinceNumbers: [String: Int]
    private let topicNumbers: [String: Int]
    /// Per topic id: province ids, best first, and each id's place in that ranking.
    private let rankings: [String: [String]]
    private let rankNumbers: [String: [String: Int]]

    public init(meeting: Meeting) {
        self.meeting = meeting
        provinceNumbers = Self.numbers(meeting.provinces.map(\.id))
        topicNumbers = Self.numbers(meeting.topics.map(\.id))
        var rankings: [String: [String]] = [:]
        var rankNumbers: [String: [String: Int]] = [:]
        for topic in meeting.topics where rankings[topic.id] == nil {
            let ids = meeting.ranked(topic: topic).map(\.id)
            rankings[topic.id] = ids
            rankNumbers[topic.id] = Self.numbers(ids)
        }
        self.rankings = rankings
        self.rankNumbers = rankNumbers
    }

    private static func numbers(_ ids: [String]) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for (i, id) in ids.enumerated() where numbers[id] == nil { numbers[id] = i }
        return numbers
    }

    /// Display position of a province (nil: not in this meeting).
    public func provinceNumber(_ id: String?) -> Int? { id.flatMap { provinceNumbers[$0] } }
    /// Agenda position of a topic (nil: not in this meeting).
    public func topicNumber(_ id: String?) -> Int? { id.flatMap { topicNumbers[$0] } }

    public func provinceID(at i: Int) -> String? {
        meeting.provinces.indices.contains(i) ? meeting.provinces[i].id : nil
    }

    public func topicID(at i: Int) -> String? {
        meeting.topics.indices.contains(i) ? meeting.topics[i].id : nil
    }

    /// Province ids of `topic`'s ranking, best first.
    public func ranking(_ topic: String) -> [String] { rankings[topic] ?? [] }

    /// Place of `province` in `topic`'s ranking.
    public func rankNumber(_ province: String?, topic: String) -> Int? {
        province.flatMap { rankNumbers[topic]?[$0] }
    }

    /// The selected province, falling back to the first when none (or a vanished one) is selected.
    public func selectedProvince(_ selection: ViewSelection) -> String? {
        provinceNumber(selection.province) != nil ? selection.province : provinceID(at: 0)
    }

    /// The selected topic, falling back to the first.
    public func selectedTopic(_ selection: ViewSelection) -> String? {
        topicNumber(selection.topic) != nil ? selection.topic : topicID(at: 0)
    }

    /// The selected row of the selection's view, as the view numbers its items (nil: nothing selectable).
    public func selectedRow(_ selection: ViewSelection) -> Int? {
        selection.view.kind.selectedRow(selection.view, self, selection)
    }

    /// The selected topic column of a view whose columns are the topics (the overview).
    public func selectedColumn(_ selection: ViewSelection) -> Int? {
        selection.view.kind.lists.contains(.topics) ? (topicNumber(selectedTopic(selection)) ?? 0) : nil
    }

    /// The province `d` places from the selected one (or from `from`) in display order, kept in range.
    public func province(after s: ViewSelection, by d: Int, from: String? = nil) -> String? {
        let i = provinceNumber(from ?? selectedProvince(s)) ?? 0
        return provinceID(at: min(max(0, i + d), max(0, meeting.provinces.count - 1)))
    }

    /// The topic `d` places from the selected one (or from `from`) in agenda order, kept in range.
    public func topic(after s: ViewSelection, by d: Int, from: String? = nil) -> String? {
        let i = topicNumber(from ?? selectedTopic(s)) ?? 0
        return topicID(at: min(max(0, i + d), max(0, meeting.topics.count - 1)))
    }

    /// Whether `view` names things this meeting has.
    public func exists(_ view: ViewID) -> Bool {
        view.kind.exists(view, self)
    }
}
