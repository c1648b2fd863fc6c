import CioDashCore

/// Provinces × agenda topics: each cell the status badge and the topic's headline figure,
/// then a totals row and a legend.
public enum OverviewView {
    public static func render(_ meeting: Meeting, context: RenderContext) -> ViewBody {
        let labels = context.labels
        let language = context.language
        let width = max(1, context.width)
        let topics = meeting.topics
        var grid = Grid(width: width, height: 0)

        let whole = context.wholeText
        let (nameWidth, columnWidth) = columnWidths(meeting, width: width, whole: whole)
        let inner = columnWidth - 1

        // Column headers: agenda number and title on up to two lines (all of it in a file).
        var y = 0
        let headings = topics.enumerated().map { i, topic in
            TopicHeading.lines(topic.title(in: language), width: max(1, inner - "\(i + 1) ".count), lines: whole ? nil : 2)
        }
        let headerRows = max(2, headings.map(\.count).max() ?? 0)
        grid.ensureRow(y + headerRows - 1)
        grid.put(labels.province, x: 0, y: y + headerRows - 1, maxWidth: nameWidth - 1, role: .header)
        for (i, heading) in headings.enumerated() {
            let x = nameWidth + i * columnWidth + 1
            let number = "\(i + 1) "
            for (row, text) in heading.enumerated() {
                grid.put((row == 0 ? number : "  ") + text, x: x, y: y + row, maxWidth: inner, role: .header)
            }
        }
        y += headerRows
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1

        var items: [SelectableItem] = []
        items.reserveCapacity(meeting.provinces.count)
        // Once per topic, not per cell: where each part of a cell sits and the bar's scale, the same
        // for every row so that bars compare.
        let layouts = topics.map { OverviewColumn(meeting, topic: $0, width: inner, labels: labels, language: language) }
        for province in meeting.provinces {
            grid.ensureRow(y)
            // Selected, the name is in the header role (unless it matches the search) and so is the
            // chosen topic's cell.
            let isMatch = matches(context.highlight, province.name)
            // A name cut for room ends in "…", so "Thanh H…" cannot be read as a name of its own;
            // a file wraps it onto more rows instead.
            let names = whole ? TextLayout.wrap(province.name, width: nameWidth - 1) : [TextLayout.truncate(province.name, to: nameWidth - 1)]
            var written = 0
            for (row, name) in names.enumerated() {
                grid.ensureRow(y + row)
                written = max(written, grid.put(name, x: 0, y: y + row, role: isMatch ? .match : .normal))
            }
            var marks = isMatch ? [] : [RoleMark(.header, x: 0, y: y, width: written, height: names.count)]
            var columns: ColumnStrip?
            var rows = names.count
            if province.isBroken {
                let reason = "‼ " + labels.brokenFile(province)
                let lines = whole ? TextLayout.wrap(reason, width: max(1, width - nameWidth - 1)) : [reason]
                for (row, line) in lines.enumerated() {
                    grid.ensureRow(y + row)
                    grid.put(line, x: nameWidth + 1, y: y + row, maxWidth: width - nameWidth - 1, role: .error)
                }
                rows = max(rows, lines.count)
                marks.append(RoleMark(.selected, x: nameWidth, y: y, width: width - nameWidth))
            } else {
                for (col, topic) in topics.enumerated() {
                    let x = nameWidth + col * columnWidth + 1
                    drawCell(&grid, x: x, y: y, width: inner, meeting: meeting, province: province, topic: topic,
                             labels: labels, language: language, column: layouts[col])
                }
                columns = ColumnStrip(x0: nameWidth, step: columnWidth, count: topics.count)
            }
            items.append(SelectableItem(rows: y..<(y + rows), marks: marks, columns: columns))
            y += rows
        }

        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        grid.ensureRow(y)
        grid.put(labels.totals, x: 0, y: y, maxWidth: nameWidth - 1, role: .header)
        for (col, topic) in topics.enumerated() {
            let counts = meeting.statusCounts(topic: topic)
            let text = ReportStatus.allCases.compactMap { s in counts[s].map { StatusBadge.symbol(s) + String($0) } }
                .joined(separator: " ")
            grid.put(text, x: nameWidth + col * columnWidth + 1, y: y, maxWidth: inner, role: .label)
        }
        y += 2

        // Legend: symbols, the illustrative mark, and what each column's figure is.
        var legend = ReportStatus.allCases.map { StatusBadge.text($0, labels: labels) }
        legend.append("* " + labels.illustrative)
        if let previous = meeting.previous, inner >= minimumWidthForChange {
            legend.append("+/- " + labels.change.lowercased() + " " + labels.since + " " + labels.date(previous.date))
        }
        if let first = meeting.history.last, meeting.history.count >= 2, inner >= minimumWidthForTrend {
            legend.append("▁▄█ " + (language == .vi ? "xu hướng qua \(meeting.history.count + 1) phiên họp từ \(first.date.year), · chưa có số báo cáo"
                                                     : "trend over \(meeting.history.count + 1) meetings since \(first.date.year), · no reported figure"))
        }
        for line in TextLayout.wrap(labels.legend + ": " + legend.joined(separator: " · "), width: width) {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, role: .muted)
            y += 1
        }
        for (i, topic) in topics.enumerated() {
            guard let id = topic.headline else { continue }
            let sample = meeting.provinces.lazy.compactMap { $0.topics[topic.id]?.metric(id) }.first
            // Before any province has reported, the agenda's definition names the headline.
            let definition = topic.definition(id)
            var text = "\(i + 1) \(topic.title(in: language)): \(sample?.label(in: language) ?? definition?.label(in: language) ?? id)"
            if let unit = sample?.unit ?? definition?.unit, !unit.isEmpty { text += " (\(unit))" }
            for line in TextLayout.wrap(text, width: width) {
                grid.ensureRow(y)
                grid.put(line, x: 0, y: y, role: .muted)
                y += 1
            }
        }
        return ViewBody(grid: grid, items: items)
    }

    /// Whether the overview at this width shows changes since the previous meeting, so that a
    /// command drawing only the overview can skip reading that meeting when it does not.
    public static func showsChanges(_ meeting: Meeting, width: Int) -> Bool {
        columnWidths(meeting, width: max(1, width)).column - 1 >= minimumWidthForChange
    }

    /// Cells of a topic column from which the change since the previous meeting is shown.
    static let minimumWidthForChange = 24
    /// Cells of a topic column from which the trend over the meetings of the chain is shown.
    static let minimumWidthForTrend = 36

    /// The province-name column and each topic column, in cells.
    /// A file (`whole`) gives names all the room the columns leave, rather than at most 22 cells.
    static func columnWidths(_ meeting: Meeting, width: Int, whole: Bool = false) -> (name: Int, column: Int) {
        let columns = max(1, meeting.topics.count)
        let longest = meeting.provinces.map { DisplayWidth.of($0.name) }.max() ?? 10
        var nameWidth = min(max(longest, 10), whole ? max(22, width - 9 * columns - 1) : 22) + 1
        var columnWidth = (width - nameWidth) / columns
        if columnWidth < 9 {
            nameWidth = max(8, width - 9 * columns)
            columnWidth = max(3, (width - nameWidth) / columns)
        }
        return (nameWidth, columnWidth)
    }

    /// One province × topic cell: status symbol, headline figure, a bar where there is room. The
    /// cell's parts sit where `column` puts them, the same in every row of the column.
    static func drawCell(_ grid: inout Grid, x: Int, y: Int, width: Int, meeting: Meeting, province: ProvinceReport,
                         topic: AgendaTopic, labels: Labels, language: Language, column: OverviewColumn) {
        guard let report = province.topics[topic.id] else {
            grid.put("– " + labels.noReport, x: x, y: y, maxWidth: width, role: .muted)
            return
        }
        grid.put(StatusBadge.symbol(report.status), x: x, y: y, role: StatusBadge.role(report.status))
        // The report is at hand: the same metric as meeting.headline(province:topic:), one lookup fewer.
        guard let id = topic.headline, let metric = report.metric(id) else { return }
        grid.putRight(OverviewColumn.valueText(metric, width: width, language: language), x: x + 2, y: y, width: column.valueWidth)
        var at = x + 3 + column.valueWidth
        if column.barWidth > 0 {
            ValueBar.draw(in: &grid, x: at, y: y, width: column.barWidth, value: metric.value,
                          target: metric.target, scale: column.scale)
            at += column.barWidth
        }
        if column.changeWidth > 0 {
            if let change = MetricFormat.change(current: metric.value,
                                                previous: meeting.previousValue(province: province.id, topic: topic.id, metric: metric),
                                                metric: metric, language: language) {
                grid.putRight(change, x: at, y: y, width: column.changeWidth - 1, role: .label)
            }
            at += column.changeWidth
        }
        if column.sparkWidth > 0 {
            // Reported figures only, so a unit merged since shows gaps where only its predecessors reported.
            let values: [Double?] = meeting.trend(province: province.id, topic: topic.id, metric: metric).map {
                if case .reported(let v) = $0.figure { return v } else { return nil }
            }
            // A trend needs three figures; the room is kept either way so that the column lines up.
            if values.lazy.compactMap({ $0 }).count >= 3 {
                grid.put(Sparkline.text(values), x: at + 1, y: y, maxWidth: column.sparkWidth - 1, role: .label)
            }
            at += column.sparkWidth
        }
        if column.statusWidth > 0 {
            let statusText = StatusBadge.text(report.status, labels: labels).dropFirst(2)
            grid.put(String(statusText), x: at + 1, y: y, maxWidth: column.statusWidth - 1, role: StatusBadge.role(report.status))
        }
    }

    static func matches(_ folded: String?, _ text: String) -> Bool {
        guard let folded, !folded.isEmpty else { return false }
        return SearchKey.fold(text).contains(folded)
    }
}

