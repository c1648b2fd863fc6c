import CioDashCore
import CioDashRender

/// The presenter's own screen beside the projector (`ciodash follow --speaker`): the slide the
/// projector shows, drawn small; the topic's countdown in large digits; the session ahead or
/// behind; the next slide's title; and the topic's notes (`notes:` in the agenda).
///
/// Two columns from 72 columns up: the slide on the left, the clock side on the right. When the
/// right column has room under the clock (a large screen) the notes go there and the digits are
/// drawn twice as large; otherwise (80×24) the notes go under the slide. Narrower, one column.
public enum SpeakerView {
    /// Columns from which the slide and the clock side stand side by side.
    static let twoColumnWidth = 72
    /// Rows the notes need to be worth a box of their own in the right column.
    static let sideNotesRows = 8

    /// The frame for `state` (the presenter's slide and countdown, as the follower holds them).
    /// `notesScroll` lines of the notes are skipped; the frame's `scroll` is that number kept within
    /// the notes, and its `viewport` the notes' visible rows.
    public static func compose(navigator: Navigator, state: NavigationState, width: Int, height: Int,
                               clock: ScreenComposer.Clock, notice: String?, notesScroll: Int,
                               cache: ViewBodyCache? = nil) -> ScreenComposer.Frame {
        let labels = Labels.forLanguage(state.language)
        guard width >= ScreenComposer.minimumWidth, height >= ScreenComposer.minimumHeight else {
            return .init(grid: ScreenComposer.tooSmall(width: width, height: height, labels: labels), scroll: 0, viewport: 0)
        }
        let words = SpeakerWords.forLanguage(state.language)
        let meeting = navigator.meeting
        let slide = SlideFacts(navigator: navigator, view: state.view, labels: labels, language: state.language)
        var grid = Grid(width: width, height: height)

        grid.fill(x: 0, y: 0, width: width, height: 1, role: .title)
        let right = " \(clock.wall) "
        let left = " \(words.speakerView) · \(slide.counter)"
        grid.put(TextLayout.truncate(left, to: width - DisplayWidth.of(right) - 1), x: 0, y: 0, role: .title)
        grid.put(right, x: width - DisplayWidth.of(right), y: 0, role: .title)

        let top = 1, rows = height - 3
        let timing = SessionTiming(timer: state.timer, now: clock.now)
        let clockSide = ClockSide(meeting: meeting, slide: slide, timer: state.timer, timing: timing, clock: clock,
                                  labels: labels, words: words)
        var notes = NotesBox(slide: slide, meeting: meeting, navigator: navigator, words: words)

        if width >= twoColumnWidth {
            let side = min(72, max(30, width * 2 / 5))
            let sideX = width - side
            let scale = rows >= 30 && side - 2 >= BigText.width(clockSide.digits, scale: 2) ? 2 : 1
            clockSide.draw(on: &grid, x: sideX, y: top, width: side - 1, scale: scale)
            // From the screen's size alone, so that the notes stay put from one slide to the next.
            let used = ClockSide.rows(scale: scale)
            let free = rows - used - 1
            if free >= sideNotesRows {
                notes.draw(on: &grid, x: sideX, y: top + used + 1, width: side - 1, height: free, scroll: notesScroll)
                drawSlide(&grid, slide, meeting: meeting, state: state, clock: clock, x: 0, y: top, width: sideX - 1,
                          height: rows, cache: cache)
            } else {
                let slideRows = max(7, rows / 2)
                drawSlide(&grid, slide, meeting: meeting, state: state, clock: clock, x: 0, y: top, width: sideX - 1,
                          height: slideRows, cache: cache)
                notes.draw(on: &grid, x: 0, y: top + slideRows, width: sideX - 1, height: rows - slideRows, scroll: notesScroll)
            }
        } else {
            let scale = rows >= 24 ? 1 : 0
            clockSide.draw(on: &grid, x: 1, y: top, width: width - 2, scale: scale)
            let rest = rows - ClockSide.rows(scale: scale)
            let used = rows - rest
            let notesRows = rest >= 8 ? rest / 2 : rest
            notes.draw(on: &grid, x: 0, y: top + used, width: width, height: notesRows, scroll: notesScroll)
            if rest - notesRows >= 4 {
                drawSlide(&grid, slide, meeting: meeting, state: state, clock: clock, x: 0, y: top + used + notesRows,
                          width: width, height: rest - notesRows, cache: cache)
            }
        }

        ScreenComposer.drawStatusLine(&grid, y: height - 2, state: state, notice: notice, labels: labels, position: (0, 0, 0))
        grid.fill(x: 0, y: height - 1, width: width, height: 1, role: .footer)
        grid.put(CommandTable.speakerFooter(language: state.language, width: width - 2), x: 1, y: height - 1, role: .footer)
        if state.showHelp {
            ScreenComposer.drawHelp(on: &grid, mode: .present, labels: labels, language: state.language, scroll: state.helpScroll)
        }
        return .init(grid: grid, scroll: notes.scroll, viewport: notes.visibleRows)
    }

