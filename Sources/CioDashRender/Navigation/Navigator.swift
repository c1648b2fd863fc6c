import CioDashCore

/// The dashboard's navigation as one pure function: `update(state, key) -> (state, effect)`.
/// The screen is drawn from the state alone; effects (quit, reload, save) are left to the shell.
public struct Navigator: Sendable {
    public let meeting: Meeting
    public let deck: PresenterDeck
    /// Folded province names and topic titles, computed once per meeting rather than per key.
    private let foldedProvinces: [String]
    private let foldedTopics: [String]

    public init(meeting: Meeting) {
        self.meeting = meeting
        deck = PresenterDeck(meeting: meeting)
        foldedProvinces = meeting.provinces.map { SearchKey.fold($0.name + " " + $0.id) }
        foldedTopics = meeting.topics.map { SearchKey.fold($0.title + " " + ($0.titleEN ?? "") + " " + $0.id) }
    }

    /// The next state after `key`, and what the shell must do, if anything. `now` is a monotonic
    /// clock in seconds, for the presenter's countdown.
    public func update(_ state: NavigationState, _ key: Key, now: Double = 0) -> (NavigationState, NavigationEffect?) {
        var s = state
        s.message = nil
        if key == .resize { return (state, nil) }
        if key == .interrupt { return (s, .quit) }
        if let prompt = s.prompt { return (handlePrompt(prompt, key, s, now: now), nil) }
        if case .paste = key { return (state, nil) }
        if s.showHelp {
            if key == .character("q") || key == .character("Q") { return (s, .quit) }
            s.showHelp = false
            return (s, nil)
        }
        switch key {
        case .character("q"), .character("Q"): return (s, .quit)
        case .character("?"): s.showHelp = true; return (s, nil)
        case .character("L"): s.language = s.language.toggled; return (s, nil)
        case .character("s"): return (s, .saveSnapshot(s.view))
        case .character("r"): return (s, .reload)
        case .character("/"): s.prompt = .search(""); return (s, nil)
        case .character("n"): return (nextMatch(s, after: true), nil)
        case .home: s.scroll = 0; s.followSelection = false; return (s, nil)
        case .end: s.scroll = Int.max / 2; s.followSelection = false; return (s, nil)
        default: break
        }
        let next = s.mode == .present ? present(s, key, now: now) : browse(s, key)
        return (clamped(next), nil)
    }

    // MARK: Browsing

    private func browse(_ state: NavigationState, _ key: Key) -> NavigationState {
        var s = state
        if case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= 9 {
            if digit <= meeting.topics.count { return open(.topic(meeting.topics[digit - 1].id), from: s) }
            return s
        }
        switch key {
        case .escape, .backspace:
            if let previous = s.history.popLast() {
                s.view = previous
            } else if s.view != .overview {
                s.view = .overview
            }
            s.scroll = 0
            s.followSelection = true
            return s
        case .tab, .backTab:
            return open(tabTarget(from: s, forward: key == .tab), from: s, remember: false)
        case .pageDown: s.scroll += max(1, s.pageSize - 1); s.followSelection = false; return s
        case .pageUp: s.scroll = max(0, s.scroll - max(1, s.pageSize - 1)); s.followSelection = false; return s
        default: break
        }
        let move = Move(key)
        switch s.view {
        case .overview:
            switch move {
            case .vertical(let d): s.overviewRow += d; s.followSelection = true
            case .horizontal(let d): s.overviewColumn += d
            case .open:
                guard let p = province(at: s.overviewRow) else { return s }
                if p.isBroken { return open(.province(p.id), from: s) }
                guard let t = topic(at: s.overviewColumn) else { return s }
                return open(.panel(province: p.id, topic: t.id), from: s)
            case .none: break
            }
        case .topic(let id):
            guard let topic = meeting.topic(id) else { return s }
            switch move {
            case .vertical(let d): s.topicRow += d; s.followSelection = true
            case .horizontal(let d):
                let i = (meeting.topics.firstIndex(of: topic) ?? 0) + d
                if let t = self.topic(at: i) { s.view = .topic(t.id); s.overviewColumn = i; s.scroll = 0 }
            case .open:
                let ranked = meeting.ranked(topic: topic)
                guard ranked.indices.contains(s.topicRow) else { return s }
                return open(.panel(province: ranked[s.topicRow].id, topic: id), from: s)
            case .none: break
            }
        case .province(let id):
            switch move {
            case .vertical(let d): s.provinceRow += d; s.followSelection = true
            case .horizontal(let d):
                if let i = meeting.provinces.firstIndex(where: { $0.id == id }), let p = province(at: i + d) {
                    s.view = .province(p.id)
                    s.overviewRow = i + d
                    s.scroll = 0
                }
            case .open:
                guard let t = topic(at: s.provinceRow) else { return s }
                return open(.panel(province: id, topic: t.id), from: s)
            case .none: break
            }
        case .panel(let pid, let tid):
            switch move {
            case .vertical(let d): s.scroll = max(0, s.scroll + d); s.followSelection = false
            case .horizontal(let d):
                if let i = meeting.provinces.firstIndex(where: { $0.id == pid }), let p = province(at: i + d) {
                    s.view = .panel(province: p.id, topic: tid)
                    s.overviewRow = i + d
                    s.scroll = 0
                }
            case .open, .none: break
            }
        case .agenda:
            switch move {
            case .vertical(let d): s.agendaRow += d; s.followSelection = true
            case .open:
                guard let t = topic(at: s.agendaRow) else { return s }
                return open(.topic(t.id), from: s)
            case .horizontal, .none: break
            }
        }
        return s
    }

