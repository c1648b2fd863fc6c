import CioDashCore
import CioDashRender

/// The whole screen for a state: header (a banner in presenter mode), the view's body scrolled to
/// keep the selection visible, a status line and key hints. The ncurses layer only copies it out.
public enum ScreenComposer {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    /// What the clock says, given by the shell so that composing stays pure.
    public struct Clock: Sendable {
        /// Monotonic seconds, for the presenter's countdown.
        public var now: Double
        /// Local wall-clock time "HH:MM".
        public var wall: String
        /// Wall-clock seconds since 1970 (UTC), for the minutes' record of when things happened.
        public var epoch: Double
        /// Seconds east of UTC of the screen's local time, for clock times a view shows (the
        /// reporting board's file times); nil: UTC.
        public var utcOffset: Int?

        public init(now: Double, wall: String, epoch: Double = 0, utcOffset: Int? = nil) {
            self.now = now
            self.wall = wall
            self.epoch = epoch
            self.utcOffset = utcOffset
        }
    }

    public struct Frame: Sendable {
        public var grid: Grid
        /// The scroll offset actually used, to store back into the state.
        public var scroll: Int
        /// Body rows visible, to store as the state's page size.
        public var viewport: Int
    }

    /// With a `cache` (one per loaded meeting), the view's body is kept between calls and only the
    /// selection is marked on the visible rows; the frame is the same as without. `reservedRows`
    /// under the body are left blank for an overlay of the caller's (the sharing presenter's join line).
    public static func compose(navigator: Navigator, state: NavigationState, width: Int, height: Int,
                               clock: Clock, notice: String? = nil, cache: ViewBodyCache? = nil,
                               reservedRows: Int = 0) -> Frame {
        let index = navigator.index, meeting = index.meeting
        let labels = Labels.forLanguage(state.language)
        guard width >= minimumWidth, height >= minimumHeight else {
            return Frame(grid: tooSmall(width: width, height: height, labels: labels), scroll: state.scroll, viewport: 0)
        }
        var grid = Grid(width: width, height: height)
        let top = state.mode == .present
            ? drawBanner(&grid, meeting: meeting, state: state, deck: navigator.deck, clock: clock, labels: labels)
            : drawHeader(&grid, meeting: meeting, state: state, labels: labels)
        let viewport = max(1, height - top - 2 - max(0, reservedRows))
        var context = RenderContext(language: state.language, width: width - 2, selectedRow: index.selectedRow(state),
                                    selectedColumn: index.selectedColumn(state),
                                    highlight: state.search)
        context.utcOffset = clock.utcOffset
        // Slides that show the session's times (the agenda, the closing slide) are drawn again each
        // second; a slide with parts to leave out (the agenda) is drawn for the height it has.
        let slide = state.view.kind.slide
        if state.mode == .present && slide.contains(.sessionTimes) {
            context.timing = SessionTiming(timer: state.timer, now: clock.now)
        }
        if state.mode == .present && slide.contains(.fitsHeight) { context.rows = viewport }
        let body = (cache.map { $0.body(state.view, meeting: meeting, context: context) }
                    ?? ViewRenderer.unselectedBody(state.view, meeting: meeting, context: context))
            ?? ViewBody(grid: Grid(width: width - 2, height: 0))
        let selection = body.selection(row: context.selectedRow, column: context.selectedColumn)
        var scroll = min(max(0, state.scroll), max(0, body.grid.height - viewport))
        if state.followSelection, let focus = selection?.focus {
            if focus.lowerBound < scroll { scroll = focus.lowerBound }
            if focus.upperBound > scroll + viewport { scroll = min(focus.lowerBound, focus.upperBound - viewport) }
            scroll = max(0, scroll)
        }
        // The body is as wide as the window (width - 2); rows past its end stay blank. The selection
        // is marked on the window, clipped to it, so the body itself stays unselected.
        let rows = scroll..<max(scroll, min(body.grid.height, scroll + viewport))
        grid.blit(body.grid, rows: rows, x: 1, y: top)
        for m in selection?.marks ?? [] {
            let from = max(m.y, rows.lowerBound), to = min(m.y + m.height, rows.upperBound)
            guard from < to else { continue }
            let x0 = max(0, m.x), x1 = min(body.grid.width, m.x + m.width)
            guard x0 < x1 else { continue }
            grid.setRole(m.role, x: 1 + x0, y: top + from - scroll, width: x1 - x0, height: to - from)
        }

        drawStatusLine(&grid, y: height - 2, state: state, notice: notice, labels: labels,
                       position: (scroll, viewport, body.grid.height))
        grid.fill(x: 0, y: height - 1, width: width, height: 1, role: .footer)
        let hints = CommandTable.footer(mode: state.mode, language: state.language, width: width - 2)
        grid.put(TextLayout.truncate(hints, to: width - 2), x: 1, y: height - 1, role: .footer)
        if state.showHelp {
            ScreenComposer.drawHelp(on: &grid, mode: state.mode, labels: labels, language: state.language, scroll: state.helpScroll)
        }
        return Frame(grid: grid, scroll: scroll, viewport: viewport)
    }

