import CioDashCore

/// One province's report on one topic: status, summary, metrics with bars, highlights and obstacles.
/// The province view shows it compact; the panel view in full, with every figure's source.
public enum ReportSection {
    /// Draws the section from row `y` down and returns the next free row.
    public static func draw(in grid: inout Grid, y start: Int, width: Int, meeting: Meeting, province: ProvinceReport,
                            topic: AgendaTopic, report: TopicReport, labels: Labels, language: Language, detailed: Bool,
                            wholeText: Bool = false) -> Int {
        var y = start
        func line(_ text: String, role: StyleRole, indent: Int = 0, hanging: String = "") {
            let body = TextLayout.wrap(text, width: max(1, width - indent - DisplayWidth.of(hanging)))
            for (i, part) in body.enumerated() {
                grid.ensureRow(y)
                if i == 0 && !hanging.isEmpty { grid.put(hanging, x: indent, y: y, role: role) }
                grid.put(part, x: indent + DisplayWidth.of(hanging), y: y, role: role)
                y += 1
            }
        }

        grid.ensureRow(y)
        grid.put(labels.status + ": ", x: 0, y: y, role: .label)
        grid.put(StatusBadge.text(report.status, labels: labels), x: DisplayWidth.of(labels.status) + 2, y: y,
                 role: StatusBadge.role(report.status))
        y += 1
        if let summary = report.summary, !summary.isEmpty {
            line(summary, role: .normal)
        }
        if !report.metrics.isEmpty {
            y += 1
            y = drawMetrics(in: &grid, y: y, width: width, meeting: meeting, province: province, topic: topic,
                            metrics: report.metrics, labels: labels, language: language, detailed: detailed,
                            wholeText: wholeText)
        }
        if !report.highlights.isEmpty {
            y += 1
            line(labels.highlights, role: .header)
            for h in report.highlights { line(h, role: .normal, indent: 1, hanging: "+ ") }
        }
        if !report.issues.isEmpty {
            y += 1
            line(labels.obstacles, role: .header)
            for o in report.issues { line(o, role: .warning, indent: 1, hanging: "! ") }
        }
        return y
    }

