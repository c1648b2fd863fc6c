import CioDashApp
import CioDashCore
import CioDashRender
import CioDashSamples
import Foundation

/// Replays a scripted dashboard session through the dashboard's own loop (`DashboardLoop.step()`,
/// the iteration the binary's `run()` repeats) on fake ports: the loop's key wait hands out the
/// script's inputs and, while a `wait` lasts, none, moving the scripted clock a tick; real file changes
/// in a copy of the sample folder are read at once; the journal is kept as text; the frames the
/// loop painted are written out as text where the script asks.
///
/// Script lines: the replay script's language (`CommandScript`: `start`, `do COMMAND [ARGUMENT]`,
/// `type`, `paste`, `key`, `wait`, `size`), which the binary's `--command-log` writes, and the
/// replay's own (`#` starts a comment):
///   hide FILE            move a file of the meeting folder away (before `start`: the folder lacks it)
///   restore FILE         put it back; the next second's folder check reloads, as the live screen does
///   day N                the wall clock N days from the sample's day (before `start`: a rehearsal the day before)
///   scalars TEXT         each Unicode scalar of TEXT typed (decomposed text, as an input method sends it)
///   frame                the frame the loop painted last, as text, into the output
/// `start` opens the dashboard at clock 0 (wall 08:00 on 27/07/2019, UTC+7); with `minutes`, keeping
/// a fresh journal. `wait SECONDS` is the loop's key waits passing with no input, each moving the
/// clock a tick (0.25 s).
public final class SessionReplay {
    /// Both samples copied side by side (removed with it).
    private let copies: TestFolder
    public let root: URL
    public let folder: URL
    private let stash: URL
    private var loop: DashboardLoop?
    public private(set) var ports: ReplayPorts?
    private var size = (width: 80, height: 24)
    private var now = 0.0
    public private(set) var output = ""
    /// The minutes journal the session wrote, header first, as the shell writes it.
    public var journal: String { (ports?.journalHeader ?? "") + (ports?.journal ?? "") }
    /// 2019-07-27 08:00 at UTC+7, the sample session's start.
    public static let startEpoch = 1_564_189_200.0
    public static let utcOffset = 7 * 3600
    private var frames = 0
    /// Seconds added to the wall clock (`day N`).
    private var shift = 0.0
    /// The script's lines with their numbers, and the next one to read.
    private var lines: [(number: Int, text: String)] = []
    private var next = 0
    /// Inputs read from the script, not yet handed to the loop.
    private var queued: [UserInput] = []
    /// While a `wait` lasts: the clock it ends at.
    private var waitEnd: Double?
    /// The script reached its end or the next `start`: the session stops stepping.
    private var ended = false
    private var failure: Error?
    /// Where the loop writes its command log, when the replay keeps one.
    private let commandLog: CommandLogSink?
    /// The command log the loop wrote (flushed by its folder checks and on quit), when kept as text.
    public var log: String { (commandLog as? ReplayCommandLog)?.text ?? "" }

    /// `keepingLog`: the loop writes its command log into `log`; `commandLog`: into that sink instead.
    public init(keepingLog: Bool = false, commandLog sink: CommandLogSink? = nil) throws {
        commandLog = sink ?? (keepingLog ? ReplayCommandLog() : nil)
        copies = try TestFolder(prefix: "ciodash-replay-")
        root = URL(fileURLWithPath: copies.path)
        folder = URL(fileURLWithPath: try copies.copySamples())
        stash = root.appendingPathComponent("stash")
        try FileManager.default.createDirectory(at: stash, withIntermediateDirectories: true)
    }

    public var state: AppState? { loop?.app }

    /// Why the command log could not be written when the session quit (the shell says it on
    /// standard error), if it could not.
    public var commandLogFailureOnQuit: String? { loop?.commandLogFailure }

    /// The last frame the loop painted, a line a row, as a terminal shows it.
    public var lastFrameLines: [String] {
        guard let grid = ports?.painted else { return [] }
        return (0..<grid.height).map { grid.line($0) }
    }

