/// What an earlier meeting has to compare with one metric of a unit today.
public enum EarlierFigure: Hashable, Sendable {
    /// The same unit reported this figure then.
    case reported(Double)
    /// The unit was several units then, and the metric's `combine` rule adds their figures up: a
    /// computed figure, never to be shown as a reported one. `parts` are the earlier units' ids and
    /// figures, in the catalogue's order.
    case combined(Double, rule: MetricDefinition.Combine, parts: [Part])
    /// The unit was several units then, and no rule combines them (or some figures are missing):
    /// their figures are shown side by side, named.
    case sideBySide(parts: [Part])
    /// Nothing to compare with.
    case none

    /// One earlier unit's figure; `inMeeting` is false when that unit had no file in the earlier meeting.
    public struct Part: Hashable, Sendable {
        public var id: String
        public var value: Double?
        public var inMeeting: Bool
    }

    /// The figure a change is computed from: a reported or a combined one.
    public var comparable: Double? {
        switch self {
        case .reported(let v), .combined(let v, _, _): return v
        case .sideBySide, .none: return nil
        }
    }

    /// The earlier units that had no file in the earlier meeting.
    public var missingUnits: [String] {
        switch self {
        case .combined(_, _, let parts), .sideBySide(let parts): return parts.filter { !$0.inMeeting }.map(\.id)
        case .reported, .none: return []
        }
    }
}

extension PreviousMeeting {
    /// The earlier figure of a metric for a unit of the later meeting, across the 2025 mergers.
    public func earlier(province: String, topic: String, metric: String,
                        combine: MetricDefinition.Combine) -> EarlierFigure {
        func figure(_ id: String) -> Double? { reports[id]?[topic]?.metric(metric)?.value }
        switch counterparts[province] {
        case nil: return figure(province).map(EarlierFigure.reported) ?? .none
        case .same(let id)?: return figure(id).map(EarlierFigure.reported) ?? .none
        case .merged(let ids)?:
            let parts = ids.map { EarlierFigure.Part(id: $0, value: figure($0), inMeeting: reports[$0] != nil) }
            guard parts.contains(where: { $0.value != nil }) else { return .none }
            let values = parts.compactMap(\.value)
            guard values.count == parts.count else { return .sideBySide(parts: parts) }
            switch combine {
            case .sum: return .combined(values.reduce(0, +), rule: .sum, parts: parts)
            case .mean: return .combined(values.reduce(0, +) / Double(values.count), rule: .mean, parts: parts)
            case .none: return .sideBySide(parts: parts)
            }
        }
    }
}

extension Meeting {
    /// The previous meeting's figure for a metric, across the 2025 mergers by the agenda's `combine` rule.
    public func earlierFigure(province: String, topic: String, metric: Metric) -> EarlierFigure {
        guard let previous else { return .none }
        let rule = self.topic(topic)?.definition(metric.id)?.combine ?? .none
        return previous.earlier(province: province, topic: topic, metric: metric.id, combine: rule)
    }
}

/// One meeting's figure of a metric, for trends across the `previous:` chain.
public struct TrendPoint: Hashable, Sendable {
    public var date: LocalDate
    /// The reported figure, or the predecessors' figures when the unit was several then.
    public var figure: EarlierFigure
}

extension Meeting {
    /// A metric of one unit across this meeting and every earlier one loaded, oldest first; the last
    /// point is this meeting's own figure.
    public func trend(province: String, topic: String, metric: Metric) -> [TrendPoint] {
        let rule = self.topic(topic)?.definition(metric.id)?.combine ?? .none
        var points = history.reversed().map { earlier in
            TrendPoint(date: earlier.date,
                       figure: earlier.earlier(province: province, topic: topic, metric: metric.id, combine: rule))
        }
        points.append(TrendPoint(date: date, figure: .reported(metric.value)))
        return points
    }
}
