import ArgumentParser
import CioDashApp
import CioDashCore
import CioDashRender
import CioDashTerminal
import Foundation

/// The live dashboard's shell: turns keys, the clock and the folder into `AppEvent`s, hands them to
/// the pure `AppCore.update`, carries out the effects it asks for, and paints the frame.
struct DashboardRunner {
    let meetingOptions: MeetingOptions
    let screenOptions: ScreenOptions
    let mode: NavigationState.Mode
    /// The meeting room's link, when sharing or following (RoomLink.swift); nil for a screen alone.
    var room: RoomLink? = nil

    /// How long a key wait lasts; the clock, countdown and folder watch advance between keys.
    static let tickMilliseconds = 250

    func run() throws {
        let (meeting, result) = try loadMeetingOrExit(meetingOptions)
        let language = screenOptions.lang ?? meeting.language
        // The journal is opened before the screen, so that a refusal is read on the terminal.
        let minutes = mode == .present ? try openMinutes(meeting, language: language) : nil
        let session: TerminalSession
        do {
            session = try TerminalSession.open(theme: screenOptions.theme)
        } catch TerminalError.notATerminal {
            // Piped or redirected: print the starting view instead of drawing escape codes into a file.
            let width = screenOptions.width ?? environmentColumns() ?? 100
            let view = NavigationState(mode: mode, language: language).view
            let snapshot = Snapshot(meeting: meeting, language: language, width: max(20, width), generatedAt: generationTime())
            try writeOutput(snapshot.text(for: [view]))
            room?.close()
            return
        } catch {
            printError("ciodash: \(error)")
            throw ExitCode(2)
        }
        defer { session.restore() }

        let folder = meetingOptions.resolvedFolder
        var app = AppCore.start(meeting: meeting, result: result, mode: mode, language: language, clock: Self.clock(),
                                minutes: minutes?.journal.record, sizes: ReloadKeeper.sizes(of: meeting, folder: folder))
        if let message = minutes?.message { app.navigation.message = message }
        room?.prepare(&app)
        defer { room?.close() }
        // Watching and reloading (issue 16): a bounded watch, changes taken once settled, the load on
        // its own thread, and the last good data kept for broken, shrunk or unreadable files.
        let watch = FolderWatch(folder: folder, limit: meetingOptions.limits.maxProvinceFiles)
        let options = meetingOptions
        let loader = BackgroundLoad { options.load() }
        let store = SnapshotStore(meetingFolder: folder)
        // The view's body is kept between key presses; a reload replaces the meeting it came from.
        let bodies = ViewBodyCache()
        var lastFrame: FrameInputs?

        while true {
            let size = session.size
            // Between keys only the clock moves: compose again only when something on screen can differ.
            let inputs = FrameInputs(app, size: size)
            if inputs != lastFrame {
                if lastFrame?.generation != inputs.generation { bodies.meetingChanged() }
                session.paint(app.frame(width: size.width, height: size.height, cache: bodies).grid)
                lastFrame = FrameInputs(app, size: size)
            }
            if screenOptions.debugCrash { fatalError("--debug-crash: deliberate trap after the first frame") }

            var events: [AppEvent] = [.tick(Self.clock())]
            if let key = session.readKey(timeout: Self.tickMilliseconds, wake: room?.wakeDescriptor) {
                events += [.tick(Self.clock()), .key(key)]
            }
            events += room?.events(app) ?? []
            if let done = loader.take() {
                // The sizes are read here, after the load; what to keep of the shown data is the core's rule.
                events.append(.folderReloaded(done.result, changed: done.changed, asked: done.asked,
                                              sizes: ReloadKeeper.sizes(of: done.result.meeting, folder: folder)))
                // A change that came during that load is being read now.
                if loader.isBusy { events.append(.effectFinished(.reloadStarted)) }
            }
            while !events.isEmpty {
                let effects: [AppEffect]
                (app, effects) = AppCore.update(app, events.removeFirst())
                for effect in effects {
                    switch effect {
                    case .quit:
                        return
                    case .drivePresenter(let command):
                        room?.drive(command)
                    case .repaintAll:
                        session.requestFullRepaint()
                        lastFrame = nil
                    case .reloadFolder:
                        watch.reset()
                        loader.start(asked: true, changed: [])
                        events.append(.effectFinished(.reloadStarted))
                    case .checkFolder:
                        let changed = watch.poll()
                        if !changed.isEmpty {
                            loader.start(asked: false, changed: changed)
                            events.append(.effectFinished(.reloadStarted))
                        }
                        // What a full disk held back is written as soon as there is room, typing or not.
                        if minutes?.journal.hasUnwritten == true, let failure = minutes?.journal.flush() {
                            events.append(.effectFinished(.minutesFailed(failure)))
                        }
                    case .recordMinutes(let entries):
                        // Every entry is applied to the journal's record even when writing fails: it
                        // is written, as full texts, once the disk has room again.
                        let failures = entries.compactMap { minutes?.journal.append($0) }
                        if let failure = failures.first { events.append(.effectFinished(.minutesFailed(failure))) }
                    case .saveSnapshot(let view, let language):
                        let snapshot = Snapshot(meeting: app.meeting, language: language, width: size.width,
                                                generatedAt: generationTime())
                        switch store.save(snapshot.text(for: [view]), view: view) {
                        case .success(let path): events.append(.effectFinished(.snapshotSaved(path)))
                        case .failure(let error): events.append(.effectFinished(.snapshotFailed("\(error)")))
                        }
                    }
                }
            }
            room?.stateChanged(app)
        }
    }

