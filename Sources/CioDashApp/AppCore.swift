import CioDashCore
import CioDashRender

/// The dashboard as a state machine: `update(state, event) -> (state, [effect])` holds every rule
/// of the live screen (keys, clock, reloads, remote messages, effect results). No I/O happens here,
/// and time only comes in through events, so a whole session replays the same from its events.
public enum AppCore {
    /// How often, in seconds of the injected clock, the folder is looked at for changes.
    public static let folderCheckInterval = 1.0

    /// The state the dashboard opens in, on a loaded folder (`result`: what loading it said).
    /// With `minutes` (the presenter keeps a journal), the countdown resumes with the time the
    /// record says each item has had, on the item that was on screen last. `sizes`: the province
    /// files' sizes as loaded (`ReloadKeeper.sizes(of:folder:)`), for the reload rule.
    public static func start(meeting: Meeting, result: LoadResult? = nil, mode: NavigationState.Mode, language: Language,
                             clock: ScreenComposer.Clock, minutes: MinutesRecord? = nil, sizes: [String: Int64] = [:]) -> AppState {
        var state = AppState(meeting: meeting, navigation: NavigationState(mode: mode, language: language),
                             notice: result.flatMap { notice(for: $0, language: language) }, clock: clock, sizes: sizes)
        if let minutes {
            state.minutes = MinutesState(record: minutes)
            MinutesRules.resume(&state)
        }
        state.navigation = state.navigator.presented(state.navigator.clamped(state.navigation), now: clock.now)
        if let minutes = state.minutes {
            // Reaching the first slide starts its item's clock: that is recorded too.
            let entries = MinutesRules.clockEntries(from: TopicTimer(), to: state.navigation.timer, at: clock.epoch)
            state.minutes = minutes.recording(entries, at: clock.epoch)
            state.pendingMinutes = entries
        }
        return state
    }

    public static func update(_ state: AppState, _ event: AppEvent) -> (AppState, [AppEffect]) {
        guard state.minutes != nil else { return dashboard(state, event) }
        // With a journal, what the event did to the agenda clock is recorded around it.
        return MinutesRules.journaling(state, event, dashboard)
    }

    static func dashboard(_ state: AppState, _ event: AppEvent) -> (AppState, [AppEffect]) {
        var s = state
        switch event {
        case .key(let key):
            return InputChain.key(s, key)

        case .input(let input):
            return InputChain.input(s, input)

        case .command(let command):
            return InputChain.command(s, command)

        case .tick(let clock):
            s.clock = clock
            guard clock.now - s.lastFolderCheck >= folderCheckInterval else { return (s, []) }
            s.lastFolderCheck = clock.now
            return (s, [.checkFolder])

        case .folderReloaded(let result, let changed, let asked, let sizes):
            s.reloading = false
            reload(&s, result: result, changed: changed, asked: asked, sizes: sizes)
            // A follower's late file must not take it off the presenter's slide.
            if let follow = s.follow, follow.attached, let last = follow.last { apply(&s, last, receivedAt: follow.receivedAt) }
            return (s, [])

        case .remote(let message):
            room(&s, message)
            return (s, [])

        case .effectFinished(let outcome):
            let labels = Labels.forLanguage(s.navigation.language)
            switch outcome {
            case .snapshotSaved(let path): s.navigation.message = "\(labels.snapshotSaved): \(path)"
            case .snapshotFailed(let reason): s.navigation.message = "\(labels.snapshotFailed): \(reason)"
            case .minutesFailed(let reason): s.navigation.message = MinutesLabels.forLanguage(s.navigation.language).journalFailed(reason)
            case .commandLogFailed(let reason): s.navigation.message = CommandLog.failed(reason, language: s.navigation.language)
            case .reloadStarted: s.reloading = true
            }
            return (s, [])
        }
    }

    // MARK: The room

    /// The input chain's room link: `i` on a sharing presenter (Esc closes what it opened), `f` on
    /// a follower, the speaker view's slide keys (sent to the presenter), and on a follower showing
    /// the presenter's slide, every command that would move away from it. Nil: the navigator's.
    static func room(_ s: inout AppState, _ input: Input) -> [AppEffect]? {
        let command = input.command
        if command == .roomInfo, s.share != nil {
            s.share?.showInfo.toggle()
            return []
        }
        if command == .close, s.share?.showInfo == true {
            s.share?.showInfo = false
            return []
        }
        guard var follow = s.follow else { return nil }
        if command == .toggleFollow {
            follow.attached.toggle()
            s.follow = follow
            s.navigation.message = nil
            if follow.attached, let last = follow.last { apply(&s, last, receivedAt: follow.receivedAt) }
            return []
        }
        if follow.speaker, let command, Self.drivesPresenter.contains(command) {
            return [.drivePresenter(command)]
        }
        if follow.speaker, follow.attached, command == .scrollUp || command == .scrollDown {
            s.follow?.notesScroll = max(0, follow.notesScroll + (command == .scrollDown ? 1 : -1))
            return []
        }
        let local: Set<Command?> = [nil, .help, .toggleLanguage, .save, .reload, .quit, .roomInfo]
        guard follow.attached, !local.contains(command) else { return nil }
        s.navigation.message = s.navigation.language == .vi
            ? "đang theo người trình bày: bấm f để tự xem các trang" : "following the presenter: press f to browse the slides yourself"
        return []
    }

