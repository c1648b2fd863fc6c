import CioDashCore

/// What one province is asked to return: every agenda topic with its metrics, as the form shows them.
public struct ReturnForm: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var id: String
        public var label: String
        public var unit: String?
        public var target: Double?
        /// Last meeting's value: the previous meeting's figure, else the file's own `previous`.
        public var previous: Double?
        /// For a unit merged in 2025: how `previous` was made (`tổng: Quảng Bình + Quảng Trị`), or,
        /// when the agenda gives no rule to combine the parts, their figures side by side in place of one.
        public var previousNote: String? = nil
    }

    public struct Topic: Hashable, Sendable {
        public var id: String
        public var title: String
        public var status: ReportStatus?
        public var summary: String?
        public var items: [Item]
    }

    public var provinceID: String
    public var provinceName: String
    public var meetingTitle: String
    public var meetingDate: LocalDate
    public var reported: LocalDate?
    public var source: String?
    public var topics: [Topic]
    /// The tasks the council gave this province, for it to report on.
    public var tasks: [ReturnFormTask] = []

    /// The form for `province`: the agenda's declared metrics of each topic first, then those the
    /// province's current file adds; labels, units and targets as the file gives them, else the agenda.
    public init(meeting: Meeting, province: ProvinceReport) {
        provinceID = province.id
        provinceName = province.name
        meetingTitle = meeting.title
        meetingDate = meeting.date
        reported = province.reported
        source = province.source
        topics = meeting.topics.map { topic in
            let report = province.topics[topic.id]
            var items: [Item] = []
            var seen = Set<String>()
            // Last meeting's figure: the same unit's, or a merged unit's parts by the agenda's combine
            // rule (said beside it), or, with no rule, the parts' figures side by side, named.
            func item(_ id: String, label: String, unit: String?, target: Double?, own: Double?, combine: MetricDefinition.Combine) -> Item {
                var item = Item(id: id, label: label, unit: unit, target: target ?? earlierTarget(id), previous: own)
                guard let earlier = meeting.previous?.earlier(province: province.id, topic: topic.id, metric: id, combine: combine) else {
                    return item
                }
                func name(_ part: EarlierFigure.Part) -> String { UnitsCatalogue.formerName(part.id) }
                func number(_ v: Double) -> String { NumberFormatting.format(v, language: .vi, maxFractionDigits: 4) }
                switch earlier {
                case .reported(let v): item.previous = v
                case .combined(let v, let rule, let parts):
                    item.previous = v
                    item.previousNote = (rule == .sum ? "tổng: " : "trung bình: ") + parts.map(name).joined(separator: " + ")
                case .sideBySide(let parts):
                    item.previous = nil
                    item.previousNote = parts.map { name($0) + ": " + ($0.value.map(number) ?? "—") }.joined(separator: "\n")
                case .none: break
                }
                return item
            }
            // A target the unit itself had at the last meeting (the agenda's applies to all), so that a
            // form shows each province's own target.
            func earlierTarget(_ id: String) -> Double? {
                guard let previous = meeting.previous else { return nil }
                let ids: [String]
                switch previous.counterparts[province.id] {
                case nil: ids = [province.id]
                case .same(let other)?: ids = [other]
                case .merged(let parts)?: ids = parts
                }
                let targets = ids.map { previous.reports[$0]?[topic.id]?.metric(id)?.target }
                guard let first = targets.first ?? nil, targets.allSatisfy({ $0 == first }) else { return nil }
                return first
            }
            for definition in topic.metrics {
                let metric = report?.metric(definition.id)
                items.append(item(definition.id, label: metric?.label ?? definition.label, unit: metric?.unit ?? definition.unit,
                                  target: metric?.target ?? definition.target, own: metric?.previous, combine: definition.combine))
                seen.insert(definition.id)
            }
            for metric in report?.metrics ?? [] where !seen.contains(metric.id) {
                items.append(item(metric.id, label: metric.label, unit: metric.unit, target: metric.target, own: metric.previous,
                                  combine: .none))
                seen.insert(metric.id)
            }
            return Topic(id: topic.id, title: topic.title, status: report?.status, summary: report?.summary, items: items)
        }
        tasks = ReturnFormTask.tasks(meeting, province: province)
    }
}