    static func clock() -> ScreenComposer.Clock {
        ScreenComposer.Clock(now: Monotonic.now(), wall: WallClock.hoursMinutes(), epoch: Date().timeIntervalSince1970)
    }

    /// The presenter's minutes journal, locked, with what reading it found; nil without --minutes.
    private func openMinutes(_ meeting: Meeting, language: Language) throws -> (journal: MinutesJournal, message: String?)? {
        guard let path = screenOptions.minutesPath(meetingFolder: meetingOptions.resolvedFolder, date: meeting.date) else { return nil }
        do throws(MinutesJournal.OpenError) {
            let opened = try MinutesJournal.open(path: path, title: meeting.title, date: meeting.date, utcOffset: WallClock.utcOffset(),
                                                 fresh: screenOptions.freshJournal)
            for problem in opened.problems { printError(problem.diagnostic(file: path, language: language).description) }
            let words = MinutesLabels.forLanguage(language)
            var message = opened.problems.isEmpty ? nil : words.journalRepaired(problems: opened.problems.count, copy: opened.damagedCopy)
            if let message { printError("ciodash: " + message) }
            if let moved = opened.setAside {
                message = words.journalSetAside(moved)
                printError("ciodash: " + words.journalSetAside(moved))
            }
            // A journal resumed from other days (yesterday's rehearsal) would date the session by them.
            if let warning = MinutesDocument(meeting: meeting, record: opened.journal.record, language: language)
                .clockDateWarning(journal: path) {
                printError(warning.description(in: language))
                message = warning.text.in(language)
            }
            return (opened.journal, message)
        } catch {
            printError("ciodash: " + error.message(language))
            throw ExitCode(2)
        }
    }

    private func environmentColumns() -> Int? {
        let columns = SizeLimits.columns(fromEnvironment: ProcessInfo.processInfo.environment["COLUMNS"])
        if let warning = columns.warning { printError("ciodash: " + warning) }
        return columns.width
    }
}

/// Everything a frame is drawn from besides the meeting (which `generation` counts reloads of).
private struct FrameInputs: Equatable {
    var state: NavigationState
    var size: TerminalSize
    var notice: String?
    var reloading: Bool
    var wall: String
    var generation: Int
    /// The presenter's countdown ticks each second; browsing has none.
    var second: Int
    /// The minutes form, when open: every key typed into it changes the frame.
    var editor: MinutesEditor?
    var follow: FollowState?
    var share: ShareState?

    init(_ app: AppState, size: TerminalSize) {
        state = app.navigation
        self.size = size
        notice = app.notice
        reloading = app.reloading
        wall = app.clock.wall
        generation = app.generation
        second = app.navigation.mode == .present ? Int(app.clock.now) : 0
        editor = app.minutes?.editor
        follow = app.follow
        share = app.share
    }
}

/// Seconds from a clock that never jumps, for countdowns and polling.
enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// The local wall-clock time for the presenter's banner.
enum WallClock {
    static func hoursMinutes() -> String {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        let h = Int(parts.tm_hour), m = Int(parts.tm_min)
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Seconds east of UTC of the local time zone now.
    static func utcOffset() -> Int {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_gmtoff)
    }
}
