import CioDashCore

/// Builds the `ViewReport` of any view from the meeting: the data each view's grid shows, whole
/// (nothing cut for room), with status words beside their symbols and every figure's provenance.
public enum ViewReportBuilder {
    public static func report(_ view: ViewID, meeting: Meeting, language: Language) -> ViewReport? {
        let labels = Labels.forLanguage(language)
        let title = TextSanitizer.line(view.title(in: meeting, labels: labels, language: language))
        var report = ViewReport(view: view, title: title)
        let context = Context(meeting: meeting, labels: labels, language: language)
        guard view.kind.report(view, context, &report) else { return nil }
        // Every figure of a province carries its return's signature verdict, whichever view made it.
        for index in report.figures.indices {
            guard let record = meeting.province(report.figures[index].provinceID)?.signature else { continue }
            report.figures[index].signatureID = record.verdictID
            report.figures[index].signature = record.word(language)
        }
        return report
    }

    /// The legend every view with statuses carries: each symbol with its word, and the illustrative mark.
    public static func legend(labels: Labels) -> [String] {
        ReportStatus.allCases.map { StatusBadge.text($0, labels: labels) } + ["* " + labels.illustrative]
    }

    static func clean(_ text: String) -> String { TextSanitizer.line(text) }

    /// What every kind's report is written with: the meeting, its labels, and the shared blocks.
    struct Context {
        let meeting: Meeting
        let labels: Labels
        let language: Language

        /// Each metric over the meetings of the chain: one table per metric, oldest meeting first.
        func history(_ province: ProvinceReport, _ topic: AgendaTopic, into report: inout ViewReport) {
            let number = (meeting.topics.firstIndex(of: topic) ?? 0) + 1
            report.blocks.append(.heading(level: 3, text: "\(number). " + clean(topic.title(in: language)) + " · " + labels.acrossMeetings))
            guard let section = province.topics[topic.id], !province.isBroken else {
                report.blocks.append(.paragraph(labels.noReport))
                return
            }
            for metric in section.metrics {
                report.blocks.append(.heading(level: 4, text: clean(metric.label(in: language))))
                var table = ReportTable(header: [labels.date, labels.value, labels.change], numeric: [1, 2])
                for row in HistoryView.rows(meeting, province: province, topic: topic, metric: metric, labels: labels) {
                    table.rows.append([row.date, row.shown + (row.note.map { " (" + clean($0) + ")" } ?? ""), row.change ?? ""])
                }
                report.blocks.append(.table(table))
            }
            report.blocks.append(.paragraph(HistoryView.footnote(language)))
        }

        func agenda(into report: inout ViewReport) {
            var facts = [labels.date + ": " + labels.date(meeting.date) + (meeting.start.map { " " + clean($0) } ?? "")]
            if let venue = meeting.venue { facts.append(labels.venue + ": " + clean(venue)) }
            if !meeting.chairs.isEmpty { facts.append(labels.chairs + ": " + meeting.chairs.map(clean).joined(separator: "; ")) }
            report.blocks.append(.paragraph(facts.joined(separator: " · ")))
            let start = meeting.start.flatMap(ClockTime.init)
            var clock = start
            var table = ReportTable(header: [labels.rank, labels.time, labels.topic, labels.minutes], numeric: [0, 3])
            var total = 0
            for (i, topic) in meeting.topics.enumerated() {
                var time = ""
                if let from = clock {
                    let to = from.adding(minutes: topic.minutes ?? 0)
                    time = "\(from)–\(to)"
                    clock = to
                }
                var title = clean(topic.title(in: language))
                let other = language == .vi ? topic.titleEN : topic.title
                if let other, other != topic.title(in: language) { title += " (" + clean(other) + ")" }
                total += topic.minutes ?? 0
                table.rows.append(["\(i + 1)", time, title, topic.minutes.map(String.init) ?? ""])
                report.figures.append(FigureRow(provinceID: "", province: "", topicID: topic.id, topic: clean(topic.title(in: language)),
                                                metricID: "minutes", metric: labels.minutes, value: topic.minutes.map(Double.init),
                                                shown: topic.minutes.map(String.init) ?? "", unit: labels.minutes,
                                                statusID: "", status: ""))
            }
            table.rows.append(["", "", labels.total, "\(total)"])
            report.blocks.append(.table(table))
            var count = "\(meeting.provinces.count) \(labels.provinces) · \(meeting.topics.count) \(labels.topics)"
            if let asOf = meeting.dataAsOf { count += " · \(labels.dataAsOf) \(labels.date(asOf))" }
            report.blocks.append(.paragraph(count))
        }

