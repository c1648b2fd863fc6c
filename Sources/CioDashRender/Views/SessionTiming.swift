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

    /// What the session's figures compare: the items held (those with a time budget that ran,
    /// the running one only once it runs over) planned against actual, and the items not held.
    /// Both sums are over the same items, so that planned, actual and ahead/behind add up for a room.
    public struct Comparison: Equatable, Sendable {
        /// Items held, and items with a time budget in the agenda.
        public var held = 0, budgeted = 0
        /// Seconds planned for the items held, and spent on them.
        public var planned = 0, spent = 0
        /// Items not yet held (not started, not running), and the seconds planned for them.
        public var notHeld = 0, notHeldPlanned = 0

        /// Seconds behind the agenda (negative: ahead).
        public var delta: Int { spent - planned }
    }

    /// The session's comparison. A topic left early gives its spare time back; the running topic
    /// counts only once it runs over; a topic without a time budget is in none of the sums.
    public func comparison(_ meeting: Meeting) -> Comparison {
        var c = Comparison()
        for topic in meeting.topics {
            guard let minutes = topic.minutes else { continue }
            c.budgeted += 1
            let planned = minutes * 60
            guard let used = spent[topic.id] else {
                c.notHeld += 1
                c.notHeldPlanned += planned
                continue
            }
            if topic.id == current && used <= planned { continue }
            c.held += 1
            c.planned += planned
            c.spent += used
        }
        return c
    }

    /// Seconds behind the agenda (negative: ahead), over the items held.
    public func delta(_ meeting: Meeting) -> Int { comparison(meeting).delta }

    /// "chậm 01:20" / "sớm 03:10" / "đúng giờ" (behind, ahead, on time).
    public func deltaText(_ meeting: Meeting, labels: Labels) -> String {
        Self.deltaText(delta(meeting), labels: labels)
    }

    static func deltaText(_ d: Int, labels: Labels) -> String {
        if d == 0 { return labels.onTime }
        return (d > 0 ? labels.behindBy : labels.aheadBy) + " " + Self.mmss(abs(d))
    }

    /// The session line of the agenda and closing slides: "Các mục đã họp (3/5): kế hoạch 60:00 ·
    /// thực tế 61:13 · chậm 01:13 · chưa họp: 2 mục (kế hoạch 50:00)".
    public func summary(_ meeting: Meeting, labels: Labels) -> String {
        let c = comparison(meeting)
        var text = labels.itemsHeld(c.held, of: c.budgeted) + ": " + labels.planned.lowercased() + " " + Self.mmss(c.planned)
            + " · " + labels.actual.lowercased() + " " + Self.mmss(c.spent) + " · " + Self.deltaText(c.delta, labels: labels)
        if c.notHeld > 0 {
            text += " · " + labels.notHeldSummary(c.notHeld, planned: Self.mmss(c.notHeldPlanned))
        }
        return text
    }

    /// Minutes and seconds, "105:00"; "-01:05" below zero.
    public static func mmss(_ seconds: Int) -> String {
        if seconds < 0 { return "-" + mmss(seconds == .min ? .max : -seconds) }
        let m = seconds / 60, r = seconds % 60
        return "\(m < 10 ? "0" : "")\(m):\(r < 10 ? "0" : "")\(r)"
    }
}
