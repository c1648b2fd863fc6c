import CioDashCore
import CioDashRender

/// The dashboard's key rules as one pure function: `update(state, key) -> (state, effect)`.
///
/// Keys become commands through `CommandTable` (the one place bindings are written). Selections
/// and the presenter's slide are kept by what they show (province id, topic id, view id), never by
/// a position in something a reload rebuilds.
public struct Navigator: Sendable {
    public let index: MeetingIndex
    public var meeting: Meeting { index.meeting }
    /// The presenter's slides for this meeting.
    public let deck: PresenterDeck
    /// Folded province names and topic titles, computed once per meeting rather than per key.
    private let foldedProvinces: [String]
    private let foldedTopics: [String]

    public init(meeting: Meeting) {
        index = MeetingIndex(meeting: meeting)
        deck = PresenterDeck(meeting: meeting)
        foldedProvinces = meeting.provinces.map { SearchKey.fold($0.name + " " + $0.id) }
        foldedTopics = meeting.topics.map { SearchKey.fold($0.title + " " + ($0.titleEN ?? "") + " " + $0.id) }
    }

    /// What is open on top of the screen takes the key (the input chain's links 2 and 3): a prompt
    /// types it, the help scrolls or closes; a paste anywhere else does nothing (it is text, never commands).
    func overlay(_ state: NavigationState, _ input: Input, now: Double) -> (NavigationState, NavigationEffect?) {
        var s = state
        if let prompt = s.prompt {
            s.message = nil
            if input.command == .quit { return (s, .quit) }
            // Taking the prompt is its own command with the text typed (`do search dak lak`): the
            // prompt closes and the command runs as it would with no prompt open.
            let taken = input.command == .confirm ? Input(command: prompt.command, argument: .text(prompt.text)) : input
            if taken.command == prompt.command, taken.text != nil {
                s.prompt = nil
                return perform(s, taken, now: now)
            }
            return (presented(handlePrompt(prompt, input, s), now: now), nil)
        }
        guard s.showHelp, !input.isPaste else { return (state, nil) }
        s.message = nil
        // The help scrolls when it is taller than the screen (the overlay clamps); any other key closes it.
        let most = CommandTable.rows.count * 4
        switch input.command {
        case .quit?: return (s, .quit)
        case .scrollDown?: s.helpScroll = min(most, s.helpScroll + 1)
        case .scrollUp?: s.helpScroll = max(0, s.helpScroll - 1)
        case .pageDown?: s.helpScroll = min(most, s.helpScroll + 10)
        case .pageUp?: s.helpScroll = max(0, s.helpScroll - 10)
        default: s.showHelp = false; s.helpScroll = 0
        }
        return (s, nil)
    }

    /// The input chain's last link: the command on the screen itself, and what the shell must do,
    /// if anything. `now` is a monotonic clock in seconds, for the presenter's countdown.
    public func perform(_ state: NavigationState, _ input: Input, now: Double = 0) -> (NavigationState, NavigationEffect?) {
        var s = state
        s.message = nil
        guard let command = input.command else { return (s, nil) }
        switch command {
        case .quit: return (s, .quit)
        case .help: s.showHelp = true; return (s, nil)
        case .toggleLanguage: s.language = s.language.toggled; return (s, nil)
        case .save: return (s, .saveSnapshot(s.view))
        case .reload: return (s, .reload)
        case .search:
            // `/` opens the prompt; the prompt's Enter (or a replayed `do search TEXT`) names the text.
            guard let text = input.text else { s.prompt = .search(""); return (s, nil) }
            return (presented(search(text, s), now: now), nil)
        case .nextMatch: return (presented(nextMatch(s), now: now), nil)
        case .top: s.scroll = 0; s.followSelection = false; return (s, nil)
        case .bottom: s.scroll = Int.max / 2; s.followSelection = false; return (s, nil)
        default: break
        }
        let next = s.mode == .present ? present(s, command, input, now: now) : browse(s, command, input)
        return (presented(clamped(next), now: now), nil)
    }

    /// Shows the slide the state names and runs the countdown of its topic: every way of reaching a
    /// slide (keys, search, `g`, a remote message) moves the countdown the same way.
    public func presented(_ state: NavigationState, now: Double) -> NavigationState {
        guard state.mode == .present else { return state }
        var s = state
        s.timer.activate(s.view.topicID, now: now)
        return s
    }

    // MARK: Browsing