    /// The slide the projector shows, boxed, its body drawn at the box's width from the top.
    private static func drawSlide(_ grid: inout Grid, _ slide: SlideFacts, meeting: Meeting, state: NavigationState,
                                  clock: ScreenComposer.Clock, x: Int, y: Int, width: Int, height: Int, cache: ViewBodyCache?) {
        // A title the frame cannot hold whole goes inside, wrapped, above the slide: a presenter
        // reads which slide is up from it.
        let fits = DisplayWidth.of(slide.title) <= width - 6
        let box = Box.draw(in: &grid, x: x, y: y, width: width, height: height, title: fits ? slide.title : nil, role: .muted)
        guard box.width > 0, box.height > 0 else { return }
        var inner = box
        if !fits {
            let lines = TextLayout.wrap(slide.title, width: box.width).prefix(max(1, box.height / 2))
            for (i, line) in lines.enumerated() { grid.put(line, x: box.x, y: box.y + i, role: .title) }
            inner.y += lines.count
            inner.height -= lines.count
            guard inner.height > 0 else { return }
        }
        var context = RenderContext(language: state.language, width: inner.width)
        let traits = state.view.kind.slide
        if traits.contains(.sessionTimes) { context.timing = SessionTiming(timer: state.timer, now: clock.now) }
        if traits.contains(.fitsHeight) { context.rows = inner.height }
        guard let body = cache.map({ $0.body(state.view, meeting: meeting, context: context) })
                ?? ViewRenderer.unselectedBody(state.view, meeting: meeting, context: context) else { return }
        grid.blit(body.grid, rows: 0..<min(body.grid.height, inner.height), x: inner.x, y: inner.y)
        if body.grid.height > inner.height {
            grid.put(" ⋯ ", x: x + width - 6, y: y + height - 1, role: .muted)
        }
    }
}

/// What the speaker view says about the slide on the projector: its place, title and topic.
private struct SlideFacts {
    let view: ViewID
    let number: Int?
    let count: Int
    let counter: String
    let title: String
    let topicID: String?
    /// The slide after this one in the deck, nil on the last.
    let next: ViewID?

    init(navigator: Navigator, view: ViewID, labels: Labels, language: Language) {
        let deck = navigator.deck
        self.view = view
        number = deck.index(of: view)
        count = deck.slides.count
        counter = "\(labels.slide) \(number.map { "\($0 + 1)" } ?? "–")/\(count)"
        title = view.title(in: navigator.meeting, labels: labels, language: language)
        topicID = view.topicID
        next = number.flatMap { deck.slides.indices.contains($0 + 1) ? deck.slides[$0 + 1] : nil }
    }
}

/// The right-hand side: what the big digits count, the digits, the session, the next slide.
private struct ClockSide {
    let caption: String
    let digits: String
    let state: String
    let stateRole: StyleRole
    let session: String
    let sessionRole: StyleRole
    let totals: String
    let nextLabel: String
    let nextTitle: String

