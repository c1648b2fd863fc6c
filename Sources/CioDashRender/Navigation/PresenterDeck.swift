import CioDashCore

/// The presenter's slides: the agenda, the overview, then for each topic its topic view followed by
/// each province's panel for that topic, in the meeting's province order.
public struct PresenterDeck: Equatable, Sendable {
    public let slides: [ViewID]

    public init(meeting: Meeting) {
        var slides: [ViewID] = [.agenda, .overview]
        for topic in meeting.topics {
            slides.append(.topic(topic.id))
            slides += meeting.provinces.map { .panel(province: $0.id, topic: topic.id) }
        }
        self.slides = slides
    }

    /// The topic a slide belongs to, for the countdown.
    public func topic(at index: Int) -> String? {
        guard slides.indices.contains(index) else { return nil }
        switch slides[index] {
        case .topic(let t), .panel(_, let t): return t
        default: return nil
        }
    }

    /// First slide of the next (or previous) topic from `index`.
    public func topicStart(from index: Int, forward: Bool) -> Int {
        let current = topic(at: index)
        let starts = slides.indices.filter { if case .topic = slides[$0] { return true } else { return false } }
        if forward {
            return starts.first { $0 > index && topic(at: $0) != current } ?? index
        }
        // Backward: to the start of this topic if inside it, else to the previous topic's start.
        if let here = starts.last(where: { $0 <= index }), here < index { return here }
        return starts.last { $0 < index } ?? 0
    }

    /// Slide of agenda item `number` (1-based): its topic view.
    public func slide(forTopicNumber number: Int, in meeting: Meeting) -> Int? {
        guard number >= 1, number <= meeting.topics.count else { return nil }
        return slides.firstIndex(of: .topic(meeting.topics[number - 1].id))
    }
}
