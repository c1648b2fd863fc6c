import CioDashCore

/// The agenda in order with time budgets and planned times: the presenter's opening slide.
public enum AgendaView {
    /// The parts of the slide that give way, in this order, when the screen has fewer rows than the
    /// whole slide: every item, the total and the meeting's title stay.
    struct Parts: Equatable {
        var subtitles = true, count = true, council = true, chairs = true, timing = true

        /// The whole slide, then one part fewer at a time.
        static let fallbacks: [Parts] = [
            Parts(),
            Parts(subtitles: false),
            Parts(subtitles: false, count: false),
            Parts(subtitles: false, count: false, council: false),
            Parts(subtitles: false, count: false, council: false, chairs: false),
            Parts(subtitles: false, count: false, council: false, chairs: false, timing: false),
        ]
    }

    /// The slide as a whole, or, on a screen of `context.rows` rows, without the parts that do not
    /// fit: the other language's titles first (a Vietnamese projector shows Vietnamese titles).
    public static func render(_ meeting: Meeting, context: RenderContext) -> ViewBody {
        guard let rows = context.rows else { return render(meeting, context: context, parts: Parts()) }
        var body = render(meeting, context: context, parts: Parts())
        for parts in Parts.fallbacks.dropFirst() where body.grid.height > rows {
            body = render(meeting, context: context, parts: parts)
        }
        return body
    }

    static func render(_ meeting: Meeting, context: RenderContext, parts: Parts) -> ViewBody {
        let labels = context.labels
        let language = context.language
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = 0
        func text(_ s: String, role: StyleRole, indent: Int = 0) {
            for line in TextLayout.wrap(s, width: max(1, width - indent)) {
                grid.ensureRow(y)
                grid.put(line, x: indent, y: y, role: role)
                y += 1
            }
        }
        if parts.council { text(meeting.council, role: .label) }
        text(meeting.title, role: .title)
        var facts = [labels.date + ": " + labels.date(meeting.date) + (meeting.start.map { " " + $0 } ?? "")]
        if let venue = meeting.venue { facts.append(labels.venue + ": " + venue) }
        text(facts.joined(separator: " · "), role: .muted)
        if parts.chairs, !meeting.chairs.isEmpty { text(labels.chairs + ": " + meeting.chairs.joined(separator: "; "), role: .muted) }
        y += 1

        let start = meeting.start.flatMap(ClockTime.init)
        var clock = start
        let timeWidth = start == nil ? 0 : 12
        let minutesWidth = 8
        let titleWidth = max(1, width - 4 - timeWidth - minutesWidth)
        grid.ensureRow(y)
        grid.put(labels.rank, x: 1, y: y, role: .header)
        if timeWidth > 0 { grid.put(labels.time, x: 4, y: y, role: .header) }
        grid.put(labels.topic, x: 4 + timeWidth, y: y, maxWidth: titleWidth, role: .header)
        grid.put(TextLayout.padLeft(labels.minutes, to: minutesWidth - 1), x: width - minutesWidth + 1, y: y, role: .header)
        y += 1
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        var items: [SelectableItem] = []
        var total = 0
        for (i, topic) in meeting.topics.enumerated() {
            let top = y
            grid.ensureRow(y)
            grid.put(TextLayout.padLeft("\(i + 1).", to: 3), x: 0, y: y, role: .label)
            if let from = clock {
                let to = from.adding(minutes: topic.minutes ?? 0)
                grid.put("\(from)–\(to)", x: 4, y: y, role: .muted)
                clock = to
            }
            let lines = TextLayout.wrap(topic.title(in: language), width: titleWidth)
            for (j, line) in lines.enumerated() {
                grid.ensureRow(y + j)
                grid.put(line, x: 4 + timeWidth, y: y + j, role: .title)
            }
            if let minutes = topic.minutes {
                total += minutes
                grid.put(TextLayout.padLeft("\(minutes)", to: minutesWidth - 1), x: width - minutesWidth + 1, y: y)
            }
            y += lines.count
            let other = language == .vi ? topic.titleEN : topic.title
            if parts.subtitles, let other, other != topic.title(in: language) {
                for line in TextLayout.wrap(other, width: titleWidth) {
                    grid.ensureRow(y)
                    grid.put(line, x: 4 + timeWidth, y: y, role: .muted)
                    y += 1
                }
            }
            items.append(SelectableItem(rows: top..<y, marks: [RoleMark(.selected, x: 0, y: top, width: width, height: y - top)]))
        }
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        grid.ensureRow(y)
        grid.put(labels.total, x: 4, y: y, role: .header)
        grid.put(TextLayout.padLeft("\(total)", to: minutesWidth - 1), x: width - minutesWidth + 1, y: y, role: .header)
        y += 1
        if parts.count {
            y += 1
            let count = "\(meeting.provinces.count) \(labels.provinces) · \(meeting.topics.count) \(labels.topics)"
                + (meeting.dataAsOf.map { " · \(labels.dataAsOf) \(labels.date($0))" } ?? "")
            text(count, role: .muted)
        }
        // The session line once the session has begun: before, it would only say "nothing held yet".
        if parts.timing, let timing = context.timing, !timing.spent.isEmpty {
            y += 1
            text(timing.summary(meeting, labels: labels), role: .label)
        }
        return ViewBody(grid: grid, items: items)
    }
}

/// A time of day "HH:MM", for the agenda's planned times.
struct ClockTime: CustomStringConvertible {
    let minutes: Int

    init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        minutes = h * 60 + m
    }

    private init(total: Int) { minutes = total }

    func adding(minutes extra: Int) -> ClockTime { ClockTime(total: (minutes + extra) % (24 * 60)) }

    var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

extension AgendaView {
    /// `agenda`: each item leads to its topic; the arrows choose an item.
    static let kind = ViewKind(
        name: "agenda",
        title: { _, labels, _ in labels.agenda },
        render: { meeting, context in render(meeting, context: context) },
        report: { context, report in context.agenda(into: &report); return true },
        links: { body, meeting in ViewKind.rowLinks(body, meeting.topics) { .topic($0.id) } },
        selectedRow: { index, state in index.topicNumber(index.selectedTopic(state)) ?? 0 },
        browse: { move, index, s in
            switch move {
            case .vertical(let d): s.topic = index.topic(after: s, by: d); s.followSelection = true
            case .open: return index.selectedTopic(s).map { .topic($0) }
            case .horizontal: break
            }
            return nil
        },
        tab: .overview, slide: [.sessionTimes, .fitsHeight, .joinLine])
}

extension ViewID {
    /// The agenda: each item, its presenter and its time.
    public static let agenda = ViewID(AgendaView.kind)
}
