import ArgumentParser
import CioDashApp
import CioDashCore
import CioDashRender
import CioDashTerminal
import Foundation

/// The live dashboard's shell: opens the journal and the terminal, and runs the library's
/// `DashboardLoop` on the real ports (`LivePorts`).
struct DashboardRunner {
    let meetingOptions: MeetingOptions
    let screenOptions: ScreenOptions
    let mode: NavigationState.Mode
    /// The meeting room's link, when sharing or following (RoomLink.swift); nil for a screen alone.
    var room: RoomLink? = nil
    /// A follower's copy of the presenter's folder: where the earlier meetings sent with it are.
    var earlierMeetingsFolder: String? = nil

    func run() throws {
        let (meeting, result) = try loadMeetingOrExit(meetingOptions, earlierMeetingsFolder: earlierMeetingsFolder)
        let language = screenOptions.lang ?? meeting.language
        // The journal is opened before the screen, so that a refusal is read on the terminal.
        let minutes = mode == .present ? try openMinutes(meeting, language: language) : nil
        let commandLog = try openCommandLog()
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
        let (options, earlier) = (meetingOptions, earlierMeetingsFolder)
        let ports = LivePorts(session: session, folder: folder, limit: meetingOptions.limits.maxProvinceFiles,
                              journal: minutes?.journal, room: room) { options.load(earlierMeetingsFolder: earlier) }
        let debugCrash = screenOptions.debugCrash
        let loop = DashboardLoop(app: app, ports: ports, commandLog: commandLog)
        loop.run {
            if debugCrash { fatalError("--debug-crash: deliberate trap after the first frame") }
        }
        if let failure = loop.commandLogFailure {
            // The last lines were written on quit: no status line is left to say it on.
            session.restore()
            printError("ciodash: " + CommandLog.failed(failure, language: .vi) + " / " + CommandLog.failed(failure, language: .en))
        }
    }

    /// The command log `--command-log` names, opened for appending; nil without the option.
    private func openCommandLog() throws -> CommandLogFile? {
        guard let path = screenOptions.commandLog else { return nil }
        switch CommandLogFile.opening(path, meetingFolder: meetingOptions.resolvedFolder) {
        case .success(let file): return file
        case .failure(let error):
            printError("ciodash: \(error)")
            throw ExitCode(2)
        }
    }

    static func clock() -> ScreenComposer.Clock {
        ScreenComposer.Clock(now: Monotonic.now(), wall: WallClock.hoursMinutes(), epoch: Date().timeIntervalSince1970,
                             utcOffset: WallClock.utcOffset())
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

/// The real ports of the dashboard's loop: the terminal, the clock, the folder (watched, and read
/// on a thread of its own: issue 16), the minutes journal, the snapshot store, the room.
final class LivePorts: DashboardPorts {
    let session: TerminalSession
    let folder: String
    let watch: FolderWatch
    let loader: BackgroundLoad
    let journal: MinutesJournal?
    let room: RoomLink?
    let store: SnapshotStore

    init(session: TerminalSession, folder: String, limit: Int, journal: MinutesJournal?, room: RoomLink?,
         load: @escaping @Sendable () -> LoadResult) {
        self.session = session
        self.folder = folder
        watch = FolderWatch(folder: folder, limit: limit)
        loader = BackgroundLoad(load)
        self.journal = journal
        self.room = room
        store = SnapshotStore(meetingFolder: folder)
    }

    func now() -> ScreenComposer.Clock { DashboardRunner.clock() }
    func screenSize() -> (width: Int, height: Int) { let size = session.size; return (size.width, size.height) }
    func paint(_ grid: Grid) { session.paint(grid) }
    func repaintAll() { session.requestFullRepaint() }
    func nextInput(timeout milliseconds: Int) -> UserInput? {
        session.readKey(timeout: milliseconds, wake: room?.wakeDescriptor).map(UserInput.key)
    }
    func folderChanges() -> [String] { watch.poll() }
    func forgetFolderChanges() { watch.reset() }
    func startLoad(asked: Bool, changed: [String]) { loader.start(asked: asked, changed: changed) }

    func finishedLoad() -> (event: AppEvent, stillLoading: Bool)? {
        guard let done = loader.take() else { return nil }
        // The sizes are read here, after the load; what to keep of the shown data is the core's rule.
        let event = AppEvent.folderReloaded(done.result, changed: done.changed, asked: done.asked,
                                            sizes: ReloadKeeper.sizes(of: done.result.meeting, folder: folder))
        return (event, loader.isBusy)
    }

    func record(_ entries: [MinutesEntry]) -> String? { entries.compactMap { journal?.append($0) }.first }
    func flushJournal() -> String? { journal?.hasUnwritten == true ? journal?.flush() : nil }

    func saveSnapshot(_ view: ViewID, language: Language, meeting: Meeting, width: Int) -> Result<String, SnapshotFailure> {
        let snapshot = Snapshot(meeting: meeting, language: language, width: width, generatedAt: generationTime())
        return store.save(snapshot.text(for: [view]), view: view).mapError { SnapshotFailure("\($0)") }
    }

    func roomEvents(_ app: AppState) -> [AppEvent] { room?.events(app) ?? [] }
    func roomStateChanged(_ app: AppState) { room?.stateChanged(app) }
    func drive(_ command: Command) { room?.drive(command) }
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
