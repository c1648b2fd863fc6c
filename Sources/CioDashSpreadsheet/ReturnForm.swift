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
            func previous(_ id: String, _ own: Double?) -> Double? {
                meeting.previous?.value(province: province.id, topic: topic.id, metric: id) ?? own
            }
            for definition in topic.metrics {
                let metric = report?.metric(definition.id)
                items.append(Item(id: definition.id, label: metric?.label ?? definition.label,
                                  unit: metric?.unit ?? definition.unit, target: metric?.target ?? definition.target,
                                  previous: previous(definition.id, metric?.previous)))
                seen.insert(definition.id)
            }
            for metric in report?.metrics ?? [] where !seen.contains(metric.id) {
                items.append(Item(id: metric.id, label: metric.label, unit: metric.unit, target: metric.target,
                                  previous: previous(metric.id, metric.previous)))
                seen.insert(metric.id)
            }
            return Topic(id: topic.id, title: topic.title, status: report?.status, summary: report?.summary, items: items)
        }
        tasks = ReturnFormTask.tasks(meeting, province: province)
    }
}