    init(meeting: Meeting, slide: SlideFacts, timer: TopicTimer, timing: SessionTiming, clock: ScreenComposer.Clock,
         labels: Labels, words: SpeakerWords) {
        let language = labels.language
        if let id = slide.topicID, let topic = meeting.topic(id) {
            let number = (meeting.topics.firstIndex { $0.id == id } ?? 0) + 1
            // The slide's box has the topic's title: here, its place in the agenda and its budget.
            caption = words.topic(number, meeting.topics.count, topic.minutes)
            let elapsed = timer.elapsed(id, now: clock.now)
            if let minutes = topic.minutes {
                let left = Double(minutes * 60) - elapsed
                digits = left < 0 ? "+" + ScreenComposer.mmss(-left) : ScreenComposer.mmss(left)
                var parts = [left < 0 ? "‼ " + labels.overrun : words.timeLeft]
                if left >= 0 && left < 60 { parts.append("‼ " + labels.lastMinute) }
                else if left >= 0 && left < 300 { parts.append("▲ " + labels.lastFiveMinutes) }
                if timer.paused { parts.append(labels.paused) }
                state = parts.joined(separator: " · ")
                stateRole = left < 0 ? .overrun : left < 300 ? .warning : .label
            } else {
                digits = ScreenComposer.mmss(elapsed)
                state = words.usedNoBudget + (timer.paused ? " · " + labels.paused : "")
                stateRole = .label
            }
        } else {
            caption = words.timeOfDay
            digits = clock.wall
            state = timer.paused ? labels.paused : ""
            stateRole = .label
        }
        // Over the items held, as the agenda and closing slides count them: the sums add up.
        let c = timing.comparison(meeting)
        session = labels.itemsHeldShort(c.held, of: c.budgeted) + ": " + timing.deltaText(meeting, labels: labels)
        sessionRole = c.delta > 0 ? .warning : .label
        totals = "\(labels.planned) \(SessionTiming.mmss(c.planned)) · \(labels.actual) \(SessionTiming.mmss(c.spent))"
        if let next = slide.next, let number = slide.number {
            nextLabel = words.nextSlide + " (\(labels.slide.lowercased()) \(number + 2)/\(slide.count)):"
            nextTitle = next.title(in: meeting, labels: labels, language: language)
        } else {
            nextLabel = words.nextSlide + ":"
            nextTitle = words.lastSlide
        }
    }

    /// The rows `draw` may take: caption, digits, state, session (2), next slide (label and 2 rows
    /// of title), with a blank row between the groups.
    static func rows(scale: Int) -> Int { 1 + max(1, BigText.height * scale) + 1 + 1 + 2 + 1 + 3 }

    /// Draws the side from (x, y), in at most `rows(scale:)` rows. Scale 0: the countdown on one line.
    func draw(on grid: inout Grid, x: Int, y: Int, width: Int, scale: Int) {
        var row = y
        func line(_ text: String, _ role: StyleRole) {
            grid.put(TextLayout.truncate(text, to: width), x: x, y: row, role: role)
            row += 1
        }
        line(caption, .header)
        if scale > 0 {
            for big in BigText.lines(digits, scale: scale) {
                grid.put(big, x: x + max(0, (width - DisplayWidth.of(big)) / 2), y: row, maxWidth: width, role: stateRole == .label ? .title : stateRole)
                row += 1
            }
        } else {
            line(digits, stateRole == .label ? .title : stateRole)
        }
        line(state, stateRole)
        row += 1
        line(session, sessionRole)
        line(totals, .muted)
        row += 1
        line(nextLabel, .label)
        for text in TextLayout.wrap(nextTitle, width: max(1, width)).prefix(2) { line(text, .title) }
    }
}

/// The notes of the topic on screen, or of the next topic on a slide outside any (the agenda, the
/// overview), wrapped in a box; ↑ ↓ scroll them.
private struct NotesBox {
    let title: String
    let text: String?
    let missing: String
    let moreBelow: (Int) -> String
    private(set) var scroll = 0
    private(set) var visibleRows = 0