    /// One header line: meeting, date, view; the language on the right.
    /// The `?` overlay for `mode`: the command table's rows, and its keys for scrolling the help.
    public static func drawHelp(on grid: inout Grid, mode: NavigationState.Mode, labels: Labels, language: Language,
                                scroll: Int = 0) {
        HelpOverlay.draw(on: &grid, entries: CommandTable.help(mode: mode, language: language).map { ($0.keys, $0.text) },
                         labels: labels, scroll: scroll) { CommandTable.helpScrollHint(language: language, linesBelow: $0) }
    }

    static func drawHeader(_ grid: inout Grid, meeting: Meeting, state: NavigationState, labels: Labels) -> Int {
        let width = grid.width
        grid.fill(x: 0, y: 0, width: width, height: 1, role: .title)
        let right = " \(state.language.rawValue.uppercased()) "
        let view = state.view.title(in: meeting, labels: labels, language: state.language)
        // The view first: on a narrow screen the long meeting title is what gets cut.
        let left = " \(view) │ \(labels.date(meeting.date)) · \(meeting.title)"
        grid.put(TextLayout.truncate(left, to: width - right.count - 1), x: 0, y: 0, role: .title)
        grid.put(right, x: width - right.count, y: 0, role: .title)
        return 1
    }

    /// The presenter's banner: a boxed, centred slide title (as written: upper case would drop the
    /// top mark of letters with two diacritics on common projector fonts) with slide counter, clock
    /// and countdown.
    static func drawBanner(_ grid: inout Grid, meeting: Meeting, state: NavigationState, deck: PresenterDeck,
                           clock: Clock, labels: Labels) -> Int {
        let width = grid.width
        let number = deck.index(of: state.view).map { "\($0 + 1)" } ?? "–"
        var info = ["\(labels.slide) \(number)/\(deck.slides.count)", clock.wall]
        var overrun = false
        if let topicID = state.view.topicID, let topic = meeting.topic(topicID), let minutes = topic.minutes {
            let left = Double(minutes * 60) - state.timer.elapsed(topicID, now: clock.now)
            overrun = left < 0
            var countdown = countdownText(left: left, labels: labels, language: state.language)
            if state.timer.paused { countdown += " (\(labels.paused))" }
            info.append(countdown)
        }
        let timing = SessionTiming(timer: state.timer, now: clock.now)
        if !timing.spent.isEmpty { info.append(labels.session + " " + timing.deltaText(meeting, labels: labels)) }
        let title = state.view.title(in: meeting, labels: labels, language: state.language)
        Box.draw(in: &grid, x: 0, y: 0, width: width, height: 3, title: nil, role: .title)
        let text = TextLayout.truncate(title, to: width - 4)
        grid.put(text, x: max(2, (width - DisplayWidth.of(text)) / 2), y: 1, role: .title)
        let status = " " + info.joined(separator: " · ") + " "
        let x = max(1, width - DisplayWidth.of(status) - 2)
        grid.put(status, x: x, y: 2, maxWidth: width - x - 1, role: overrun ? .overrun : .label)
        return 3
    }

    /// "còn 29:59" / "29:59 left"; in the last 5 and the last minute a word says so (not colour
    /// alone); past the budget the overrun counts up.
    static func countdownText(left: Double, labels: Labels, language: Language) -> String {
        if left < 0 { return "‼ \(labels.overrun) +\(mmss(-left))" }
        var text = language == .vi ? "\(labels.timeLeft) \(mmss(left))" : "\(mmss(left)) \(labels.timeLeft)"
        if left < 60 { text = "‼ " + text + " · " + labels.lastMinute }
        else if left < 300 { text = "▲ " + text + " · " + labels.lastFiveMinutes }
        return text
    }

    static func drawStatusLine(_ grid: inout Grid, y: Int, state: NavigationState, notice: String?, labels: Labels,
                               position: (scroll: Int, viewport: Int, total: Int)) {
        let width = grid.width
        var right = ""
        if position.total > position.viewport {
            let last = min(position.total, position.scroll + position.viewport)
            right = "\(position.scroll + 1)–\(last)/\(position.total) "
        }
        let room = width - 2 - right.count - 1
        switch state.prompt {
        case .search(let text)?:
            grid.put("\(labels.searchPrompt): \(text)▏", x: 1, y: y, maxWidth: room, role: .match)
        case .goToSlide(let text)?:
            grid.put("\(labels.slide): \(text)▏", x: 1, y: y, maxWidth: room, role: .match)
        case nil:
            if let message = state.message {
                grid.put(message, x: 1, y: y, maxWidth: room, role: .label)
            } else if let notice {
                grid.put("‼ " + notice, x: 1, y: y, maxWidth: room, role: .warning)
            }
        }
        if !right.isEmpty { grid.put(right, x: width - right.count, y: y, role: .muted) }
    }

    /// Minutes and seconds of a duration measured by the clock or sent by a presenter (any Double).
    static func mmss(_ seconds: Double) -> String {
        SessionTiming.mmss(WholeNumber.seconds(seconds))
    }

    /// The message for a terminal below the minimum, drawn in whatever room there is.
    public static func tooSmall(width: Int, height: Int, labels: Labels) -> Grid {
        var grid = Grid(width: width, height: height)
        let text = "\(labels.tooSmall) (\(width)×\(height)); \(labels.need) \(minimumWidth)×\(minimumHeight)"
        let lines = TextLayout.wrap(text, width: max(1, width))
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            grid.put(line, x: max(0, (width - DisplayWidth.of(line)) / 2), y: top + i, role: .warning)
        }
        return grid
    }
}
