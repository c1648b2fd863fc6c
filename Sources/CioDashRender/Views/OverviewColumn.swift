import CioDashCore

/// What every cell of one overview column shares: the room for the figure, the bar, the change, the
/// trend and the status in words, and the bar's scale. Decided once per column, so that a row with no
/// change figure (a province new since the previous meeting) has the same bar, in the same cells and
/// against the same scale, as its neighbours: a longer bar always means a larger figure.
struct OverviewColumn: Equatable {
    /// Cells of the headline figure, right-aligned.
    var valueWidth: Int
    /// Cells of the bar; 0 where the column has no room for one.
    var barWidth: Int
    /// Cells of the change since the previous meeting, with its space; 0 when none is shown.
    var changeWidth: Int
    /// Cells of the trend over the chain, with its space; 0 when none is shown.
    var sparkWidth: Int
    /// Cells of the status in words, with its space; 0 when none is shown.
    var statusWidth: Int
    /// The figure a full bar stands for: 100 for shares, otherwise the largest figure or target of the column.
    var scale: Double?

    /// A bar narrower than this says nothing and is left out.
    static let minimumBarWidth = 4

    /// The layout of `topic`'s column, `width` cells wide (its separator excluded).
    init(_ meeting: Meeting, topic: AgendaTopic, width: Int, labels: Labels, language: Language) {
        var widest = 0
        var allShares = true
        var largest = 0.0
        var anyChange = false
        let showsChange = meeting.previous != nil && width >= OverviewView.minimumWidthForChange
        if let id = topic.headline {
            for province in meeting.provinces where !province.isBroken {
                guard let metric = province.topics[topic.id]?.metric(id) else { continue }
                widest = max(widest, DisplayWidth.of(Self.valueText(metric, width: width, language: language)))
                allShares = allShares && metric.isShare
                if metric.value.isFinite { largest = max(largest, metric.value) }
                if let target = metric.target, target.isFinite { largest = max(largest, target) }
                if showsChange && !anyChange {
                    anyChange = meeting.previousValue(province: province.id, topic: topic.id, metric: metric) != nil
                }
            }
        }
        valueWidth = max(0, min(width - 2, max(7, widest)))
        changeWidth = anyChange ? 7 : 0
        // The trend has one point per meeting of the chain and this one.
        sparkWidth = meeting.history.count >= 2 && width >= OverviewView.minimumWidthForTrend ? meeting.history.count + 2 : 0
        if width >= 44 {
            let longest = ReportStatus.allCases.map { DisplayWidth.of(StatusBadge.text($0, labels: labels)) - 2 }.max() ?? 0
            statusWidth = min(16, longest + 2)
        } else {
            statusWidth = 0
        }
        let room = min(20, width - 3 - valueWidth - changeWidth - sparkWidth - statusWidth)
        barWidth = room >= Self.minimumBarWidth ? room : 0
        scale = allShares ? 100 : (largest > 0 ? largest : nil)
    }

    /// The headline figure as the column shows it: a declared precision where there is room, `*` if illustrative.
    static func valueText(_ metric: Metric, width: Int, language: Language) -> String {
        var value: String
        if metric.decimals != nil, width >= 12 {
            // A declared precision is kept where the column has room: a DTI of 0,7951 is not 0,8.
            value = MetricFormat.value(metric.value, metric: metric, language: language)
        } else {
            let digits = width < 12 ? 0 : 1
            value = metric.isShare
                ? NumberFormatting.format(metric.value, language: language, maxFractionDigits: digits) + "%"
                : NumberFormatting.format(metric.value, language: language, maxFractionDigits: digits + 1)
        }
        if metric.illustrative { value += "*" }
        return value
    }
}
