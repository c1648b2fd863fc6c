import CioDashRender
import CioDashCore

/// The presenter's slides: the agenda, the overview, then for each topic what its `slides:` says
/// (by default its ranking followed by each province's panel, in the meeting's province order);
/// last, the time summary.
///
/// A slide is known by the view it shows; its number is only where it is in this deck, which a
/// reload rebuilds.
public struct PresenterDeck: Equatable, Sendable {
    public let slides: [ViewID]
    private let numbers: [ViewID: Int]
    /// Where each topic's slides start (its ranking), in order.
    private let topicStarts: [Int]

    public init(meeting: Meeting) {
        var slides: [ViewID] = [.agenda, .overview]
        var starts: [Int] = []
        // "Kết quả thực hiện kết luận phiên trước": the session opens by asking what became of the tasks.
        if !meeting.tasks.isEmpty { slides.append(.tasks) }
        for topic in meeting.topics {
            switch topic.slides {
            case .none: continue
            case .ranking:
                starts.append(slides.count); slides.append(.topic(topic.id))
            case .panels:
                starts.append(slides.count); slides.append(.topic(topic.id))
                slides += meeting.provinces.map { .panel(province: $0.id, topic: topic.id) }
            case .provinces(let ids):
                starts.append(slides.count); slides.append(.topic(topic.id))
                // Ids with no status file have no panel to show (`check` warns about the list).
                slides += ids.filter { meeting.province($0) != nil }.map { .panel(province: $0, topic: topic.id) }
            }
        }
        slides.append(.closing)
        self.slides = slides
        topicStarts = starts
        var numbers: [ViewID: Int] = [:]
        for (i, slide) in slides.enumerated() where numbers[slide] == nil { numbers[slide] = i }
        self.numbers = numbers
    }

    /// Where `view` is in the deck, or nil when the deck has no such slide.
    public func index(of view: ViewID) -> Int? { numbers[view] }

    /// The topic a slide belongs to, for the countdown.
    public func topic(at index: Int) -> String? {
        guard slides.indices.contains(index) else { return nil }
        return slides[index].topicID
    }

    /// First slide of the next (or previous) topic from `index`.
    public func topicStart(from index: Int, forward: Bool) -> Int {
        let current = topic(at: index)
        let starts = topicStarts
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
        return index(of: .topic(meeting.topics[number - 1].id))
    }
}