    /// The speaker view's commands that move the presenter (sent, never done on the speaker's screen).
    static let drivesPresenter: Set<Command> = [.nextSlide, .previousSlide, .nextTopic, .previousTopic, .toggleTimer, .open]

    static func room(_ s: inout AppState, _ message: RemoteMessage) {
        switch message {
        case .presenterState(let share, let at):
            guard let follow = s.follow else { return }
            if follow.last.flatMap({ $0.slide.topicID }) != share.slide.topicID {
                s.follow?.notesScroll = 0
            }
            s.follow?.last = share
            s.follow?.receivedAt = at
            s.follow?.link = .joined
            if s.follow?.attached == true {
                apply(&s, share, receivedAt: at)
            } else {
                s.navigation.timer = share.timer(receivedAt: at)
            }
        case .link(let link):
            guard let follow = s.follow else { return }
            switch (follow.link, link) {
            case (.presenterLeft, .waiting(let n)): s.follow?.link = .presenterLeft(retryIn: n)
            default: s.follow?.link = link
            }
        case .folderUnavailable:
            s.follow?.folderUnavailable = true
        case .ownFingerprint(let fingerprint):
            s.follow?.ownFingerprint = fingerprint
        case .followers(let n):
            s.share?.followers = n
        case .viewers(let n):
            s.share?.viewers = n
        case .unitsAnnounced(let units):
            s.share?.announced = units
        case .rejected(let line):
            s.navigation.message = line
        }
    }

    /// Shows the presenter's slide with the presenter's countdown. A slide this copy of the folder
    /// lacks leaves the screen where it is and says so.
    static func apply(_ s: inout AppState, _ share: PresenterShare, receivedAt: Double) {
        var nav = s.navigation
        if s.navigator.deck.index(of: share.slide) != nil {
            nav.prompt = nil
            nav = s.navigator.show(share.slide, nav)
        } else {
            nav.message = Labels.forLanguage(nav.language).noSuchSlide + ": " + share.slide.description
        }
        nav.timer = share.timer(receivedAt: receivedAt)
        s.navigation = nav
    }

    /// A reloaded folder replaces the meeting. A meeting file caught half-written or broken keeps
    /// the last good data on screen; what of the provinces is kept is the reload rule's
    /// (`ReloadKeeper`: broken, shrunk at once, unreadable), said with a warning naming the files.
    /// Views, selections and the presenter's slide are carried by id.
    static func reload(_ s: inout AppState, result: LoadResult, changed: [String], asked: Bool, sizes: [String: Int64]) {
        let labels = Labels.forLanguage(s.navigation.language)
        let merged = s.keeper.merge(fresh: result, shown: s.meeting, asked: asked, sizes: sizes)
        guard let next = merged.meeting else {
            let first = result.diagnostics.first { $0.severity == .error }
            s.notice = labels.reloadFailed + (first.map {
                ": " + (labels.language == .vi
                    ? labels.place(file: $0.file, line: $0.line, column: $0.column) + ": " + $0.text.vi
                    : $0.description)
            } ?? "")
            // The status line shows a message before the notice: an older "reloaded" must not hide it.
            s.navigation.message = nil
            return
        }
        let kept = merged.kept.map { $0.description(in: s.navigation.language) }
        let old = s.navigator
        s.navigator = Navigator(meeting: next)
        s.generation += 1
        s.navigation = s.navigator.presented(s.navigator.carried(s.navigation, from: old), now: s.clock.now)
        if kept.isEmpty {
            s.notice = notice(for: result, language: s.navigation.language)
        } else {
            s.notice = labels.reloadFailed + ": " + kept.joined(separator: ", ")
        }
        // A message hides the notice on the status line: say "reloaded" only when there is no warning.
        // Files by name: the provinces/ folder itself changes whenever a file comes or goes.
        let files = changed.filter { !$0.hasSuffix("/") }
        s.navigation.message = s.notice != nil ? nil
            : labels.reloaded + (files.isEmpty ? "" : ": " + files.prefix(3).joined(separator: ", "))
    }

    /// A standing warning when the folder has errors, so nobody presents broken data unknowingly.
    public static func notice(for result: LoadResult, language: Language) -> String? {
        guard result.errorCount > 0 else {
            // A follower whose presenter did not send the earlier meetings: no changes, no earlier figures.
            guard result.earlierNotSent else { return nil }
            return language == .vi
                ? "người trình bày không gửi số liệu các phiên trước: không có cột Thay đổi và dòng Kỳ trước"
                : "the presenter did not send the earlier meetings: no Change column and no Previous lines"
        }
        return language == .vi
            ? "\(result.errorCount) lỗi trong thư mục; chạy 'ciodash check' để xem"
            : "\(result.errorCount) error(s) in the folder; run 'ciodash check' for details"
    }
}
