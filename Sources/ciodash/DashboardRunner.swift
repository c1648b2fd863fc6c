import ArgumentParser
import CioDashCore
import CioDashRender
import CioDashTerminal
import Foundation

/// The live dashboard's loop: keys go through the pure navigator, the screen is composed from the
/// state and painted; effects (save, reload, quit) and the folder watch happen here.
struct DashboardRunner {
    let meetingOptions: MeetingOptions
    let screenOptions: ScreenOptions
    let mode: NavigationState.Mode

    /// How long a key wait lasts; the clock, countdown and folder watch advance between keys.
    static let tickMilliseconds = 250

    func run() throws {
        var (meeting, result) = try loadMeetingOrExit(meetingOptions)
        var state = NavigationState(mode: mode, language: screenOptions.lang ?? meeting.language)
        let session: TerminalSession
        do {
            session = try TerminalSession.open(theme: screenOptions.theme)
        } catch TerminalError.notATerminal {
            // Piped or redirected: print the starting view instead of drawing escape codes into a file.
            let width = screenOptions.width ?? environmentColumns() ?? 100
            let snapshot = Snapshot(meeting: meeting, language: state.language, width: max(20, width), generatedAt: generationTime())
            try writeOutput(snapshot.text(for: [state.view]))
            return
        } catch {
            printError("ciodash: \(error)")
            throw ExitCode(2)
        }
        defer { session.restore() }

        var navigator = Navigator(meeting: meeting)
        state = navigator.clamped(NavigationState(mode: mode, language: state.language))
        if mode == .present { state.timer.activate(navigator.deck.topic(at: state.slide), now: Monotonic.now()) }
        var notice = Self.notice(for: result, language: state.language)
        let folder = meetingOptions.resolvedFolder
        // Watching and reloading (issue 16): a bounded watch, changes taken once settled, the load on
        // its own thread, and the last good data kept for broken, shrunk or unreadable files.
        let watch = FolderWatch(folder: folder, limit: meetingOptions.limits.maxProvinceFiles)
        var keeper = ReloadKeeper(shown: meeting, folder: folder)
        let options = meetingOptions
        let loader = BackgroundLoad { options.load() }
        var lastPoll = Monotonic.now()
        let store = SnapshotStore(meetingFolder: folder)

        var generation = 0
        // The view's body is kept between key presses; a reload replaces the meeting it came from.
        let bodies = ViewBodyCache()
        var lastFrame: FrameInputs?

        while true {
            let size = session.size
            let now = Monotonic.now()
            let wall = WallClock.hoursMinutes()
            // Between keys only the clock moves: compose again only when something on screen can differ.
            let inputs = FrameInputs(state: state, size: size, notice: notice, wall: wall, generation: generation,
                                     second: mode == .present ? Int(now) : 0)
            if inputs != lastFrame {
                let frame = ScreenComposer.compose(meeting: meeting, state: state, deck: navigator.deck, width: size.width,
                                                   height: size.height, clock: .init(now: now, wall: wall), notice: notice,
                                                   cache: bodies)
                state.scroll = frame.scroll
                state.pageSize = max(1, frame.viewport)
                session.paint(frame.grid)
                lastFrame = FrameInputs(state: state, size: size, notice: notice, wall: wall, generation: generation,
                                        second: inputs.second)
            }
            if screenOptions.debugCrash { fatalError("--debug-crash: deliberate trap after the first frame") }

            let key = session.readKey(timeout: Self.tickMilliseconds)
            let afterKey = Monotonic.now()
            if let key {
                if key == .resize {
                    session.requestFullRepaint()
                    lastFrame = nil
                }
                let (next, effect) = navigator.update(state, key, now: afterKey)
                state = next
                switch effect {
                case .quit?:
                    return
                case .reload?:
                    watch.reset()
                    loader.start(asked: true, changed: [])
                case .saveSnapshot(let view)?:
                    let snapshot = Snapshot(meeting: meeting, language: state.language, width: size.width,
                                            generatedAt: generationTime())
                    let labels = Labels.forLanguage(state.language)
                    switch store.save(snapshot.text(for: [view]), view: view) {
                    case .success(let path): state.message = "\(labels.snapshotSaved): \(path)"
                    case .failure(let error): state.message = "\(labels.snapshotFailed): \(error)"
                    }
                case nil:
                    break
                }
            }
            if afterKey - lastPoll >= 1 {
                lastPoll = afterKey
                let changed = watch.poll()
                if !changed.isEmpty { loader.start(asked: false, changed: changed) }
            }
            if let done = loader.take() {
                apply(done, &keeper, &meeting, &result, &navigator, &state, &notice)
                generation += 1
                bodies.meetingChanged()
            }
        }
    }

    /// Shows a finished reload. A meeting file or province file caught broken (or a province file
    /// that lost most of its content, or an unreadable provinces/) keeps the last good data on
    /// screen, with a visible warning naming the file.
    private func apply(_ done: BackgroundLoad.Done, _ keeper: inout ReloadKeeper, _ meeting: inout Meeting,
                       _ result: inout LoadResult, _ navigator: inout Navigator,
                       _ state: inout NavigationState, _ notice: inout String?) {
        let labels = Labels.forLanguage(state.language)
        let (fresh, changed) = (done.result, done.changed)
        let merged = keeper.merge(fresh: fresh, shown: meeting, asked: done.asked)
        let kept = merged.kept.map { $0.description(in: state.language) }
        guard let next = merged.meeting else {
            let first = fresh.diagnostics.first { $0.severity == .error }
            notice = labels.reloadFailed + (first.map { ": " + $0.description } ?? "")
            // The status line shows a message before the notice: an older "reloaded" must not hide it.
            state.message = nil
            return
        }
        meeting = next
        result = fresh
        navigator = Navigator(meeting: meeting)
        state = navigator.clamped(state)
        if kept.isEmpty {
            notice = Self.notice(for: fresh, language: state.language)
        } else {
            notice = labels.reloadFailed + ": " + kept.joined(separator: ", ")
        }
        // A message hides the notice on the status line: say "reloaded" only when there is no warning.
        state.message = notice != nil ? nil
            : labels.reloaded + (changed.isEmpty ? "" : ": " + changed.prefix(3).joined(separator: ", "))
    }

    /// A standing warning when the folder has errors, so nobody presents broken data unknowingly.
    static func notice(for result: LoadResult, language: Language) -> String? {
        guard result.errorCount > 0 else { return nil }
        return language == .vi
            ? "\(result.errorCount) lỗi trong thư mục; chạy 'ciodash check' để xem"
            : "\(result.errorCount) error(s) in the folder; run 'ciodash check' for details"
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
    var wall: String
    var generation: Int
    /// The presenter's countdown ticks each second; browsing has none.
    var second: Int
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
}
