import CioDashCore

/// A panel's line about a metric across the meetings of the `previous:` chain: a sparkline, the
/// first and last meeting, and the change since the first.
enum TrendText {
    /// Nil unless at least three meetings have a figure (two are the ordinary change since the previous one).
    static func describe(_ points: [TrendPoint], metric: Metric, language: Language) -> String? {
        guard points.lazy.filter({ $0.figure.comparable != nil }).count >= 3,
              let first = points.first, let last = points.last else { return nil }
        let vi = language == .vi
        let values = points.map(\.figure.comparable)
        var text = (vi ? "Qua \(points.count) phiên họp " : "Over \(points.count) meetings ")
            + "\(first.date.year)–\(last.date.year): " + Sparkline.text(values)
        if let start = values.lazy.compactMap({ $0 }).first, let end = values.last ?? nil,
           let change = MetricFormat.change(current: end, previous: start, metric: metric, language: language) {
            text += vi ? ", thay đổi \(change) so với phiên đầu" : ", \(change) since the first"
        }
        if points.contains(where: { if case .combined = $0.figure { return true } else { return false } }) {
            text += vi ? " (gồm số tính gộp của các đơn vị cũ)" : " (including computed figures of former units)"
        }
        return text
    }
}