    public func run(_ script: String) throws {
        lines = script.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, String($0.element)) }
        next = 0
        while next < lines.count {
            let (number, line) = lines[next]
            next += 1
            switch try Self.parse(line, number: number) {
            case nil: continue
            case .start(let mode, let language, let width, let height, let minutes)?:
                try start(mode: mode, language: language, width: width, height: height, minutes: minutes)
                try session()
            case .other(let verb, _, _)? where ["hide", "restore", "day"].contains(verb): try perform(line, number: number)
            default: throw ReplayError("line \(number): before the session's start")
            }
        }
    }

    /// Steps the dashboard's loop until the script ends, reaches the next `start`, or the session quits.
    private func session() throws {
        guard let loop else { return }
        ended = false
        var quit = false
        while !ended && !quit { quit = loop.step() }
        if let failure { throw failure }
        if !quit, let failed = loop.flushCommandLog() { throw ReplayError("the command log: \(failed)") }
        if quit, let left = lines[next...].first(where: { (try? Self.parse($0.text, number: $0.number)) != nil }),
           !Self.startsSession(left.text) {
            throw ReplayError("line \(left.number): the session quit before it")
        }
    }

    /// The loop's key wait: the script's next input; while a `wait` lasts, none, and the clock moves
    /// a tick (the wait's timeout). Lines that are no input (frames, file changes) are done on the way.
    fileprivate func nextInput(timeout milliseconds: Int) -> UserInput? {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            if let end = waitEnd {
                if now < end {
                    now = min(end, now + Double(milliseconds) / 1000)
                    return nil
                }
                waitEnd = nil
            }
            guard !ended, next < lines.count, !Self.startsSession(lines[next].text) else {
                ended = true
                return nil
            }
            let (number, line) = lines[next]
            next += 1
            do {
                try perform(line, number: number)
            } catch {
                failure = error
                ended = true
                return nil
            }
        }
    }

    private static func parse(_ line: String, number: Int) throws -> CommandScript.Line? {
        do {
            return try CommandScript.parse(line)
        } catch {
            throw ReplayError("line \(number): \(error)")
        }
    }

    private static func startsSession(_ line: String) -> Bool {
        if case .start? = try? CommandScript.parse(line) { return true }
        return false
    }

    /// One line other than `start`: inputs are queued for the loop's key wait.
    private func perform(_ line: String, number: Int) throws {
        switch try Self.parse(line, number: number) {
        case nil: return
        case .inputs(let inputs)?: queued += inputs
        case .wait(let seconds)?: waitEnd = now + seconds
        case .size(let width, let height)?:
            size = (width, height)
            queued.append(.key(.resize))
        case .start?: throw ReplayError("line \(number): a session is running")
        case .other(let verb, let words, let rest)?:
            switch verb {
            case "hide": try move(words[0], from: folder, to: stash)
            case "restore": try move(words[0], from: stash, to: folder)
            case "day": shift = (Double(words[0]) ?? 0) * 86_400
            case "scalars": queued += Key.typingScalars(rest).map { .resolved(Input(typing: $0)) }
            case "frame": frame(label: "line \(number)")
            default: throw ReplayError("line \(number): unknown command \(verb)")
            }
        }
    }

    private func move(_ file: String, from: URL, to: URL) throws {
        let target = to.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: from.appendingPathComponent(file), to: target)
    }

    private func start(mode: NavigationState.Mode, language: Language, width: Int, height: Int, minutes: Bool) throws {
        size = (width, height)
        let result = MeetingLoader().load(folder: folder.path)
        guard let meeting = result.meeting else { throw ReplayError("the folder does not load: \(result.diagnostics)") }
        let path = folder.path
        let ports = ReplayPorts(folder: path, clock: { [unowned self] in clock() }, size: { [unowned self] in size },
                                inputs: { [unowned self] in nextInput(timeout: $0) })
        var record: MinutesRecord?
        if minutes {
            record = MinutesRecord(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: Self.utcOffset)
            ports.journalHeader = MinutesJournalFormat.line(.init(meetingTitle: meeting.title, meetingDate: meeting.date,
                                                                  utcOffset: Self.utcOffset))
        }
        let app = AppCore.start(meeting: meeting, result: result, mode: mode, language: language, clock: clock(), minutes: record,
                                sizes: ReloadKeeper.sizes(of: meeting, folder: path))
        self.ports = ports
        loop = DashboardLoop(app: app, ports: ports, commandLog: commandLog)
    }

    private func clock() -> ScreenComposer.Clock {
        let minutes = 8 * 60 + Int(now) / 60
        return .init(now: now, wall: String(format: "%02d:%02d", (minutes / 60) % 24, minutes % 60), epoch: Self.startEpoch + shift + now)
    }

    private func frame(label: String) {
        guard let grid = ports?.painted else { return }
        frames += 1
        output += "── frame \(frames) (\(label), clock \(Int(now)) s) " + String(repeating: "─", count: 20) + "\n"
        // A gutter marks the rows where something is selected: text alone would not show it.
        output += (0..<grid.height).map { y in
            let selected = (0..<grid.width).contains { grid[$0, y].role == .selected }
            return (selected ? "▶" : " ") + grid.line(y)
        }.joined(separator: "\n") + "\n"
    }

}