extension OverviewView {
    /// `overview`: a province's name leads to the province, each of its topic cells to the panel.
    static let kind = ViewKind(
        name: "overview",
        title: { _, labels, _ in labels.overview },
        render: { meeting, context in render(meeting, context: context) },
        report: { context, report in context.overview(into: &report); return true },
        links: { body, meeting in
            var links: [ViewLink] = []
            let width = body.grid.width
            for (item, province) in zip(body.items, meeting.provinces) {
                let row = item.rows.lowerBound
                guard let strip = item.columns else {
                    links.append(ViewLink(row: row, columns: 0..<width, target: .province(province.id)))
                    continue
                }
                links.append(ViewLink(row: row, columns: 0..<strip.x0, target: .province(province.id)))
                for (c, topic) in meeting.topics.prefix(strip.count).enumerated() {
                    let x = strip.x0 + c * strip.step
                    links.append(ViewLink(row: row, columns: x..<min(width, x + strip.step),
                                          target: .panel(province: province.id, topic: topic.id)))
                }
            }
            return links
        },
        selectedRow: { index, state in index.provinceNumber(index.selectedProvince(state)) ?? 0 },
        browse: { move, index, s in
            switch move {
            case .vertical(let d): s.province = index.province(after: s, by: d); s.followSelection = true
            case .horizontal(let d): s.topic = index.topic(after: s, by: d)
            case .open:
                guard let p = index.selectedProvince(s), let report = index.meeting.province(p) else { return nil }
                if report.isBroken { return .province(p) }
                guard let t = index.selectedTopic(s) else { return nil }
                return .panel(province: p, topic: t)
            }
            return nil
        },
        tab: .overview, lists: [.provinces, .topics], indexed: true)
}

extension ViewID {
    /// Every province against every topic.
    public static let overview = ViewID(OverviewView.kind)
}
