import CioDashCore

/// The agenda of a meeting folder that `ciodash init` makes from an earlier meeting: its council,
/// topics, time budgets and metric definitions, the provinces as they stand on the new date, and
/// `previous:` pointing back. Nothing province-specific is carried over: every province starts as
/// "chưa báo cáo" (not yet reported).
public struct NewMeeting: Hashable, Sendable {
    public var council: String
    public var title: String
    public var date: LocalDate
    public var start: String?
    public var venue: String?
    public var language: Language
    /// The earlier meeting's folder relative to the new one (`../hue-2019`), nil when there is none.
    public var previous: String?
    public var topics: [AgendaTopic]
    public var provinces: [String]
    /// Units of the new date that were several of the earlier meeting's: the new id and the old ids.
    public var merges: [Merge]
    /// The earlier meeting's tasks not done, and what its minutes assigned, as this meeting's `tasks:`.
    public var carried: TaskCarry?
    public var tasks: [CouncilTask] { carried?.tasks ?? [] }

    public struct Merge: Hashable, Sendable {
        public var id: String
        public var from: [String]
    }

    /// The new meeting made from `earlier` (loaded whole, so that its province files give the metric
    /// definitions an agenda without `metrics:` lacks). The title's year follows the new date
    /// ("… năm 2019 …" → "… năm 2026 …") unless a title is given; chairs and venue are not carried over.
    /// `assigned`: the tasks the earlier meeting's minutes journal recorded (nil: no journal was read,
    /// and no task is carried).
    public init(from earlier: Meeting, date: LocalDate, title: String?, venue: String?, previous: String?,
                assigned: [CouncilTask]? = nil) {
        council = earlier.council
        self.title = title ?? Self.title(earlier.title, from: earlier.date.year, to: date.year)
        self.date = date
        start = earlier.start
        self.venue = venue
        language = earlier.language
        self.previous = previous
        let earlierIDs = earlier.provinces.map(\.id)
        provinces = UnitsCatalogue.provinces(earlierIDs, carriedTo: date)
        merges = provinces.compactMap { id in
            let parts = UnitsCatalogue.mergedFrom(id, among: earlierIDs, on: date)
            return parts.isEmpty ? nil : Merge(id: id, from: parts)
        }
        if let assigned { carried = TaskCarry(from: earlier, assigned: assigned, to: date, provinces: provinces) }
        let reporting = earlier.provinces.filter { !$0.isBroken }
        topics = earlier.topics.map { topic in
            var copy = AgendaTopic(id: topic.id, title: topic.title, titleEN: topic.titleEN, minutes: topic.minutes,
                                   headline: topic.headline,
                                   metrics: topic.metrics.isEmpty ? Self.definitions(topic, reporting) : topic.metrics)
            if case .provinces(let ids) = topic.slides {
                copy.slides = .provinces(UnitsCatalogue.provinces(ids, carriedTo: date))
            } else {
                copy.slides = topic.slides
            }
            return copy
        }
    }

    /// "Phiên họp thường kỳ năm 2019" for 2026 becomes "Phiên họp thường kỳ năm 2026".
    static func title(_ title: String, from year: Int, to newYear: Int) -> String {
        title.replacingOccurrences(of: String(year), with: String(newYear))
    }

    /// A topic's metric definitions when the agenda declares none: the headline metric and every metric
    /// that at least half of the reporting provinces gave under one label (a `metrics.csv` column whose
    /// label changes by province, "… xếp thứ 1", is no definition), in the order first met, each with
    /// its most common label and unit, and a target only when every province gave the same one.
    static func definitions(_ topic: AgendaTopic, _ reports: [ProvinceReport]) -> [MetricDefinition] {
        var order: [String] = []
        var seen: [String: [Metric]] = [:]
        for report in reports {
            for metric in report.topics[topic.id]?.metrics ?? [] {
                if seen[metric.id] == nil { order.append(metric.id) }
                seen[metric.id, default: []].append(metric)
            }
        }
        return order.compactMap { id in
            let metrics = seen[id]!
            let label = mostCommon(metrics.map(\.label)) ?? id
            let agreeing = metrics.filter { $0.label == label }.count
            guard id == topic.headline || agreeing * 2 >= reports.count else { return nil }
            let targets = Set(metrics.compactMap(\.target))
            return MetricDefinition(id: id, label: label,
                                    labelEN: mostCommon(metrics.compactMap(\.labelEN)),
                                    unit: mostCommon(metrics.compactMap(\.unit)),
                                    decimals: metrics.first?.decimals,
                                    target: targets.count == 1 && metrics.allSatisfy({ $0.target != nil }) ? targets.first : nil)
        }
    }

