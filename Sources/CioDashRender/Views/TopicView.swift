import CioDashCore

/// One agenda topic across all provinces, ranked by its headline figure, with bars against target
/// and the change since the previous meeting.
public enum TopicView {
    public static func render(_ meeting: Meeting, topic: AgendaTopic, context: RenderContext) -> ViewBody {
        let labels = context.labels
        let language = context.language
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = 0

        let number = (meeting.topics.firstIndex(of: topic) ?? 0) + 1
        for line in TextLayout.wrap("\(number). \(topic.title(in: language))", width: width) {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, role: .title)
            y += 1
        }
        if language == .vi, let english = topic.titleEN {
            for line in context.wholeText ? TextLayout.wrap(english, width: width) : [english] {
                grid.ensureRow(y)
                grid.put(line, x: 0, y: y, maxWidth: width, role: .muted)
                y += 1
            }
        }
        let ranked = meeting.ranked(topic: topic)
        let largest = topic.headline.flatMap { meeting.largestValue(topic: topic.id, metric: $0) }
        let sample = topic.headline.flatMap { id in ranked.lazy.compactMap { $0.topics[topic.id]?.metric(id) }.first }
        let definition = topic.headline.flatMap(topic.definition)
        var headline = labels.headline + ": " + (sample?.label ?? definition?.label ?? topic.headline ?? labels.noData)
        if let unit = sample?.unit ?? definition?.unit, !unit.isEmpty { headline += " (\(unit))" }
        // The change column and its heading only where some province has an earlier figure to compare
        // with (the 2026 sample's DTI has none in 2019: an empty column said nothing).
        let comparable = ranked.contains { p in
            meeting.headline(province: p, topic: topic).map { meeting.previousValue(province: p.id, topic: topic.id, metric: $0) != nil } ?? false
        }
        if comparable, let previous = meeting.previous {
            headline += " · " + labels.change + " " + labels.since + " " + labels.date(previous.date)
        }
        let counts = meeting.statusCounts(topic: topic)
        headline += " · " + ReportStatus.allCases.compactMap { s in counts[s].map { StatusBadge.symbol(s) + String($0) } }
            .joined(separator: " ")
        for line in TextLayout.wrap(headline, width: width) {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, role: .label)
            y += 1
        }
        y += 1

        // Columns shrink from the right: change, target, then status words, as width runs out.
        let whole = context.wholeText
        let longest = ranked.map { DisplayWidth.of($0.name) }.max() ?? 10
        let nameWidth = min(whole ? max(22, width / 3) : 22, max(10, longest))
        let valueWidth = 10
        // The longest status words whole ("○ chưa triển khai"), and a space after them.
        var statusWidth = ReportStatus.allCases.map { DisplayWidth.of(StatusBadge.text($0, labels: labels)) }.max().map { $0 + 1 } ?? 17
        var targetWidth = 10
        var changeWidth = comparable ? 9 : 0
        func barWidth() -> Int { width - (4 + nameWidth + 1 + statusWidth + 1 + valueWidth + targetWidth + changeWidth + 1) }
        if barWidth() < 10 { statusWidth = 2 }
        if barWidth() < 8 { changeWidth = 0 }
        if barWidth() < 6 { targetWidth = 0 }
        let bar = max(0, min(60, barWidth()))

        let xName = 4, xStatus = 4 + nameWidth + 1, xBar = xStatus + statusWidth
        let xValue = xBar + (bar > 0 ? bar + 1 : 0), xTarget = xValue + valueWidth, xChange = xTarget + targetWidth
        grid.ensureRow(y)
        grid.put(labels.rank, x: 0, y: y, role: .header)
        grid.put(labels.province, x: xName, y: y, maxWidth: nameWidth, role: .header)
        if statusWidth > 2 { grid.put(labels.status, x: xStatus, y: y, maxWidth: statusWidth - 1, role: .header) }
        grid.put(TextLayout.padLeft(labels.value, to: valueWidth - 1), x: xValue, y: y, role: .header)
        if targetWidth > 0 { grid.put(TextLayout.padLeft(labels.target, to: targetWidth - 1), x: xTarget, y: y, role: .header) }
        if changeWidth > 0 { grid.put(TextLayout.padLeft(labels.change, to: changeWidth - 1), x: xChange, y: y, role: .header) }
        y += 1
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1

        var items: [SelectableItem] = []
        var rank = 0
        for province in ranked {
            grid.ensureRow(y)
            let metric = meeting.headline(province: province, topic: topic)
            if metric != nil { rank += 1 }
            if metric != nil { grid.put(TextLayout.padLeft(String(rank), to: 3), x: 0, y: y, role: .muted) }
            let nameRole: StyleRole = OverviewView.matches(context.highlight, province.name) ? .match : .normal
            let names = whole ? TextLayout.wrap(province.name, width: nameWidth) : [TextLayout.truncate(province.name, to: nameWidth)]
            for (row, name) in names.enumerated() {
                grid.ensureRow(y + row)
                grid.put(name, x: xName, y: y + row, role: nameRole)
            }
            var rows = names.count
            if province.isBroken {
                let reason = "‼ " + labels.brokenFile(province)
                let lines = whole ? TextLayout.wrap(reason, width: max(1, width - xStatus)) : [reason]
                for (row, line) in lines.enumerated() {
                    grid.ensureRow(y + row)
                    grid.put(line, x: xStatus, y: y + row, maxWidth: width - xStatus, role: .error)
                }
                rows = max(rows, lines.count)
            } else if let report = province.topics[topic.id] {
                grid.put(StatusBadge.text(report.status, labels: labels), x: xStatus, y: y,
                         maxWidth: max(1, statusWidth - 1), role: StatusBadge.role(report.status))
                if let metric {
                    if bar > 0 {
                        ValueBar.draw(in: &grid, x: xBar, y: y, width: bar, value: metric.value, target: metric.target,
                                      isShare: metric.isShare, largest: largest)
                    }
                    var value = MetricFormat.value(metric.value, metric: metric, language: language)
                    if metric.illustrative { value += "*" }
                    grid.putRight(value, x: xValue, y: y, width: valueWidth - 1)
                    if targetWidth > 0, let target = metric.target {
                        grid.putRight(MetricFormat.value(target, metric: metric, language: language), x: xTarget, y: y,
                                      width: targetWidth - 1, role: .muted)
                    }
                    if changeWidth > 0,
                       let change = MetricFormat.change(current: metric.value,
                                                        previous: meeting.previousValue(province: province.id, topic: topic.id, metric: metric),
                                                        metric: metric, language: language) {
                        grid.putRight(change, x: xChange, y: y, width: changeWidth - 1, role: .label)
                    }
                } else {
                    grid.put(labels.noData, x: xBar, y: y, maxWidth: width - xBar, role: .muted)
                }
            } else {
                grid.put("– " + labels.noReport, x: xStatus, y: y, maxWidth: width - xStatus, role: .muted)
            }
            items.append(SelectableItem(rows: y..<(y + rows), marks: [RoleMark(.selected, x: 0, y: y, width: width, height: rows)]))
            y += rows
        }
        y += 1
        let legend = labels.legend + ": " + ReportStatus.allCases.map { StatusBadge.text($0, labels: labels) }
            .joined(separator: " · ") + " · * " + labels.illustrative
        for line in TextLayout.wrap(legend, width: width) {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, role: .muted)
            y += 1
        }
        return ViewBody(grid: grid, items: items)
    }
}

