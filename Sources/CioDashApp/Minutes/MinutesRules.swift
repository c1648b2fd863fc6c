import CioDashCore
import CioDashRender

/// The minutes' rules in the app core: the open form takes every key (the input chain's first
/// link); `m` opens it on the item on screen; every change of the agenda clock, and every keystroke typed, becomes a journal entry
/// that the shell writes (an effect), so a replayed session writes the same journal.
enum MinutesRules {
    /// Runs `event` through `dashboard` and records what it did to the agenda clock (and, on a
    /// quiet tick, that the clock is still running), before the event's own effects.
    static func journaling(_ state: AppState, _ event: AppEvent,
                           _ dashboard: (AppState, AppEvent) -> (AppState, [AppEffect])) -> (AppState, [AppEffect]) {
        var s = state
        var effects: [AppEffect] = []
        if !s.pendingMinutes.isEmpty {
            effects.append(.recordMinutes(s.pendingMinutes))
            s.pendingMinutes = []
        }
        let at = s.clock.epoch
        let before = s.navigation.timer
        var (next, more) = dashboard(s, event)
        guard let minutes = next.minutes else { return (next, effects + more) }
        var entries = clockEntries(from: before, to: next.navigation.timer, at: at)
        if case .tick = event, entries.isEmpty, let running = runningTopic(next.navigation.timer),
           at - minutes.lastAlive >= MinutesState.aliveInterval {
            entries.append(.clock(MinutesClockEvent(.alive, topic: running, at: at)))
        }
        if more.contains(.quit) { entries.append(.clock(MinutesClockEvent(.end, topic: nil, at: at))) }
        next.minutes = minutes.recording(entries, at: entries.isEmpty ? nil : at)
        if !entries.isEmpty { more.insert(.recordMinutes(entries), at: 0) }
        return (next, effects + more)
    }

    /// The input chain's first link: the open form takes every key, its commands (close, hide,
    /// confirm the announced units, quit) or its text. Nil when no form is open.
    static func form(_ s: inout AppState, _ input: Input) -> [AppEffect]? {
        guard var minutes = s.minutes, var editor = minutes.editor else { return nil }
        let at = s.clock.epoch
        let words = MinutesLabels.forLanguage(s.navigation.language)
        switch input.command {
        case .quit?:
            return [.quit]
        case .close?:
            minutes.editor = nil
            s.minutes = minutes
            return []
        case .hideForm?:
            editor.hidden.toggle()
            minutes.editor = editor
            s.minutes = minutes
            return []
        case .confirmPresent?:
            // The units browsers announced, still absent, marked present: only the secretary's key
            // does it, on the attendance form; an announcement alone never changes the minutes.
            let confirmed = s.announcedAbsent
            guard editor.topic == nil, !confirmed.isEmpty else { return [] }
            let text = MinutesAttendance.absentText(minutes.record.text(.absent), without: confirmed, in: s.meeting.provinces)
            let outcome = editor.replace(.absent, with: text, at: at)
            minutes.editor = editor
            s.minutes = minutes.recording(outcome.entries, at: nil)
            s.navigation.message = words.markedPresent(confirmed.map(\.name))
            return outcome.entries.isEmpty ? [] : [.recordMinutes(outcome.entries)]
        default:
            guard let key = input.key else { return [] }
            let outcome = editor.handle(key, width: minutes.textWidth, at: at)
            if case .paste(_, cut: true) = key { s.navigation.message = words.pasteCut(Key.longestPastedText) }
            minutes.editor = editor
            s.minutes = minutes.recording(outcome.entries, at: nil)
            return outcome.entries.isEmpty ? [] : [.recordMinutes(outcome.entries)]
        }
    }

    /// The input chain's minutes link: `m` opens the form on the item on screen; without a journal
    /// it says the minutes are off. Nil for any other command.
    static func open(_ s: inout AppState, _ input: Input) -> [AppEffect]? {
        guard input.command == .minutes else { return nil }
        guard var minutes = s.minutes else {
            s.navigation.message = MinutesLabels.forLanguage(s.navigation.language).minutesOff
            return []
        }
        minutes.editor = MinutesEditor(topic: s.navigation.view.topicID, record: minutes.record,
                                       meeting: s.meeting)
        s.minutes = minutes
        return []
    }

    /// The item whose countdown runs.
    static func runningTopic(_ timer: TopicTimer) -> String? {
        timer.runningSince == nil ? nil : timer.activeTopic
    }

    /// What the clock did between two states of the countdown, as journal entries.
    static func clockEntries(from old: TopicTimer, to new: TopicTimer, at: Double) -> [MinutesEntry] {
        let was = runningTopic(old), now = runningTopic(new)
        guard was != now else { return [] }
        var events: [MinutesClockEvent] = []
        if let was {
            events.append(MinutesClockEvent(new.paused && new.activeTopic == was ? .pause : .stop, topic: was, at: at))
        }
        if let now {
            events.append(MinutesClockEvent(old.paused && old.activeTopic == now ? .resume : .start, topic: now, at: at))
        }
        return events.map(MinutesEntry.clock)
    }

    /// After a restart: each item's countdown has the time the record gives it, and the presenter
    /// is back on the item that ran last (its first slide).
    static func resume(_ state: inout AppState) {
        guard let record = state.minutes?.record else { return }
        for (topic, seconds) in record.spent { state.navigation.timer.spent[topic] = Double(seconds) }
        guard state.navigation.mode == .present,
              let last = record.clock.last(where: { $0.kind == .start || $0.kind == .resume })?.topic,
              state.navigator.deck.index(of: .topic(last)) != nil else { return }
        state.navigation = state.navigator.show(.topic(last), state.navigation)
    }
}

extension MinutesState {
    /// The state with `entries` applied to the record; `at` marks the clock as heard from.
    func recording(_ entries: [MinutesEntry], at: Double?) -> MinutesState {
        var m = self
        for e in entries { m.record.apply(e) }
        if let at { m.lastAlive = at }
        return m
    }
}