    init(slide: SlideFacts, meeting: Meeting, navigator: Navigator, words: SpeakerWords) {
        moreBelow = words.moreBelow
        if let id = slide.topicID, let topic = meeting.topic(id) {
            title = words.notes
            text = topic.notes
            missing = words.noNotes
            return
        }
        let deck = navigator.deck
        let after = slide.number.map { $0 + 1 } ?? 0
        let nextTopic = deck.slides.indices.dropFirst(after).lazy.compactMap { deck.topic(at: $0) }.first
        if let id = nextTopic, let topic = meeting.topic(id) {
            title = words.nextTopicNotes((meeting.topics.firstIndex { $0.id == id } ?? 0) + 1)
            text = topic.notes
            missing = words.noNotes
        } else {
            title = words.notes
            text = nil
            missing = words.noTopicHere
        }
    }

    mutating func draw(on grid: inout Grid, x: Int, y: Int, width: Int, height: Int, scroll wanted: Int) {
        let inner = Box.draw(in: &grid, x: x, y: y, width: width, height: height, title: title, role: .muted)
        guard inner.width > 0, inner.height > 0 else { return }
        guard let text else {
            for (i, line) in TextLayout.wrap(missing, width: inner.width).prefix(inner.height).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + i, role: .muted)
            }
            return
        }
        let lines = TextLayout.wrap(text, width: inner.width)
        let fits = lines.count <= inner.height
        // The last row says how much is below when the notes are longer than the box.
        let shown = fits ? inner.height : inner.height - 1
        scroll = fits ? 0 : min(max(0, wanted), lines.count - shown)
        visibleRows = max(1, shown)
        for (i, line) in lines.dropFirst(scroll).prefix(shown).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + i, role: .normal)
        }
        if !fits {
            let below = lines.count - scroll - shown
            grid.put(TextLayout.truncate(moreBelow(below), to: inner.width), x: inner.x, y: inner.y + shown, role: .muted)
        }
    }
}

/// The speaker view's own words, in both interface languages.
struct SpeakerWords {
    let speakerView, timeOfDay, timeLeft, usedNoBudget, nextSlide, lastSlide, notes, noNotes, noTopicHere: String
    /// The notes box's title on a slide outside any topic: the next topic's notes.
    let nextTopicNotes: (_ number: Int) -> String
    let topic: (_ number: Int, _ count: Int, _ minutes: Int?) -> String
    let moreBelow: (Int) -> String

    static func forLanguage(_ language: Language) -> SpeakerWords {
        language == .vi ? vi : en
    }

    static let vi = SpeakerWords(
        speakerView: "Màn hình người nói", timeOfDay: "Giờ hiện tại", timeLeft: "còn lại", usedNoBudget: "đã dùng (chủ đề không có thời lượng)",
        nextSlide: "Trang tiếp", lastSlide: "— đây là trang cuối", notes: "Ghi chú",
        noNotes: "Không có ghi chú cho mục này: trình bày theo trang chiếu.",
        noTopicHere: "Trang này không thuộc mục nào của chương trình: không có ghi chú.",
        nextTopicNotes: { "Ghi chú của chủ đề \($0) (tiếp theo)" },
        topic: { "Chủ đề \($0)/\($1)" + ($2.map { " · \($0) phút" } ?? "") },
        moreBelow: { $0 == 0 ? "— hết ghi chú · ↑ cuộn lên" : "↓ còn \($0) dòng · ↑↓ cuộn" })

    static let en = SpeakerWords(
        speakerView: "Speaker view", timeOfDay: "Time of day", timeLeft: "left", usedNoBudget: "used (the topic has no time budget)",
        nextSlide: "Next slide", lastSlide: "— this is the last slide", notes: "Notes",
        noNotes: "No notes for this item: present from the slide.",
        noTopicHere: "This slide belongs to no agenda item: no notes.",
        nextTopicNotes: { "Notes of topic \($0) (next)" },
        topic: { "Topic \($0)/\($1)" + ($2.map { " · \($0) min" } ?? "") },
        moreBelow: { $0 == 0 ? "— end of the notes · ↑ scroll up" : "↓ \($0) more lines · ↑↓ scroll" })
}
