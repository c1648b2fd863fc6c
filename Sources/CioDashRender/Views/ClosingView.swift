import CioDashCore

/// The presenter's last slide: each topic's planned and spent time and the difference, then the
/// session's total, ahead or behind the agenda.
public enum ClosingView {
    public static func render(_ meeting: Meeting, context: RenderContext) -> ViewBody {
        let labels = context.labels
        let width = max(1, context.width)
        let timing = context.timing ?? SessionTiming(spent: [:], current: nil)
        var grid = Grid(width: width, height: 0)
        var y = 0
        func line(_ text: String, role: StyleRole) {
            for part in TextLayout.wrap(text, width: width) {
                grid.ensureRow(y)
                grid.put(part, x: 0, y: y, role: role)
                y += 1
            }
        }
        line(meeting.title, role: .title)
        line(labels.date + ": " + labels.date(meeting.date) + (meeting.venue.map { " · " + labels.venue + ": " + $0 } ?? ""), role: .muted)
        y += 1
        let column = 10
        let titleWidth = max(1, width - 4 - 3 * column)
        func row(_ cells: [String], role: StyleRole) {
            grid.ensureRow(y)
            for (i, cell) in cells.enumerated() {
                grid.put(TextLayout.padLeft(cell, to: column - 1), x: width - (3 - i) * column + 1, y: y, role: role)
            }
        }
        grid.ensureRow(y)
        grid.put(labels.rank, x: 1, y: y, role: .header)
        grid.put(labels.topic, x: 4, y: y, maxWidth: titleWidth, role: .header)
        row([labels.planned, labels.actual, labels.difference], role: .header)
        y += 1
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        for (i, topic) in meeting.topics.enumerated() {
            let lines = TextLayout.wrap(topic.title(in: context.language), width: titleWidth)
            grid.ensureRow(y)
            grid.put(TextLayout.padLeft("\(i + 1).", to: 3), x: 0, y: y, role: .label)
            let planned = (topic.minutes ?? 0) * 60
            let used = timing.spent[topic.id]
            let difference = used.map { $0 - planned }
            row([SessionTiming.mmss(planned), used.map(SessionTiming.mmss) ?? "–", difference.map(signed) ?? "–"],
                role: (difference ?? 0) > 0 ? .warning : .normal)
            for (j, text) in lines.enumerated() {
                grid.ensureRow(y + j)
                grid.put(text, x: 4, y: y + j, role: .normal)
            }
            y += lines.count
        }
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        // The sums are over the items held, then the items not held: each column adds up, and no
        // total of the whole agenda stands against the time of some of its items.
        let c = timing.comparison(meeting)
        grid.ensureRow(y)
        grid.put(labels.itemsHeld(c.held, of: c.budgeted), x: 4, y: y, maxWidth: titleWidth, role: .header)
        row([SessionTiming.mmss(c.planned), SessionTiming.mmss(c.spent), signed(c.delta)],
            role: c.delta > 0 ? .warning : .header)
        y += 1
        if c.notHeld > 0 {
            grid.ensureRow(y)
            grid.put(labels.notHeldRow(c.notHeld), x: 4, y: y, maxWidth: titleWidth, role: .label)
            row([SessionTiming.mmss(c.notHeldPlanned), "–", "–"], role: .label)
            y += 1
        }
        y += 1
        line(timing.summary(meeting, labels: labels), role: .label)
        return ViewBody(grid: grid)
    }

    /// "+01:20", "−05:00", "±00:00".
    static func signed(_ seconds: Int) -> String {
        (seconds > 0 ? "+" : seconds < 0 ? "−" : "±") + SessionTiming.mmss(abs(seconds))
    }
}

extension ClosingView {
    /// `closing`: the presenter's last slide.
    static let kind = ViewKind(
        name: "closing", offered: false,
        title: { _, labels, _ in labels.closing },
        render: { meeting, context in render(meeting, context: context) },
        // The presenter's closing slide needs the session's clock; a snapshot has none.
        report: { _, _ in false },
        slide: .sessionTimes)
}

extension ViewID {
    /// The presenter's last slide: planned and spent time per topic.
    public static let closing = ViewID(ClosingView.kind)
}
