import CioDashCore
import CioDashRender

/// What the dashboard's loop reads from and acts on, injected: the binary wires the terminal, the
/// real clock, the folder, the journal and the room (`ciodash`'s `LivePorts`); the replay tests wire
/// fakes with a scripted clock, so both run the same loop and the same effect interpreter.
public protocol DashboardPorts: AnyObject {
    /// The clock now: monotonic seconds, the wall clock for the banner, the epoch for the journal.
    func now() -> ScreenComposer.Clock
    /// The screen's size now, in cells.
    func screenSize() -> (width: Int, height: Int)
    /// Shows a frame (only the cells that changed).
    func paint(_ grid: Grid)
    /// The next `paint` sends every cell (the terminal changed size).
    func repaintAll()
    /// What the person at the screen did next: a key, waiting at most `milliseconds` (a room
    /// message may end the wait early); a replay's ports hand out its script's inputs.
    func nextInput(timeout milliseconds: Int) -> UserInput?
    /// The folder's files that changed and settled since the last look.
    func folderChanges() -> [String]
    /// Forgets the changes seen so far (a reload asked for with `r` reads everything).
    func forgetFolderChanges()
    /// Starts reading the folder, off the loop's thread; `finishedLoad` hands the result out.
    func startLoad(asked: Bool, changed: [String])
    /// A load that finished since the last call, as the reload event; `stillLoading`: another
    /// load (a change that came meanwhile) is under way.
    func finishedLoad() -> (event: AppEvent, stillLoading: Bool)?
    /// Writes journal entries durably; the first failure, if any.
    func record(_ entries: [MinutesEntry]) -> String?
    /// Writes what a full disk held back, if anything waits; the failure, if it still fails.
    func flushJournal() -> String?
    /// Saves `view` of `meeting` as text at `width`; the path as shown, or why it failed.
    func saveSnapshot(_ view: ViewID, language: Language, meeting: Meeting, width: Int) -> Result<String, SnapshotFailure>
    /// What the room sent since the last call, as events.
    func roomEvents(_ app: AppState) -> [AppEvent]
    /// After each round of events: a sharing presenter publishes its state.
    func roomStateChanged(_ app: AppState)
    /// The speaker view sends a command to the presenter.
    func drive(_ command: Command)
}

/// Why a snapshot was not saved, in a sentence.
public struct SnapshotFailure: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// The dashboard's loop, once: paint when something on screen can differ, wait for a key (the clock
/// moves meanwhile), turn what happened into events, run them through `AppCore.update`, carry out
/// the effects through the ports. The binary calls `run()`; the replay tests call `step()`, the
/// iteration `run()` repeats, on ports whose key wait hands out a script and moves a fake clock.
public final class DashboardLoop {
    public private(set) var app: AppState
    let ports: DashboardPorts
    /// How long a key wait lasts; the clock, countdown and folder watch advance between keys.
    public static let tickMilliseconds = 250
    /// The view's body is kept between key presses; a reload replaces the meeting it came from.
    private let bodies = ViewBodyCache()
    private var lastFrame: FrameInputs?
    /// The command log, when one is kept (`--command-log`).
    private let log: CommandLog?
    /// Why the command log could not be written on quit, if it could not (no status line is left
    /// to say it on: the shell says it once the terminal is restored).
    public private(set) var commandLogFailure: String?

    /// `commandLog`: where to write, as a replay script, every input handled (nil: no log).
    public init(app: AppState, ports: DashboardPorts, commandLog: CommandLogSink? = nil) {
        self.app = app
        self.ports = ports
        let size = ports.screenSize()
        log = commandLog.map { CommandLog(sink: $0, app: app, width: size.width, height: size.height) }
    }

    /// Runs until an effect says quit. `afterFirstFrame` runs once the first frame is painted.
    public func run(afterFirstFrame: () -> Void = {}) {
        paint()
        afterFirstFrame()
        while !step() {}
    }

    /// One iteration of the loop: paints what changed, waits for a key at most a tick, then runs the
    /// clock as it is after the wait, the key, and what the room sent meanwhile, in that order,
    /// through the core. True when an effect said quit.
    @discardableResult
    public func step() -> Bool {
        paint()
        let input = ports.nextInput(timeout: Self.tickMilliseconds)
        // The tick is read after the wait: the next frame shows the time the wait ended at.
        var events: [AppEvent] = [.tick(ports.now())]
        switch input {
        case .key(let key)?: events.append(.key(key))
        case .resolved(let input)?: events.append(.input(input))
        case nil: break
        }
        events += ports.roomEvents(app)
        return handle(events)
    }