    /// Opens a view, remembering the current one for Esc, and points selections at what was opened.
    private func open(_ view: ViewID, from state: NavigationState, remember: Bool = true) -> NavigationState {
        var s = state
        if remember && view != s.view { s.history.append(s.view) }
        if s.history.count > 64 { s.history.removeFirst(s.history.count - 64) }
        s.view = view
        s.scroll = 0
        s.followSelection = true
        switch view {
        case .topic(let t):
            if let i = meeting.topics.firstIndex(where: { $0.id == t }) {
                s.overviewColumn = i
                s.agendaRow = i
                if let p = province(at: s.overviewRow) {
                    s.topicRow = meeting.ranked(topic: meeting.topics[i]).firstIndex(of: p) ?? 0
                }
            }
        case .province(let p):
            if let i = meeting.provinces.firstIndex(where: { $0.id == p }) { s.overviewRow = i }
            s.provinceRow = s.overviewColumn
        case .panel(let p, let t):
            if let i = meeting.provinces.firstIndex(where: { $0.id == p }) { s.overviewRow = i }
            if let j = meeting.topics.firstIndex(where: { $0.id == t }) { s.overviewColumn = j }
        case .overview, .agenda:
            break
        }
        return s
    }

    /// Tab cycles overview → topic → province → overview (Shift-Tab the other way).
    private func tabTarget(from s: NavigationState, forward: Bool) -> ViewID {
        let topicView = topic(at: s.overviewColumn).map { ViewID.topic($0.id) } ?? .overview
        let provinceView = province(at: s.overviewRow).map { ViewID.province($0.id) } ?? .overview
        switch s.view {
        case .overview, .agenda: return forward ? topicView : provinceView
        case .topic: return forward ? provinceView : .overview
        case .province, .panel: return forward ? .overview : topicView
        }
    }

    // MARK: Presenting

    private func present(_ state: NavigationState, _ key: Key, now: Double) -> NavigationState {
        var s = state
        var target = s.slide
        switch key {
        case .character(" "), .pageDown, .right, .character("l"), .enter: target += 1
        case .backspace, .pageUp, .left, .character("h"): target -= 1
        case .character("]"): target = deck.topicStart(from: s.slide, forward: true)
        case .character("["): target = deck.topicStart(from: s.slide, forward: false)
        case .character("g"): s.prompt = .goToSlide(""); return s
        case .character("t"): s.timer.togglePause(now: now); return s
        case .up, .character("k"): s.scroll = max(0, s.scroll - 1); s.followSelection = false; return s
        case .down, .character("j"): s.scroll += 1; s.followSelection = false; return s
        case .escape: return s
        case .character(let c):
            guard let digit = c.wholeNumberValue, let slide = deck.slide(forTopicNumber: digit, in: meeting) else { return s }
            target = slide
        default: return s
        }
        return goTo(slide: target, s, now: now)
    }

    private func goTo(slide index: Int, _ state: NavigationState, now: Double) -> NavigationState {
        var s = state
        guard !deck.slides.isEmpty else { return s }
        let target = min(max(0, index), deck.slides.count - 1)
        if target != s.slide { s.scroll = 0 }
        s.slide = target
        s.view = deck.slides[target]
        s.timer.activate(deck.topic(at: target), now: now)
        return s
    }

    // MARK: Prompts and search

