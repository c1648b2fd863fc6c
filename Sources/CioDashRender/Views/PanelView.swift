import CioDashCore

/// One province × one topic in full: every metric with its source, summary, highlights, obstacles.
public enum PanelView {
    public static func render(_ meeting: Meeting, province: ProvinceReport, topic: AgendaTopic, context: RenderContext) -> ViewBody {
        let labels = context.labels
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = ProvinceHeading.draw(in: &grid, province: province, width: width, labels: labels, whole: context.wholeText)
        let number = (meeting.topics.firstIndex(of: topic) ?? 0) + 1
        y += 1
        y = Box.labelledRule(in: &grid, y: y, width: width, label: "\(number). \(topic.title(in: context.language))",
                             whole: context.wholeText)
        if province.isBroken {
            _ = ProvinceHeading.drawBroken(in: &grid, y: y - 1, width: width, province: province, labels: labels)
        } else if let report = province.topics[topic.id] {
            // The file's path is for the secretariat, not the room: the reports name it (ViewReportBuilder).
            y = ReportSection.draw(in: &grid, y: y, width: width, meeting: meeting, province: province, topic: topic,
                                   report: report, labels: labels, language: context.language, detailed: true,
                                   wholeText: context.wholeText)
        } else {
            grid.ensureRow(y)
            grid.put("– " + labels.noReport, x: 0, y: y, role: .muted)
        }
        return ViewBody(grid: grid)
    }
}

extension PanelView {
    /// "Đà Nẵng · Đô thị thông minh": the province and topic a view of one province × topic is about.
    static func title(_ view: ViewID, _ meeting: Meeting, _ language: Language) -> String {
        guard let p = view.provinceID, let t = view.topicID else { return "" }
        return (meeting.province(p)?.name ?? p) + " · " + (meeting.topic(t)?.title(in: language) ?? t)
    }

    /// `panel:<province>/<topic>`: one province on one topic.
    static let kind = ViewKind(
        name: "panel", about: .provinceAndTopic,
        title: { view, meeting, _, language in title(view, meeting, language) },
        render: { view, meeting, context in
            guard let p = view.provinceID, let t = view.topicID, let province = meeting.province(p), let topic = meeting.topic(t) else { return nil }
            return render(meeting, province: province, topic: topic, context: context)
        },
        report: { view, context, report in
            guard let p = view.provinceID, let t = view.topicID, let province = context.meeting.province(p),
                  let topic = context.meeting.topic(t) else { return false }
            context.provinceFacts(province, into: &report)
            let number = (context.meeting.topics.firstIndex(of: topic) ?? 0) + 1
            report.blocks.append(.heading(level: 3, text: "\(number). " + ViewReportBuilder.clean(topic.title(in: context.language))))
            context.section(province, topic, into: &report)
            if !province.isBroken {
                report.blocks.append(.paragraph(context.labels.file + ": " + ViewReportBuilder.clean(province.file)))
            }
            return true
        },
        browse: { view, move, index, s in
            guard let pid = view.provinceID, let tid = view.topicID else { return nil }
            switch move {
            case .vertical: ViewKind.scroll(move, &s)
            case .horizontal(let d): ViewKind.sameViewOfNextProvince(view, by: d, index, &s)
            // A panel opens its figures across the meetings of the previous: chain.
            case .open: return .history(province: pid, topic: tid)
            }
            return nil
        },
        tab: .province,
        around: { view in
            guard let p = view.provinceID, let t = view.topicID else { return [] }
            return [.province(p), .topic(t), .history(province: p, topic: t)]
        },
        tablesIn: { view in view.provinceID.map { .province($0) } })
}

extension ViewID {
    /// One province × topic.
    public static func panel(province: String, topic: String) -> ViewID { ViewID(PanelView.kind, province: province, topic: topic) }
}