    /// Paints the frame when something on screen can differ from the last one painted: between
    /// keys only the clock moves.
    private func paint() {
        let size = ports.screenSize()
        let inputs = FrameInputs(app, width: size.width, height: size.height)
        guard inputs != lastFrame else { return }
        if lastFrame?.generation != inputs.generation { bodies.meetingChanged() }
        let grid = app.frame(width: size.width, height: size.height, cache: bodies).grid
        ports.paint(grid)
        lastFrame = FrameInputs(app, width: size.width, height: size.height)
    }

    /// Runs `events`, and the events their effects answer with, through the core; a finished load
    /// comes in as one more. True when an effect said quit.
    private func handle(_ events: [AppEvent]) -> Bool {
        var queue = events
        while true {
            if queue.isEmpty, let done = ports.finishedLoad() {
                queue.append(done.event)
                // A change that came during that load is being read now.
                if done.stillLoading { queue.append(.effectFinished(.reloadStarted)) }
            }
            guard !queue.isEmpty else { break }
            var event = queue.removeFirst()
            if let input = resolved(event) { event = .input(input) }
            let effects: [AppEffect]
            (app, effects) = AppCore.update(app, event)
            for effect in effects {
                if let answer = carryOut(effect) { queue += answer } else { return true }
            }
        }
        ports.roomStateChanged(app)
        return false
    }

    /// Writes what the command log keeps (the loop does at each folder check and on quit; a replay
    /// whose script ends without quitting does at its end); the failure, if any.
    public func flushCommandLog() -> String? { log?.flush() }

    /// A key resolved where it arrives (the state after the events before it), or an input a replay
    /// names; either is noted in the command log as what it does. Nil for events that are no input.
    private func resolved(_ event: AppEvent) -> Input? {
        let input: Input
        switch event {
        case .key(let key): input = InputChain.resolve(app, key)
        case .input(let given): input = given
        default: return nil
        }
        if let log {
            if input.key == .resize {
                let size = ports.screenSize()
                log.resized(width: size.width, height: size.height, at: app.clock.now)
            } else {
                log.record(input, typed: InputChain.context(app).takesText, at: app.clock.now)
            }
        }
        return input
    }

    /// One effect through the ports; what it answers with, or nil to quit.
    private func carryOut(_ effect: AppEffect) -> [AppEvent]? {
        switch effect {
        case .quit:
            commandLogFailure = log?.flush()
            return nil
        case .drivePresenter(let command):
            ports.drive(command)
        case .repaintAll:
            ports.repaintAll()
            lastFrame = nil
        case .reloadFolder:
            ports.forgetFolderChanges()
            ports.startLoad(asked: true, changed: [])
            return [.effectFinished(.reloadStarted)]
        case .checkFolder:
            var answer: [AppEvent] = []
            let changed = ports.folderChanges()
            if !changed.isEmpty {
                ports.startLoad(asked: false, changed: changed)
                answer.append(.effectFinished(.reloadStarted))
            }
            // What a full disk held back is written as soon as there is room, typing or not.
            if app.minutes != nil, let failure = ports.flushJournal() { answer.append(.effectFinished(.minutesFailed(failure))) }
            if let failure = log?.flush() { answer.append(.effectFinished(.commandLogFailed(failure))) }
            return answer
        case .recordMinutes(let entries):
            // Every entry is applied to the journal's record even when writing fails: it is
            // written, as full texts, once the disk has room again.
            if let failure = ports.record(entries) { return [.effectFinished(.minutesFailed(failure))] }
        case .saveSnapshot(let view, let language):
            switch ports.saveSnapshot(view, language: language, meeting: app.meeting, width: ports.screenSize().width) {
            case .success(let path): return [.effectFinished(.snapshotSaved(path))]
            case .failure(let failure): return [.effectFinished(.snapshotFailed(failure.reason))]
            }
        }
        return []
    }
}

/// Everything a frame is drawn from besides the meeting (which `generation` counts reloads of).
private struct FrameInputs: Equatable {
    var state: NavigationState
    var width: Int
    var height: Int
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

    init(_ app: AppState, width: Int, height: Int) {
        state = app.navigation
        self.width = width
        self.height = height
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
