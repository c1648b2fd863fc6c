import CioDashCore

/// One province × one topic across the meetings of the `previous:` chain: every metric, a row per
/// meeting (oldest first) with its figure, a bar on one scale for the whole series, and the change
/// from the meeting before. Figures of a unit merged since are its predecessors', said so.
public enum HistoryView {
    public static func render(_ meeting: Meeting, province: ProvinceReport, topic: AgendaTopic, context: RenderContext) -> ViewBody {
        let labels = context.labels, language = context.language, vi = language == .vi
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = ProvinceHeading.draw(in: &grid, province: province, width: width, labels: labels)
        let number = (meeting.topics.firstIndex(of: topic) ?? 0) + 1
        y += 1
        Box.rule(in: &grid, x: 0, y: y, width: width,
                 label: "\(number). \(topic.title(in: language)) · " + labels.acrossMeetings)
        y += 1
        guard let report = province.topics[topic.id], !province.isBroken else {
            grid.ensureRow(y)
            grid.put("– " + labels.noReport, x: 0, y: y, role: .muted)
            return ViewBody(grid: grid)
        }
        if meeting.history.isEmpty {
            grid.ensureRow(y)
            grid.put(vi ? "Phiên họp này không có phiên họp trước (previous:)." : "This meeting names no previous meeting (previous:).",
                     x: 0, y: y, maxWidth: width, role: .muted)
            y += 1
        }
        let dateWidth = 11, valueWidth = 16, changeWidth = 9
        let bar = min(30, width - dateWidth - valueWidth - changeWidth - 2)
        for metric in report.metrics {
            y += 1
            for line in TextLayout.wrap(metric.label(in: language), width: width) {
                grid.ensureRow(y)
                grid.put(line, x: 0, y: y, role: .header)
                y += 1
            }
            let rows = Self.rows(meeting, province: province, topic: topic, metric: metric, labels: labels)
            let top = rows.compactMap(\.value).filter(\.isFinite).max() ?? 0
            for row in rows {
                grid.ensureRow(y)
                grid.put(row.date, x: 0, y: y, role: .muted)
                grid.putRight(row.shown, x: dateWidth, y: y, width: valueWidth - 1)
                var x = dateWidth + valueWidth
                if bar >= 6, let value = row.value {
                    ValueBar.draw(in: &grid, x: x, y: y, width: bar, value: value,
                                  target: metric.isShare ? metric.target : max(top, metric.target ?? 0), isShare: metric.isShare)
                }
                x += bar >= 6 ? bar + 1 : 0
                if let change = row.change {
                    grid.putRight(change, x: x, y: y, width: changeWidth - 1, role: .label)
                }
                y += 1
                if let note = row.note {
                    for line in TextLayout.wrap(note, width: max(1, width - 2)) {
                        grid.ensureRow(y)
                        grid.put(line, x: 2, y: y, role: .muted)
                        y += 1
                    }
                }
            }
        }
        y += 1
        grid.ensureRow(y)
        grid.put(footnote(language),
                 x: 0, y: y, maxWidth: width, role: .muted)
        return ViewBody(grid: grid)
    }

    /// What ≈ and – mean.
    public static func footnote(_ language: Language) -> String {
        language == .vi ? "≈ số tính gộp từ các đơn vị cũ, không phải số báo cáo · – không có số"
                        : "≈ computed from former units, not a reported figure · – no figure"
    }

    /// One meeting's line of the history of a metric: as the screen and the report formats show it.
    public struct Row: Equatable, Sendable {
        public var date: String
        /// "68%", "≈0,71" for a figure computed from former units, "–" for none.
        public var shown: String
        public var value: Double?
        /// The change since the meeting before that had a figure.
        public var change: String?
        /// Whose figures a combined or side-by-side line shows.
        public var note: String?
    }

    /// The metric's figures over the chain, oldest meeting first, this meeting last.
    public static func rows(_ meeting: Meeting, province: ProvinceReport, topic: AgendaTopic, metric: Metric,
                            labels: Labels) -> [Row] {
        let language = labels.language
        var before: Double?
        return meeting.trend(province: province.id, topic: topic.id, metric: metric).map { point in
            let value = point.figure.comparable
            let shown: String
            switch point.figure {
            case .reported(let v): shown = MetricFormat.valueWithUnit(v, metric: metric, language: language)
            case .combined(let v, _, _): shown = "≈" + MetricFormat.valueWithUnit(v, metric: metric, language: language)
            case .sideBySide, .none: shown = "–"
            }
            let change = value.flatMap { MetricFormat.change(current: $0, previous: before, metric: metric, language: language) }
            if value != nil { before = value }
            return Row(date: labels.date(point.date), shown: shown, value: value, change: change,
                       note: note(point.figure, metric: metric, language: language))
        }
    }

    /// Under a figure of former units: whose figures they were.
    private static func note(_ figure: EarlierFigure, metric: Metric, language: Language) -> String? {
        let vi = language == .vi
        func name(_ id: String) -> String { UnitsCatalogue.formerName(id) }
        switch figure {
        case .reported, .none: return nil
        case let .combined(_, rule, parts):
            let how = rule == .sum ? (vi ? "tổng của" : "sum of") : (vi ? "trung bình của" : "mean of")
            return how + " " + parts.map { name($0.id) }.joined(separator: ", ")
        case let .sideBySide(parts):
            let shown = parts.map { part -> String in
                guard part.inMeeting else { return name(part.id) + (vi ? ": không có trong phiên họp" : ": not in that meeting") }
                return name(part.id) + " " + (part.value.map { MetricFormat.value($0, metric: metric, language: language) } ?? "–")
            }
            return shown.joined(separator: " · ") + (vi ? " (không cộng gộp)" : " (not combined)")
        }
    }
}

extension HistoryView {
    /// `history:<province>/<topic>`: one province on one topic across the meetings of the chain.
    static let kind = ViewKind(
        name: "history", about: .provinceAndTopic,
        title: { view, meeting, labels, language in PanelView.title(view, meeting, language) + " · " + labels.acrossMeetings },
        render: { view, meeting, context in
            guard let p = view.provinceID, let t = view.topicID, let province = meeting.province(p), let topic = meeting.topic(t) else { return nil }
            return render(meeting, province: province, topic: topic, context: context)
        },
        report: { view, context, report in
            guard let p = view.provinceID, let t = view.topicID, let province = context.meeting.province(p),
                  let topic = context.meeting.topic(t) else { return false }
            context.provinceFacts(province, into: &report)
            context.history(province, topic, into: &report)
            return true
        },
        browse: { view, move, index, s in
            switch move {
            case .vertical: ViewKind.scroll(move, &s)
            case .horizontal(let d): ViewKind.sameViewOfNextProvince(view, by: d, index, &s)
            case .open: break
            }
            return nil
        },
        tab: .province,
        around: { view in
            guard let p = view.provinceID, let t = view.topicID else { return [] }
            return [.panel(province: p, topic: t), .province(p), .topic(t)]
        })
}

extension ViewID {
    /// One province × topic across the meetings of the `previous:` chain.
    public static func history(province: String, topic: String) -> ViewID { ViewID(HistoryView.kind, province: province, topic: topic) }
}
