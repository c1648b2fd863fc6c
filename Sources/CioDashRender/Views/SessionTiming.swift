import CioDashCore

/// The presenter's time so far, for the agenda and closing slides and the banner: seconds spent on
/// each topic, and how far ahead of or behind the agenda the session is.
public struct SessionTiming: Equatable, Sendable {
    /// Whole seconds spent per topic id (topics never shown are absent).
    public var spent: [String: Int]
    /// The topic whose countdown runs now.
    public var current: String?

    public init(spent: [String: Int], current: String?) {
        self.spent = spent
        self.current = current
    }

    /// From the countdown's state at time `now`.
    public init(timer: TopicTimer, now: Double) {
        var spent: [String: Int] = [:]
        for topic in Set(timer.spent.keys).union(timer.activeTopic.map { [$0] } ?? []) {
            spent[topic] = WholeNumber.seconds(timer.elapsed(topic, now: now))
        }
        self.init(spent: spent, current: timer.activeTopic)
    }

    /// Seconds behind the agenda (negative: ahead). A topic left early gives its spare time back;
    /// the running topic counts only once it runs over.
    public func delta(_ meeting: Meeting) -> Int {
        var delta = 0
        for topic in meeting.topics {
            guard let used = spent[topic.id], let minutes = topic.minutes else { continue }
            let over = used - minutes * 60
            delta += topic.id == current ? max(0, over) : over
        }
        return delta
    }

    /// Planned minutes of the whole agenda, and seconds spent on it.
    public func totals(_ meeting: Meeting) -> (planned: Int, spent: Int) {
        (meeting.topics.reduce(0) { $0 + ($1.minutes ?? 0) * 60 }, spent.values.reduce(0, +))
    }

    /// "chậm 01:20" / "sớm 03:10" / "đúng giờ" (behind, ahead, on time).
    public func deltaText(_ meeting: Meeting, labels: Labels) -> String {
        let d = delta(meeting)
        if d == 0 { return labels.onTime }
        return (d > 0 ? labels.behindBy : labels.aheadBy) + " " + Self.mmss(abs(d))
    }

    /// The session line of the agenda and closing slides.
    public func summary(_ meeting: Meeting, labels: Labels) -> String {
        let (planned, used) = totals(meeting)
        return "\(labels.session): \(labels.planned.lowercased()) \(Self.mmss(planned)) · \(labels.actual.lowercased()) \(Self.mmss(used)) · "
            + deltaText(meeting, labels: labels)
    }

    /// Minutes and seconds, "105:00"; "-01:05" below zero.
    public static func mmss(_ seconds: Int) -> String {
        if seconds < 0 { return "-" + mmss(seconds == .min ? .max : -seconds) }
        let m = seconds / 60, r = seconds % 60
        return "\(m < 10 ? "0" : "")\(m):\(r < 10 ? "0" : "")\(r)"
    }
}