    /// The metrics table: label, bar, value, target, change; in detail, a source line under each.
    static func drawMetrics(in grid: inout Grid, y start: Int, width: Int, meeting: Meeting, province: ProvinceReport,
                            topic: AgendaTopic, metrics: [Metric], labels: Labels, language: Language, detailed: Bool,
                            wholeText: Bool) -> Int {
        var y = start
        // A file widens the value column to the longest value with its unit rather than cut it.
        let widest = wholeText ? metrics.map { DisplayWidth.of(MetricFormat.valueWithUnit($0.value, metric: $0, language: language)) + 2 }.max() ?? 0 : 0
        let valueWidth = max(16, min(widest, width / 2)), targetWidth = 10, changeWidth = 9
        // Labels take what the figures and a 12-cell bar leave, so wide screens show them whole.
        let labelRoom = max(12, width - (1 + valueWidth + targetWidth + changeWidth + 2) - 12)
        let labelWidth = min(max(16, metrics.map { DisplayWidth.of($0.label(in: language)) }.max() ?? 16), labelRoom)
        var bar = width - (labelWidth + 1 + valueWidth + targetWidth + changeWidth + 2)
        let showTarget = bar >= 0 || width - labelWidth - valueWidth >= targetWidth + 1
        let showChange = bar >= 0
        bar = min(30, bar)
        let xBar = labelWidth + 1
        let xValue = xBar + (bar >= 6 ? bar + 1 : 0)
        let xTarget = xValue + valueWidth
        let xChange = xTarget + (showTarget ? targetWidth : 0)

        grid.ensureRow(y)
        grid.put(labels.metrics, x: 0, y: y, maxWidth: labelWidth, role: .header)
        grid.put(TextLayout.padLeft(labels.value, to: valueWidth - 1), x: xValue, y: y, role: .header)
        if showTarget { grid.put(TextLayout.padLeft(labels.target, to: targetWidth - 1), x: xTarget, y: y, role: .header) }
        if showChange { grid.put(TextLayout.padLeft(labels.change, to: changeWidth - 1), x: xChange, y: y, role: .header) }
        y += 1
        for metric in metrics {
            grid.ensureRow(y)
            let labelLines = detailed || wholeText ? TextLayout.wrap(metric.label(in: language), width: labelWidth)
                                                   : [TextLayout.truncate(metric.label(in: language), to: labelWidth)]
            for (i, text) in labelLines.enumerated() {
                grid.ensureRow(y + i)
                grid.put(text, x: 0, y: y + i)
            }
            // A bar needs something to measure against: a share, a target, or the other provinces' figures.
            let largest = metric.isShare || metric.target != nil ? nil : meeting.largestValue(topic: topic.id, metric: metric.id)
            if bar >= 6 && (metric.isShare || metric.target != nil || largest != nil) {
                ValueBar.draw(in: &grid, x: xBar, y: y, width: bar, value: metric.value, target: metric.target,
                              isShare: metric.isShare, largest: largest)
            }
            var value = MetricFormat.valueWithUnit(metric.value, metric: metric, language: language)
            if metric.illustrative { value += "*" }
            // A file never cuts a value: one too long for its column (a long unit) goes whole on the
            // lines below, and the column keeps the number.
            var overflow: [String] = []
            if wholeText && DisplayWidth.of(value) > valueWidth - 1 {
                overflow = TextLayout.wrap(value, width: max(1, width - 2))
                value = MetricFormat.value(metric.value, metric: metric, language: language) + (metric.illustrative ? "*" : "")
            }
            grid.putRight(value, x: xValue, y: y, width: valueWidth - 1)
            if showTarget, let target = metric.target {
                grid.putRight(MetricFormat.value(target, metric: metric, language: language), x: xTarget, y: y,
                              width: targetWidth - 1, role: .muted)
            }
            let previous = meeting.previousValue(province: province.id, topic: topic.id, metric: metric)
            if showChange, let change = MetricFormat.change(current: metric.value, previous: previous, metric: metric, language: language) {
                grid.putRight(change, x: xChange, y: y, width: changeWidth - 1, role: .label)
            }
            y += labelLines.count
            for part in overflow {
                grid.ensureRow(y)
                grid.put(part, x: 2, y: y)
                y += 1
            }
            if detailed {
                var facts: [String] = [metric.illustrative ? "* " + labels.illustrative : labels.reportedFigure]
                if let previous {
                    facts.append(labels.previous + " " + MetricFormat.value(previous, metric: metric, language: language))
                }
                if let source = metric.source, !source.isEmpty, !(metric.illustrative && Self.saysOnlyIllustrative(source)) {
                    facts.append(labels.source + ": " + source)
                }
                // Earlier meetings get lines of their own: they are sentences, not facts to run together.
                var paragraphs = [facts.joined(separator: " · ")]
                if let previousMeeting = meeting.previous,
                   let merged = EarlierFigureText.describe(meeting.earlierFigure(province: province.id, topic: topic.id, metric: metric),
                                                           current: metric.value, metric: metric, since: previousMeeting.date,
                                                           language: language) {
                    paragraphs.append(merged)
                }
                if let trend = TrendText.describe(meeting.trend(province: province.id, topic: topic.id, metric: metric),
                                                  metric: metric, language: language) {
                    paragraphs.append(trend)
                }
                for part in paragraphs.flatMap({ TextLayout.wrap($0, width: max(1, width - 2)) }) {
                    grid.ensureRow(y)
                    grid.put(part, x: 2, y: y, role: .muted)
                    y += 1
                }
            }
        }
        return y
    }

    /// A source that says no more than the illustrative mark beside it ("Minh họa (illustrative)"):
    /// not said a second time.
    static func saysOnlyIllustrative(_ source: String) -> Bool {
        let words = SearchKey.fold(source).split { !$0.isLetter }
        return !words.isEmpty && words.allSatisfy { ["minh", "hoa", "illustrative"].contains($0) }
    }
}
