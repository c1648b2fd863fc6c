/// A loaded meeting folder: the agenda and the provinces, in display order.
public struct Meeting: Hashable, Sendable {
    public var council: String
    public var title: String
    public var date: LocalDate
    /// Start time as written ("08:00").
    public var start: String?
    public var venue: String?
    public var chairs: [String]
    public var language: Language
    public var topics: [AgendaTopic]
    /// Provinces in display order: `provinces:` of the agenda file first, then the rest by Vietnamese name.
    public var provinces: [ProvinceReport] {
        didSet { provinceIndex = Self.index(provinces) }
    }
    /// Where each id first appears in `provinces`: every view is looked up by id, and a scan per
    /// view made `snapshot --view all` quadratic in the number of provinces.
    private var provinceIndex: [String: Int]
    /// The earlier meetings of the `previous:` chain that loaded, nearest first, figures only.
    public var history: [PreviousMeeting]
    /// The previous meeting, when `previous` names a folder that loads: the first of `history`.
    public var previous: PreviousMeeting? {
        get { history.first }
        // Replaces the nearest meeting only: the rest of the chain stays.
        set {
            if !history.isEmpty { history.removeFirst() }
            if let newValue { history.insert(newValue, at: 0) }
        }
    }
    /// Absolute path of the folder this was loaded from.
    public var folder: String
    /// What earlier sessions (carried by `init --from`) and this one (`tasks:` in meeting.yaml) asked
    /// of provinces and bodies; each province's report on them is `ProvinceReport.tasks`.
    public var tasks: [CouncilTask] = []

    public init(council: String, title: String, date: LocalDate, start: String? = nil, venue: String? = nil,
                chairs: [String] = [], language: Language = .vi, topics: [AgendaTopic],
                provinces: [ProvinceReport], previous: PreviousMeeting? = nil, history: [PreviousMeeting] = [],
                folder: String) {
        self.council = council
        self.title = title
        self.date = date
        self.start = start
        self.venue = venue
        self.chairs = chairs
        self.language = language
        self.topics = topics
        self.provinces = provinces
        provinceIndex = Self.index(provinces)
        self.history = previous.map { [$0] + history } ?? history
        self.folder = folder
    }

    public func topic(_ id: String) -> AgendaTopic? { topics.first { $0.id == id } }
    public func province(_ id: String) -> ProvinceReport? { provinceIndex[id].map { provinces[$0] } }

    private static func index(_ provinces: [ProvinceReport]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(provinces.count)
        for (i, p) in provinces.enumerated() where index[p.id] == nil { index[p.id] = i }
        return index
    }
}

/// The parts of the previous meeting that deltas need: its date and each province's reports.
public struct PreviousMeeting: Hashable, Sendable {
    public var title: String
    public var date: LocalDate
    /// Reports keyed by province id, then topic id: status and metric figures only (ids, values,
    /// targets, units); the loader drops the previous meeting's texts.
    public var reports: [String: [String: TopicReport]]

    /// This meeting's units that are other units there (see `UnitsCatalogue.counterparts`); an id
    /// not in it means the same there.
    public var counterparts: [String: Counterpart]
    /// The folder it was read from, so that a sharing presenter can send it to followers that have
    /// no copy of their own (nil when it was not read from a folder).
    public var folder: String?

    public init(title: String, date: LocalDate, reports: [String: [String: TopicReport]],
                counterparts: [String: Counterpart] = [:], folder: String? = nil) {
        self.title = title
        self.date = date
        self.reports = reports
        self.counterparts = counterparts
        self.folder = folder
    }

    /// The previous value of a metric, by this meeting's province id, topic and metric id; nil for a
    /// unit that was several units then, so that no combined figure passes for a reported one.
    public func value(province: String, topic: String, metric: String) -> Double? {
        if case .reported(let value) = earlier(province: province, topic: topic, metric: metric, combine: .none) {
            return value
        }
        return nil
    }
}