    /// The most frequent text, the first met on a tie; nil for none.
    private static func mostCommon(_ texts: [String]) -> String? {
        var counts: [String: Int] = [:]
        for text in texts where !text.isEmpty { counts[text, default: 0] += 1 }
        return texts.first { counts[$0] == counts.values.max() }
    }

    /// `meeting.yaml` in the `ciodash/1` format.
    public var meetingYAML: String {
        var out = "# Phiên họp tạo bằng ciodash init; các tỉnh/thành chưa báo cáo. Xem docs/secretariat.md.\n"
        out += "format: ciodash/1\n"
        out += "council: \(YAMLText.quoted(council))\n"
        out += "title: \(YAMLText.quoted(title))\n"
        out += "date: \(date)\n"
        if let start { out += "start: \(YAMLText.quoted(start))\n" }
        if let venue { out += "venue: \(YAMLText.quoted(venue))\n" }
        out += "language: \(language.rawValue)\n"
        if let previous { out += "previous: \(YAMLText.quoted(previous))\n" }
        out += topics.isEmpty ? "topics: []\n" : "topics:\n"
        for topic in topics {
            out += "  - id: \(topic.id)\n"
            out += "    title: \(YAMLText.quoted(topic.title))\n"
            if let titleEN = topic.titleEN { out += "    title_en: \(YAMLText.quoted(titleEN))\n" }
            if let minutes = topic.minutes { out += "    minutes: \(minutes)\n" }
            if let headline = topic.headline { out += "    headline: \(YAMLText.quoted(headline))\n" }
            switch topic.slides {
            case .panels: break
            case .ranking: out += "    slides: ranking\n"
            case .none: out += "    slides: none\n"
            case .provinces(let ids): out += "    slides: [\(ids.map(YAMLText.quoted).joined(separator: ", "))]\n"
            }
            if !topic.metrics.isEmpty { out += "    metrics:\n" }
            for metric in topic.metrics {
                out += "      - id: \(metric.id)\n"
                out += "        label: \(YAMLText.quoted(metric.label))\n"
                if let labelEN = metric.labelEN { out += "        label_en: \(YAMLText.quoted(labelEN))\n" }
                if let unit = metric.unit { out += "        unit: \(YAMLText.quoted(unit))\n" }
                if let decimals = metric.decimals { out += "        decimals: \(decimals)\n" }
                if let target = metric.target { out += "        target: \(YAMLText.number(target))\n" }
                if metric.combine != .none { out += "        combine: \(metric.combine.rawValue)\n" }
            }
        }
        out += provinces.isEmpty ? "provinces: []\n" : "provinces:\n"
        for id in provinces { out += "  - \(YAMLText.quoted(id))\n" }
        if !tasks.isEmpty { out += Self.tasksYAML(tasks) }
        return out
    }

    /// The `tasks:` list of meeting.yaml (docs/format.md, "Tasks").
    public static func tasksYAML(_ tasks: [CouncilTask]) -> String {
        var out = "tasks:\n"
        func list(_ items: [String]) -> String { "[" + items.map(YAMLText.quoted).joined(separator: ", ") + "]" }
        for task in tasks {
            out += "  - id: \(task.id)\n"
            if !task.owners.isEmpty { out += "    owners: \(list(task.owners))\n" }
            if !task.bodies.isEmpty { out += "    bodies: \(list(task.bodies))\n" }
            out += "    what: \(YAMLText.quoted(task.what))\n"
            if let due = task.due { out += "    due: \(due)\n" } else if let text = task.dueText { out += "    due: \(YAMLText.quoted(text))\n" }
            out += "    meeting: \(YAMLText.quoted(task.origin.meetingTitle))\n"
            out += "    meeting_date: \(task.origin.meetingDate)\n"
            if let topic = task.origin.topic { out += "    topic: \(YAMLText.quoted(topic))\n" }
            if let title = task.origin.topicTitle { out += "    topic_title: \(YAMLText.quoted(title))\n" }
            if let conclusion = task.origin.conclusion { out += "    conclusion: \(YAMLText.quoted(conclusion))\n" }
            if !task.formerOwners.isEmpty { out += "    was: \(list(task.formerOwners))\n" }
        }
        return out
    }
}
