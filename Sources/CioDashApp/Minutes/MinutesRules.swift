import CioDashCore
import CioDashRender

/// The minutes' rules in the app core: the open form takes every key; `m` opens it on the item on
/// screen; every change of the agenda clock, and every keystroke typed, becomes a journal entry
/// that the shell writes (an effect), so a replayed session writes the same journal.
enum MinutesRules {
    static func update(_ state: AppState, _ event: AppEvent) -> (AppState, [AppEffect]) {
        var s = state
        var effects: [AppEffect] = []
        if !s.pendingMinutes.isEmpty {
            effects.append(.recordMinutes(s.pendingMinutes))
            s.pendingMinutes = []
        }
        guard var minutes = s.minutes else { return AppCore.dashboard(s, event) }
        let at = s.clock.epoch
        // F3 on the attendance form: the units browsers announced, still absent, marked present.
        // Only the secretary's key does it; an announcement alone never changes the minutes.
        if case .key(.function(3)) = event, var editor = minutes.editor, editor.topic == nil {
            let confirmed = s.announcedAbsent
            guard !confirmed.isEmpty else { return (s, effects) }
            let text = MinutesAttendance.absentText(minutes.record.text(.absent), without: confirmed, in: s.meeting.provinces)
            let outcome = editor.replace(.absent, with: text, at: at)
            minutes.editor = editor
            s.minutes = minutes.recording(outcome.entries, at: nil)
            if !outcome.entries.isEmpty { effects.append(.recordMinutes(outcome.entries)) }
            s.navigation.message = MinutesLabels.forLanguage(s.navigation.language).markedPresent(confirmed.map(\.name))
            return (s, effects)
        }
        if case .key(let key) = event, key != .resize, key != .interrupt, var editor = minutes.editor {
            let outcome = editor.handle(key, width: minutes.textWidth, at: at)
            if case .paste(_, cut: true) = key {
                s.navigation.message = MinutesLabels.forLanguage(s.navigation.language).pasteCut(Key.longestPastedText)
            }
            minutes.editor = outcome.closed ? nil : editor
            s.minutes = minutes.recording(outcome.entries, at: nil)
            if !outcome.entries.isEmpty { effects.append(.recordMinutes(outcome.entries)) }
            return (s, effects)
        }
        if case .key(let key) = event, s.navigation.prompt == nil, !s.navigation.showHelp,
           CommandTable.command(for: key, mode: s.navigation.mode) == .minutes {
            minutes.editor = MinutesEditor(topic: PresenterDeck.topic(of: s.navigation.view), record: minutes.record,
                                           meeting: s.meeting)
            s.minutes = minutes
            return (s, effects)
        }
        let before = s.navigation.timer
        var (next, more) = AppCore.dashboard(s, event)
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