public struct ReplayError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The replay's ports: the scripted clock, size and keys, the copied folder read at once (a plain
/// fingerprint rather than FolderWatch: the fake clock checks at once instead of waiting for a file
/// to settle), the journal as text, the frames painted kept, no terminal and no room.
public final class ReplayPorts: DashboardPorts {
    let folder: String
    let clock: () -> ScreenComposer.Clock
    let size: () -> (width: Int, height: Int)
    let inputs: (Int) -> UserInput?
    /// The last frame the loop painted, and how many it painted.
    public private(set) var painted: Grid?
    public private(set) var paints = 0
    /// The loop's key waits: how many, and how many ended with no input.
    public private(set) var keyWaits = 0
    public private(set) var idleWaits = 0
    private var signature: FolderSignature
    private var loaded: AppEvent?
    var journalHeader = ""
    private(set) var journal = ""

    init(folder: String, clock: @escaping () -> ScreenComposer.Clock, size: @escaping () -> (width: Int, height: Int),
         inputs: @escaping (Int) -> UserInput?) {
        self.folder = folder
        self.clock = clock
        self.size = size
        self.inputs = inputs
        signature = FolderSignature(folder: folder)
    }

    public func now() -> ScreenComposer.Clock { clock() }
    public func screenSize() -> (width: Int, height: Int) { size() }
    public func paint(_ grid: Grid) {
        painted = grid
        paints += 1
    }

    public func repaintAll() {}

    public func nextInput(timeout milliseconds: Int) -> UserInput? {
        keyWaits += 1
        let input = inputs(milliseconds)
        if input == nil { idleWaits += 1 }
        return input
    }

    public func folderChanges() -> [String] {
        let current = FolderSignature(folder: folder)
        let changed = current.changedFiles(since: signature)
        if !changed.isEmpty { signature = current }
        return changed
    }

    public func forgetFolderChanges() { signature = FolderSignature(folder: folder) }

    public func startLoad(asked: Bool, changed: [String]) {
        let result = MeetingLoader().load(folder: folder)
        loaded = .folderReloaded(result, changed: changed, asked: asked, sizes: ReloadKeeper.sizes(of: result.meeting, folder: folder))
    }

    public func finishedLoad() -> (event: AppEvent, stillLoading: Bool)? {
        defer { loaded = nil }
        return loaded.map { ($0, false) }
    }

    public func record(_ entries: [MinutesEntry]) -> String? {
        journal += entries.map(MinutesJournalFormat.line).joined()
        return nil
    }

    public func flushJournal() -> String? { nil }

    public func saveSnapshot(_ view: ViewID, language: Language, meeting: Meeting, width: Int) -> Result<String, SnapshotFailure> {
        .success("./ciodash-snapshots/" + view.fileStem + ".txt")
    }

    public func roomEvents(_ app: AppState) -> [AppEvent] { [] }
    public func roomStateChanged(_ app: AppState) {}
    public func drive(_ command: Command) {}
}

/// The replay's command log: what the loop wrote, as text.
final class ReplayCommandLog: CommandLogSink {
    private(set) var text = ""
    public func append(_ text: String) -> String? {
        self.text += text
        return nil
    }
}
