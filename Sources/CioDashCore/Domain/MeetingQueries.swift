/// Questions the views and navigation ask of a meeting, answered in one place.
extension Meeting {
    /// The latest `reported` date among the provinces: what "data as of" means for the meeting.
    public var dataAsOf: LocalDate? {
        provinces.compactMap(\.reported).max()
    }

    /// A province's headline metric for a topic, if it reports one.
    public func headline(province: ProvinceReport, topic: AgendaTopic) -> Metric? {
        guard let id = topic.headline else { return nil }
        return province.topics[topic.id]?.metric(id)
    }

    /// The figure to compare a metric with: the value the same unit reported at the previous meeting
    /// when that meeting is loaded, otherwise the `previous` the province wrote itself. A unit merged
    /// in 2025 has no such figure: its predecessors' figures are in `earlierFigure`, and only the
    /// panel, which says they are computed, shows them combined.
    public func previousValue(province: String, topic: String, metric: Metric) -> Double? {
        if case .reported(let value) = earlierFigure(province: province, topic: topic, metric: metric) { return value }
        return metric.previous
    }

    /// Provinces ranked by a topic's headline metric, highest first; those without it follow in
    /// display order, broken files last. Ties keep display order so the ranking is stable.
    public func ranked(topic: AgendaTopic) -> [ProvinceReport] {
        // Each province's figure is found once, not in every comparison of the sort.
        let values: [Double?] = provinces.map { p in
            guard let v = headline(province: p, topic: topic)?.value, v.isFinite else { return nil }
            return v
        }
        return provinces.indices.sorted { ia, ib in
            let (pa, pb) = (provinces[ia], provinces[ib])
            if pa.isBroken != pb.isBroken { return !pa.isBroken }
            switch (values[ia], values[ib]) {
            case let (x?, y?): return x != y ? x > y : ia < ib
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return ia < ib
            }
        }.map { provinces[$0] }
    }

    /// The largest figure any province gives for a metric of a topic: what a bar of a count or a
    /// score without a target is drawn against, so that bars compare provinces instead of all being full.
    /// Nil when fewer than two provinces give it (a bar measured against itself says nothing), and
    /// for a figure without a unit: a rank ("xếp thứ 5") has none, and a longer bar would read as better.
    public func largestValue(topic: String, metric: String) -> Double? {
        var largest: Double?
        var count = 0
        for p in provinces where !p.isBroken {
            guard let m = p.topics[topic]?.metric(metric), let unit = m.unit, !unit.isEmpty else { continue }
            let v = m.value
            guard v.isFinite else { continue }
            count += 1
            if v > (largest ?? 0) { largest = v }
        }
        return count >= 2 ? largest : nil
    }

    /// How many provinces report each status on a topic.
    public func statusCounts(topic: AgendaTopic) -> [ReportStatus: Int] {
        var counts: [ReportStatus: Int] = [:]
        for p in provinces where !p.isBroken {
            if let s = p.topics[topic.id]?.status { counts[s, default: 0] += 1 }
        }
        return counts
    }
}