extension TopicView {
    /// `topic:<id>`: the ranking; each ranked province leads to its panel.
    static let kind = ViewKind(
        name: "topic", about: .topic,
        title: { view, meeting, _, language in
            guard let t = view.topicID else { return "" }
            return meeting.topic(t)?.title(in: language) ?? t
        },
        render: { view, meeting, context in
            guard let id = view.topicID, let topic = meeting.topic(id) else { return nil }
            return render(meeting, topic: topic, context: context)
        },
        report: { view, context, report in
            guard let id = view.topicID, let topic = context.meeting.topic(id) else { return false }
            context.topic(topic, into: &report)
            return true
        },
        links: { view, body, meeting in
            guard let id = view.topicID, let topic = meeting.topic(id) else { return [] }
            return ViewKind.rowLinks(body, meeting.ranked(topic: topic)) { .panel(province: $0.id, topic: topic.id) }
        },
        selectedRow: { view, index, state in
            guard let t = view.topicID else { return nil }
            return index.rankNumber(index.selectedProvince(state), topic: t) ?? 0
        },
        browse: { view, move, index, s in
            guard let id = view.topicID else { return nil }
            switch move {
            case .vertical(let d):
                let ranking = index.ranking(id)
                let row = index.rankNumber(index.selectedProvince(s), topic: id) ?? 0
                if ranking.indices.contains(row + d) { s.province = ranking[row + d] }
                s.followSelection = true
            case .horizontal(let d):
                // The province stays selected: its row in the next topic's ranking is where it ranks there.
                if let t = index.topic(after: s, by: d, from: id), t != id { s.view = .topic(t); s.topic = t; s.scroll = 0 }
                s.followSelection = true
            case .open:
                guard let p = index.selectedProvince(s), index.rankNumber(p, topic: id) != nil else { return nil }
                return .panel(province: p, topic: id)
            }
            return nil
        },
        tab: .topic, lists: .provinces, slide: .selectsRow)
}

extension ViewID {
    /// One topic's ranking of the provinces.
    public static func topic(_ id: String) -> ViewID { ViewID(TopicView.kind, topic: id) }
}
