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