        func overview(into report: inout ViewReport) {
            let topics = meeting.topics
            var table = ReportTable(header: [labels.province] + topics.enumerated().map { "\($0.offset + 1). " + clean($0.element.title(in: language)) })
            for province in meeting.provinces {
                var row = [clean(province.name)]
                for topic in topics {
                    if province.isBroken {
                        row.append("‼ " + labels.brokenWord(province))
                        report.figures.append(brokenRow(province, topic))
                        continue
                    }
                    guard let topicReport = province.topics[topic.id] else {
                        row.append("– " + labels.noReport)
                        report.figures.append(noReportRow(province, topic))
                        continue
                    }
                    var cell = StatusBadge.text(topicReport.status, labels: labels)
                    if let metric = meeting.headline(province: province, topic: topic) {
                        let figure = figureRow(province, topic, topicReport, metric)
                        cell += " · " + figure.shown
                        if let target = metric.target {
                            cell += " · " + labels.target.lowercased() + " " + MetricFormat.value(target, metric: metric, language: language)
                        }
                        if let change = changeText(province, topic, metric) { cell += " · " + change }
                        report.figures.append(figure)
                    } else {
                        report.figures.append(statusRow(province, topic, topicReport))
                    }
                    row.append(cell)
                }
                table.rows.append(row)
            }
            report.blocks.append(.table(table))
            var totals: [String] = []
            for (i, topic) in topics.enumerated() {
                let counts = meeting.statusCounts(topic: topic)
                let text = ReportStatus.allCases.compactMap { s in counts[s].map { StatusBadge.text(s, labels: labels) + ": \($0)" } }
                totals.append("\(i + 1). " + clean(topic.title(in: language)) + " — " + text.joined(separator: ", "))
            }
            report.blocks.append(.list(title: labels.totals, items: totals))
            var headlines: [String] = []
            for (i, topic) in topics.enumerated() {
                guard let id = topic.headline else { continue }
                let sample = meeting.provinces.lazy.compactMap { $0.topics[topic.id]?.metric(id) }.first
                var text = "\(i + 1). " + clean(topic.title(in: language)) + ": " + clean(sample?.label(in: language) ?? id)
                if let unit = sample?.unit, !unit.isEmpty { text += " (" + clean(unit) + ")" }
                headlines.append(text)
            }
            report.blocks.append(.list(title: labels.headline, items: headlines))
            var legend = ViewReportBuilder.legend(labels: labels)
            if let previous = meeting.previous {
                legend.append("+/- " + labels.change.lowercased() + " " + labels.since + " " + labels.date(previous.date))
            }
            report.blocks.append(.list(title: labels.legend, items: legend))
        }