    private func browse(_ state: NavigationState, _ command: Command, _ input: Input) -> NavigationState {
        var s = state
        switch command {
        case .agendaItem:
            guard let number = input.number, let t = index.topicID(at: number - 1) else { return s }
            return open(.topic(t), from: s)
        case .reportingBoard:
            return open(.status, from: s)
        case .tasksView:
            return open(.tasks, from: s)
        case .unitsView:
            return open(.units, from: s)
        case .back:
            let previous = s.history.popLast() ?? .overview
            guard previous != s.view else { return s }
            return leave(s, for: previous)
        case .nextView, .previousView:
            return open(tabTarget(from: s, forward: command == .nextView), from: s, remember: false)
        case .pageDown: s.scroll += max(1, s.pageSize - 1); s.followSelection = false; return s
        case .pageUp: s.scroll = max(0, s.scroll - max(1, s.pageSize - 1)); s.followSelection = false; return s
        default: break
        }
        // What an arrow or Enter does inside the view is the view's own (its kind's `browse`).
        guard let move = ViewMove(command) else { return s }
        if let target = s.view.browse(move, index: index, selection: &s.selection) { return open(target, from: s) }
        return s
    }

    /// Opens a view, remembering the current one for Esc, and points selections at what was opened.
    private func open(_ view: ViewID, from state: NavigationState, remember: Bool = true) -> NavigationState {
        var s = state
        if remember && view != s.view { s.history.append(s.view) }
        if s.history.count > 64 { s.history.removeFirst(s.history.count - 64) }
        s = leave(s, for: view)
        return selecting(view, s)
    }

    /// Switches to `view`, keeping the scroll the old view was left at and restoring the one
    /// `view` had (0 the first time); the selection stays followed, so it is on screen.
    private func leave(_ state: NavigationState, for view: ViewID) -> NavigationState {
        var s = state
        guard view != s.view else { return s }
        s.scrollMemory[s.view] = s.scroll
        if s.scrollMemory.count > NavigationState.scrollMemoryLimit {
            let kept = Set(s.history)
            s.scrollMemory = s.scrollMemory.filter { kept.contains($0.key) }
        }
        s.view = view
        s.scroll = s.scrollMemory[view] ?? 0
        s.followSelection = true
        return s
    }

    /// Tab cycles overview → topic → province → overview (Shift-Tab the other way).
    private func tabTarget(from s: NavigationState, forward: Bool) -> ViewID {
        let topicView = index.selectedTopic(s).map { ViewID.topic($0) } ?? .overview
        let provinceView = index.selectedProvince(s).map { ViewID.province($0) } ?? .overview
        switch s.view.kind.tab {
        case .overview: return forward ? topicView : provinceView
        case .topic: return forward ? provinceView : .overview
        case .province: return forward ? .overview : topicView
        case .aside: return .overview
        }
    }

    // MARK: Presenting

    private func present(_ state: NavigationState, _ command: Command, _ input: Input, now: Double) -> NavigationState {
        var s = state
        let current = deck.index(of: s.view) ?? 0
        var target = current
        switch command {
        case .nextSlide: target += 1
        case .previousSlide: target -= 1
        case .nextTopic: target = deck.topicStart(from: current, forward: true)
        case .previousTopic: target = deck.topicStart(from: current, forward: false)
        case .goToSlide:
            guard let text = input.text else { s.prompt = .goToSlide(""); return s }
            guard let n = Int(text) else { return s }
            target = n - 1
        case .toggleTimer: s.timer.togglePause(now: now); return s
        case .scrollUp, .scrollDown:
            let d = command == .scrollUp ? -1 : 1
            // A slide that selects (a ranking): the arrows choose the row Enter opens, as when browsing.
            if s.view.kind.slide.contains(.selectsRow) {
                _ = s.view.browse(.vertical(d), index: index, selection: &s.selection)
                return s
            }
            s.scroll = max(0, s.scroll + d)
            s.followSelection = false
            return s
        case .open:
            if s.view.kind.slide.contains(.selectsRow), let opened = s.view.browse(.open, index: index, selection: &s.selection),
               deck.index(of: opened) != nil {
                return show(opened, s)
            }
            target += 1
        case .agendaItem:
            guard let number = input.number, let slide = deck.slide(forTopicNumber: number, in: meeting) else { return s }
            target = slide
        default: return s
        }
        return goTo(slide: target, s)
    }

    private func goTo(slide number: Int, _ state: NavigationState) -> NavigationState {
        guard !deck.slides.isEmpty else { return state }
        return show(deck.slides[min(max(0, number), deck.slides.count - 1)], state)
    }

    /// Puts the presenter on the slide showing `view` (the countdown follows in `presented`).
    public func show(_ view: ViewID, _ state: NavigationState) -> NavigationState {
        var s = state
        guard deck.index(of: view) != nil else { return s }
        if view != s.view { s.scroll = 0 }
        s.view = view
        return selecting(view, s)
    }

    /// Points the selection at what `view` shows (its kind says which province and topic).
    private func selecting(_ view: ViewID, _ state: NavigationState) -> NavigationState {
        var s = state
        let selection = view.selection
        if let p = selection.province { s.province = p }
        if let t = selection.topic { s.topic = t }
        return s
    }

    // MARK: Prompts and search