    private func handlePrompt(_ prompt: NavigationState.Prompt, _ key: Key, _ state: NavigationState, now: Double) -> NavigationState {
        var s = state
        switch (prompt, key) {
        case (_, .escape):
            s.prompt = nil
        case (.search(let text), .backspace):
            s.prompt = .search(String(text.dropLast()))
        case (.goToSlide(let text), .backspace):
            s.prompt = .goToSlide(String(text.dropLast()))
        case (.search(let text), .character(let c)):
            s.prompt = .search(text + String(c))
        case (.search(let text), .paste(let pasted)):
            s.prompt = .search(text + pasted)
        case (.goToSlide(let text), .character(let c)) where c.isASCII && c.isNumber:
            s.prompt = .goToSlide(text + String(c))
        case (.search(let text), .enter):
            s.prompt = nil
            let folded = SearchKey.fold(text)
            s.search = folded.isEmpty ? nil : folded
            s.searchPosition = -1
            if s.search != nil { s = nextMatch(s, after: true) }
        case (.goToSlide(let text), .enter):
            s.prompt = nil
            if let n = Int(text) { s = goTo(slide: n - 1, s, now: now) }
        default:
            break
        }
        return s
    }

    private enum Match: Equatable { case province(Int), topic(Int) }

    private func matches(_ folded: String) -> [Match] {
        foldedProvinces.indices.filter { foldedProvinces[$0].contains(folded) }.map(Match.province)
            + foldedTopics.indices.filter { foldedTopics[$0].contains(folded) }.map(Match.topic)
    }

    /// Moves to the next match of the confirmed search: a province is selected where the view has
    /// rows for it, otherwise opened; a topic is selected in the overview, otherwise opened.
    private func nextMatch(_ state: NavigationState, after: Bool) -> NavigationState {
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
                let topicID = deck.topic(at: s.slide) ?? meeting.topics.first?.id
                if let t = topicID, let k = deck.slides.firstIndex(of: .panel(province: meeting.provinces[i].id, topic: t)) {
                    s.slide = k
                    s.view = deck.slides[k]
                }
            case .topic(let j):
                if let k = deck.slide(forTopicNumber: j + 1, in: meeting) { s.slide = k; s.view = deck.slides[k] }
            }
            return s
        }
        switch (found[s.searchPosition], s.view) {
        case (.province(let i), .overview):
            s.overviewRow = i
            s.followSelection = true
        case (.province(let i), .topic(let t)):
            if let topic = meeting.topic(t) {
                s.topicRow = meeting.ranked(topic: topic).firstIndex(of: meeting.provinces[i]) ?? 0
                s.overviewRow = i
                s.followSelection = true
            }
        case (.province(let i), _):
            s.overviewRow = i
            s = open(.province(meeting.provinces[i].id), from: s)
        case (.topic(let j), .overview):
            s.overviewColumn = j
        case (.topic(let j), _):
            s = open(.topic(meeting.topics[j].id), from: s)
        }
        return s
    }

    // MARK: Helpers

    private func province(at i: Int) -> ProvinceReport? {
        meeting.provinces.indices.contains(i) ? meeting.provinces[i] : nil
    }

    private func topic(at i: Int) -> AgendaTopic? {
        meeting.topics.indices.contains(i) ? meeting.topics[i] : nil
    }

    /// Keeps every selection inside the meeting, also after a reload removed a province.
    public func clamped(_ state: NavigationState) -> NavigationState {
        var s = state
        func clamp(_ v: Int, _ count: Int) -> Int { min(max(0, v), max(0, count - 1)) }
        s.overviewRow = clamp(s.overviewRow, meeting.provinces.count)
        s.overviewColumn = clamp(s.overviewColumn, meeting.topics.count)
        s.topicRow = clamp(s.topicRow, meeting.provinces.count)
        s.provinceRow = clamp(s.provinceRow, meeting.topics.count)
        s.agendaRow = clamp(s.agendaRow, meeting.topics.count)
        s.slide = clamp(s.slide, deck.slides.count)
        if s.mode == .present {
            s.view = deck.slides.indices.contains(s.slide) ? deck.slides[s.slide] : .agenda
        } else if !exists(s.view) {
            s.view = .overview
        }
        s.history.removeAll { !exists($0) }
        return s
    }

    private func exists(_ view: ViewID) -> Bool {
        switch view {
        case .agenda, .overview: return true
        case .topic(let t): return meeting.topic(t) != nil
        case .province(let p): return meeting.province(p) != nil
        case .panel(let p, let t): return meeting.province(p) != nil && meeting.topic(t) != nil
        }
    }
}

/// What a key means for movement, whatever the view.
private enum Move: Equatable {
    case vertical(Int), horizontal(Int), open, none

    init(_ key: Key) {
        switch key {
        case .up, .character("k"): self = .vertical(-1)
        case .down, .character("j"): self = .vertical(1)
        case .left, .character("h"): self = .horizontal(-1)
        case .right, .character("l"): self = .horizontal(1)
        case .enter: self = .open
        default: self = .none
        }
    }
}