        func topic(_ topic: AgendaTopic, into report: inout ViewReport) {
            if language == .vi, let english = topic.titleEN { report.blocks.append(.paragraph(clean(english))) }
            let ranked = meeting.ranked(topic: topic)
            let sample = topic.headline.flatMap { id in ranked.lazy.compactMap { $0.topics[topic.id]?.metric(id) }.first }
            var headline = labels.headline + ": " + clean(sample?.label(in: language) ?? topic.headline ?? labels.noData)
            if let unit = sample?.unit, !unit.isEmpty { headline += " (" + clean(unit) + ")" }
            if let previous = meeting.previous {
                headline += " · " + labels.change + " " + labels.since + " " + labels.date(previous.date)
            }
            report.blocks.append(.paragraph(headline))
            var table = ReportTable(header: [labels.rank, labels.province, labels.status, labels.value, labels.target,
                                             labels.change, labels.source], numeric: [0, 3, 4, 5])
            var rank = 0
            for province in ranked {
                let name = clean(province.name)
                if province.isBroken {
                    table.rows.append(["", name, "‼ " + clean(labels.brokenFile(province)), "", "", "", ""])
                    report.figures.append(brokenRow(province, topic))
                    continue
                }
                guard let topicReport = province.topics[topic.id] else {
                    table.rows.append(["", name, "– " + labels.noReport, "", "", "", ""])
                    report.figures.append(noReportRow(province, topic))
                    continue
                }
                let status = StatusBadge.text(topicReport.status, labels: labels)
                guard let metric = meeting.headline(province: province, topic: topic) else {
                    table.rows.append(["", name, status, labels.noData, "", "", ""])
                    report.figures.append(statusRow(province, topic, topicReport))
                    continue
                }
                rank += 1
                let figure = figureRow(province, topic, topicReport, metric)
                table.rows.append(["\(rank)", name, status, figure.shown,
                                   metric.target.map { MetricFormat.value($0, metric: metric, language: language) } ?? "",
                                   changeText(province, topic, metric) ?? "", provenance(metric)])
                report.figures.append(figure)
            }
            report.blocks.append(.table(table))
            report.blocks.append(.list(title: labels.legend, items: ViewReportBuilder.legend(labels: labels)))
        }

        func provinceFacts(_ province: ProvinceReport, into report: inout ViewReport) {
            var title = clean(province.name)
            if let code = province.code { title += " (" + clean(code) + ")" }
            report.blocks.append(.paragraph(title))
            var facts: [String] = []
            if let region = province.region { facts.append(clean(region)) }
            if let reported = province.reported { facts.append(labels.reported + " " + labels.date(reported)) }
            if let source = province.source { facts.append(labels.source + ": " + clean(source)) }
            if !facts.isEmpty { report.blocks.append(.paragraph(facts.joined(separator: " · "))) }
            if let signature = province.signature, signature.verdict != .unsigned {
                report.blocks.append(.paragraph(clean(ProvinceHeading.signatureLine(signature, language: language).0)))
            }
        }

        /// One province on one topic: status, summary, the metrics table, highlights and obstacles.
        func section(_ province: ProvinceReport, _ topic: AgendaTopic, into report: inout ViewReport) {
            if province.isBroken {
                report.blocks.append(.paragraph("‼ " + clean(labels.brokenFile(province))))
                report.figures.append(brokenRow(province, topic))
                return
            }
            guard let topicReport = province.topics[topic.id] else {
                report.blocks.append(.paragraph("– " + labels.noReport))
                report.figures.append(noReportRow(province, topic))
                return
            }
            report.blocks.append(.paragraph(labels.status + ": " + StatusBadge.text(topicReport.status, labels: labels)))
            if let summary = topicReport.summary, !summary.isEmpty {
                for part in TextSanitizer.paragraph(summary).split(separator: "\n") where !part.allSatisfy(\.isWhitespace) {
                    report.blocks.append(.paragraph(String(part)))
                }
            }
            if topicReport.metrics.isEmpty {
                report.figures.append(statusRow(province, topic, topicReport))
            } else {
                var table = ReportTable(header: [labels.metrics, labels.value, labels.target, labels.change, labels.previous,
                                                 labels.source], numeric: [1, 2, 3, 4])
                for metric in topicReport.metrics {
                    let figure = figureRow(province, topic, topicReport, metric)
                    let previous = meeting.previousValue(province: province.id, topic: topic.id, metric: metric)
                    table.rows.append([clean(metric.label(in: language)), figure.shown,
                                       metric.target.map { MetricFormat.value($0, metric: metric, language: language) } ?? "",
                                       changeText(province, topic, metric) ?? "",
                                       previous.map { MetricFormat.value($0, metric: metric, language: language) } ?? "",
                                       provenance(metric)])
                    report.figures.append(figure)
                }
                report.blocks.append(.table(table))
            }
            if !topicReport.highlights.isEmpty {
                report.blocks.append(.list(title: labels.highlights, items: topicReport.highlights.map(clean)))
            }
            if !topicReport.issues.isEmpty {
                report.blocks.append(.list(title: labels.obstacles, items: topicReport.issues.map(clean)))
            }
        }