    /// A prompt's key: cancel, delete, or text typed into it.
    private func handlePrompt(_ prompt: NavigationState.Prompt, _ input: Input, _ state: NavigationState) -> NavigationState {
        var s = state
        switch (prompt, input.command) {
        case (_, .close?):
            s.prompt = nil
        case (.search(let text), .deleteBackward?):
            s.prompt = .search(String(text.dropLast()))
        case (.goToSlide(let text), .deleteBackward?):
            s.prompt = .goToSlide(String(text.dropLast()))
        case (.search(let text), nil):
            if let typed = input.key?.promptText { s.prompt = .search(text + typed) }
        case (.goToSlide(let text), nil):
            if let typed = input.key?.promptText, typed.allSatisfy({ $0.isASCII && $0.isNumber }) {
                s.prompt = .goToSlide(text + typed)
            }
        default:
            break
        }
        return s
    }

    /// Searches for `text` (folded: no diacritics needed) and moves to its first match; empty text
    /// ends the search.
    private func search(_ text: String, _ state: NavigationState) -> NavigationState {
        var s = state
        s.prompt = nil
        let folded = SearchKey.fold(text)
        s.search = folded.isEmpty ? nil : folded
        s.searchPosition = -1
        if s.search != nil { s = nextMatch(s) }
        return s
    }

    private enum Match: Equatable { case province(Int), topic(Int) }

    private func matches(_ folded: String) -> [Match] {
        foldedProvinces.indices.filter { foldedProvinces[$0].contains(folded) }.map(Match.province)
            + foldedTopics.indices.filter { foldedTopics[$0].contains(folded) }.map(Match.topic)
    }

    /// Moves to the next match of the confirmed search: a province is selected where the view has
    /// rows for it, otherwise opened; a topic is selected in the overview, otherwise opened.
    private func nextMatch(_ state: NavigationState) -> NavigationState {
        var s = state
        guard let query = s.search else { return s }
        let found = matches(query)
        guard !found.isEmpty else {
            s.message = Labels.forLanguage(s.language).noMatch + ": " + query
            return s
        }
        s.searchPosition = (s.searchPosition + 1) % found.count
        if s.mode == .present {
            // The presenter's deck is fixed: jump to the matched province's panel in this topic, or the topic.
            switch found[s.searchPosition] {
            case .province(let i):
                if let t = s.view.topicID ?? meeting.topics.first?.id {
                    s = show(.panel(province: meeting.provinces[i].id, topic: t), s)
                }
            case .topic(let j):
                s = show(.topic(meeting.topics[j].id), s)
            }
            return s
        }
        // A view listing what matched selects it in place; any other opens the match's view.
        let lists = s.view.kind.lists
        switch found[s.searchPosition] {
        case .province(let i) where lists.contains(.provinces):
            s.province = meeting.provinces[i].id
            s.followSelection = true
        case .province(let i):
            s = open(.province(meeting.provinces[i].id), from: s)
        case .topic(let j) where lists.contains(.topics):
            s.topic = meeting.topics[j].id
        case .topic(let j):
            s = open(.topic(meeting.topics[j].id), from: s)
        }
        return s
    }

    // MARK: Keeping the state inside the meeting

    /// Keeps the state inside the meeting: a view or history entry naming what this meeting lacks
    /// is dropped; the presenter stays on a slide of the deck. Selections are ids and need no
    /// clamping (an unknown id selects the first item).
    public func clamped(_ state: NavigationState) -> NavigationState {
        var s = state
        if s.mode == .present {
            if deck.index(of: s.view) == nil { s.view = deck.slides.first ?? .agenda }
        } else if !index.exists(s.view) {
            s.view = .overview
        }
        s.history.removeAll { !index.exists($0) }
        s.scrollMemory = s.scrollMemory.filter { index.exists($0.key) }
        return s
    }

    /// The state carried over to a reloaded meeting (this navigator's): the same views and
    /// selections by id; where a province or topic is gone, the one now at its place, and a
    /// presenter whose slide is gone lands on the nearest slide that remains, looking forward first.
    public func carried(_ state: NavigationState, from old: Navigator) -> NavigationState {
        var s = state
        if let p = s.province, index.provinceNumber(p) == nil {
            s.province = old.index.provinceNumber(p).flatMap { index.provinceID(at: min($0, meeting.provinces.count - 1)) }
        }
        if let t = s.topic, index.topicNumber(t) == nil {
            s.topic = old.index.topicNumber(t).flatMap { index.topicID(at: min($0, meeting.topics.count - 1)) }
        }
        if s.mode == .present, deck.index(of: s.view) == nil, let was = old.deck.index(of: s.view) {
            let after = old.deck.slides[was...].first { deck.index(of: $0) != nil }
            let before = old.deck.slides[..<was].last { deck.index(of: $0) != nil }
            if let landing = after ?? before { s.view = landing }
        }
        return clamped(s)
    }
}