        /// "đã công bố · Nguồn: Báo Mới" or "* minh họa · Nguồn: …": where a figure comes from.
        func provenance(_ metric: Metric) -> String {
            var parts = [metric.illustrative ? "* " + labels.illustrative : labels.reportedFigure]
            if let source = metric.source, !source.isEmpty { parts.append(clean(source)) }
            return parts.joined(separator: " · ")
        }

        func changeText(_ province: ProvinceReport, _ topic: AgendaTopic, _ metric: Metric) -> String? {
            MetricFormat.change(current: metric.value,
                                previous: meeting.previousValue(province: province.id, topic: topic.id, metric: metric),
                                metric: metric, language: language)
        }

        func figureRow(_ province: ProvinceReport, _ topic: AgendaTopic, _ report: TopicReport, _ metric: Metric) -> FigureRow {
            var shown = MetricFormat.valueWithUnit(metric.value, metric: metric, language: language)
            if metric.illustrative { shown += "*" }
            let previous = meeting.previousValue(province: province.id, topic: topic.id, metric: metric)
            let change = previous.flatMap { p in metric.value.isFinite && p.isFinite ? metric.value - p : nil }
            return FigureRow(provinceID: province.id, province: clean(province.name), topicID: topic.id,
                             topic: clean(topic.title(in: language)), metricID: metric.id, metric: clean(metric.label(in: language)),
                             value: metric.value, shown: clean(shown), unit: clean(metric.unit ?? ""), target: metric.target,
                             previous: previous, change: change, statusID: report.status.rawValue,
                             status: labels.statusLong[report.status] ?? report.status.rawValue,
                             source: clean(metric.source ?? ""), illustrative: metric.illustrative)
        }

        func statusRow(_ province: ProvinceReport, _ topic: AgendaTopic, _ report: TopicReport) -> FigureRow {
            FigureRow(provinceID: province.id, province: clean(province.name), topicID: topic.id,
                      topic: clean(topic.title(in: language)), statusID: report.status.rawValue,
                      status: labels.statusLong[report.status] ?? report.status.rawValue)
        }

        func status(into report: inout ViewReport) {
            let words = StatusBoardView.Words(language)
            var table = ReportTable(header: [labels.province, words.state, labels.reported, words.fileTime, words.filled,
                                             words.problems, words.signature, words.note], numeric: [4, 5])
            let board = ReportingBoard(meeting)
            for r in board.rows {
                let state: String
                switch r.state {
                case .received: state = words.received
                case .receivedWithErrors: state = words.withErrors
                case .notReported: state = labels.notReported
                case .broken: state = labels.brokenFileWord
                }
                var notes: [String] = []
                if r.stale { notes.append(words.stale) }
                if r.afterMeeting { notes.append(words.afterMeeting) }
                table.rows.append([clean(r.name), state, r.reported.map(labels.date) ?? "",
                                   r.fileTime.map { words.time($0, offset: nil, labels: labels) + " UTC" } ?? "",
                                   r.state.hasFigures ? "\(r.filled)/\(r.asked)" : "",
                                   r.state == .notReported ? "" : "\(r.errors)/\(r.warnings)",
                                   r.signature?.word(language) ?? "", notes.joined(separator: ", ")])
            }
            report.blocks.append(.table(table))
            let details = StatusBoardView.signatureDetails(board, language: language)
            if !details.isEmpty { report.blocks.append(.list(title: words.signaturesHeading, items: details)) }
        }

        func noReportRow(_ province: ProvinceReport, _ topic: AgendaTopic) -> FigureRow {
            FigureRow(provinceID: province.id, province: clean(province.name), topicID: topic.id,
                      topic: clean(topic.title(in: language)), statusID: "no-report", status: labels.noReport)
        }

        func brokenRow(_ province: ProvinceReport, _ topic: AgendaTopic) -> FigureRow {
            FigureRow(provinceID: province.id, province: clean(province.name), topicID: topic.id,
                      topic: clean(topic.title(in: language)), statusID: province.notReported ? "not-reported" : "broken-file", status: labels.brokenWord(province),
                      source: clean(labels.brokenFile(province)))
        }
    }
}
