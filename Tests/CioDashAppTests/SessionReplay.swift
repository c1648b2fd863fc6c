import CioDashCore
import CioDashSamples
import Foundation
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Replays a scripted dashboard session through the dashboard's own loop (`DashboardLoop.step()`,
/// the iteration the binary's `run()` repeats) on fake ports: the loop's key wait hands out the
/// script's keys and, while a `wait` lasts, none, moving the scripted clock a tick; real file changes
/// in a copy of the sample folder are read at once; the journal is kept as text; the frames the
/// loop painted are written out as text where the script asks.
///
/// Script lines (`#` starts a comment):
///   hide FILE            move a file of the meeting folder away (before `start`: the folder lacks it)
///   restore FILE         put it back; the next second's folder check reloads, as the live screen does
///   day N                the wall clock N days from the sample's day (before `start`: a rehearsal the day before)
///   start MODE LANG WxH [minutes]  open the dashboard (browse|present, vi|en) at clock 0 (wall 08:00
///                        on 27/07/2019, UTC+7); with `minutes`, keeping a fresh minutes journal
///   scalars TEXT         each Unicode scalar of TEXT as a key (decomposed text, as an input method sends it)
///   paste TEXT           TEXT as one bracketed paste; `\n` in it is a line break
///   key K K …            keys: Space Enter Esc Backspace Tab BackTab Up Down Left Right PgUp PgDn Home End, or one character
///   type TEXT            each character of TEXT as a key
///   wait SECONDS         the loop's key waits pass with no key, each moving the clock a tick (0.25 s)
///   frame                the frame the loop painted last, as text, into the output
final class SessionReplay {
    /// Both samples copied side by side (removed with it).
    private let copies: TestFolder
    let root: URL
    let folder: URL
    private let stash: URL
    private var loop: DashboardLoop?
    private(set) var ports: ReplayPorts?
    private var size = (width: 80, height: 24)
    private var now = 0.0
    private(set) var output = ""
    /// The minutes journal the session wrote, header first, as the shell writes it.
    var journal: String { (ports?.journalHeader ?? "") + (ports?.journal ?? "") }
    /// 2019-07-27 08:00 at UTC+7, the sample session's start.
    static let startEpoch = 1_564_189_200.0
    static let utcOffset = 7 * 3600
    private var frames = 0
    /// Seconds added to the wall clock (`day N`).
    private var shift = 0.0
    /// The script's lines with their numbers, and the next one to read.
    private var lines: [(number: Int, text: String)] = []
    private var next = 0
    /// Keys read from the script, not yet handed to the loop.
    private var queued: [Key] = []
    /// While a `wait` lasts: the clock it ends at.
    private var waitEnd: Double?
    /// The script reached its end or the next `start`: the session stops stepping.
    private var ended = false
    private var failure: Error?

    init() throws {
        copies = try TestFolder(prefix: "ciodash-replay-")
        root = URL(fileURLWithPath: copies.path)
        folder = URL(fileURLWithPath: try copies.copySamples())
        stash = root.appendingPathComponent("stash")
        try FileManager.default.createDirectory(at: stash, withIntermediateDirectories: true)
    }

    var state: AppState? { loop?.app }

    func run(_ script: String) throws {
        lines = script.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, String($0.element)) }
        next = 0
        while next < lines.count {
            let (number, line) = lines[next]
            next += 1
            let words = Self.words(line)
            guard let verb = words.first else { continue }
            switch verb {
            case "start":
                try start(Array(words.dropFirst()))
                try session()
            case "hide", "restore", "day": try perform(line, number: number)
            default: throw ReplayError("line \(number): \(verb) before the session's start")
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
        if quit, let left = lines[next...].first(where: { !Self.words($0.text).isEmpty }), Self.words(left.text).first != "start" {
            throw ReplayError("line \(left.number): the session quit before it")
        }
    }

    /// The loop's key wait: the script's next key; while a `wait` lasts, none, and the clock moves
    /// by the wait's length. Lines that are not keys (frames, file changes) are done on the way.
    fileprivate func nextKey(timeout milliseconds: Int) -> Key? {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            if let end = waitEnd {
                if now < end {
                    now = min(end, now + Double(milliseconds) / 1000)
                    return nil
                }
                waitEnd = nil
            }
            guard !ended, next < lines.count, Self.words(lines[next].text).first != "start" else {
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

    /// The words of a line, its comment (`#` on) left out.
    private static func words(_ raw: String) -> [String] {
        uncommented(raw).split(separator: " ").map(String.init)
    }

    private static func uncommented(_ raw: String) -> String {
        raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    /// One line other than `start`: keys are queued for the loop's key wait.
    private func perform(_ raw: String, number: Int) throws {
        let line = Self.uncommented(raw)
        let words = Self.words(raw)
        guard let command = words.first else { return }
        let rest = Array(words.dropFirst())
        switch command {
        case "hide": try move(rest[0], from: folder, to: stash)
        case "restore": try move(rest[0], from: stash, to: folder)
        case "day": shift = (Double(rest[0]) ?? 0) * 86_400
        case "key": queued += try rest.map(Self.key)
        case "type": queued += line.dropFirst("type ".count).map { .character($0) }
        case "scalars": queued += line.dropFirst("scalars ".count).unicodeScalars.map { .character(Character($0)) }
        case "paste": queued.append(.paste(fromTerminal: line.dropFirst("paste ".count).replacingOccurrences(of: "\\n", with: "\n")))
        case "wait": waitEnd = now + (Double(rest[0]) ?? 0)
        case "frame": frame(label: "line \(number)")
        default: throw ReplayError("line \(number): unknown command \(command)")
        }
    }

    private func move(_ file: String, from: URL, to: URL) throws {
        let target = to.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: from.appendingPathComponent(file), to: target)
    }

    private func start(_ words: [String]) throws {
        let mode: NavigationState.Mode = words[0] == "present" ? .present : .browse
        let language = Language(rawValue: words[1]) ?? .vi
        let dims = words[2].split(separator: "x").compactMap { Int($0) }
        size = (dims[0], dims[1])
        let result = MeetingLoader().load(folder: folder.path)
        guard let meeting = result.meeting else { throw ReplayError("the folder does not load: \(result.diagnostics)") }
        let path = folder.path
        let ports = ReplayPorts(folder: path, clock: { [unowned self] in clock() }, size: { [unowned self] in size },
                                keys: { [unowned self] in nextKey(timeout: $0) })
        var record: MinutesRecord?
        if words.count > 3 && words[3] == "minutes" {
            record = MinutesRecord(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: Self.utcOffset)
            ports.journalHeader = MinutesJournalFormat.line(.init(meetingTitle: meeting.title, meetingDate: meeting.date,
                                                                  utcOffset: Self.utcOffset))
        }
        let app = AppCore.start(meeting: meeting, result: result, mode: mode, language: language, clock: clock(), minutes: record,
                                sizes: ReloadKeeper.sizes(of: meeting, folder: path))
        self.ports = ports
        loop = DashboardLoop(app: app, ports: ports)
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

    static func key(_ name: String) throws -> Key {
        let named: [String: Key] = ["Space": .character(" "), "Enter": .enter, "Esc": .escape, "Backspace": .backspace,
                                    "Tab": .tab, "BackTab": .backTab, "Up": .up, "Down": .down, "Left": .left,
                                    "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home, "End": .end,
                                    "Delete": .delete, "WordLeft": .wordLeft, "WordRight": .wordRight, "CtrlW": .deleteWord,
                                    "F2": .function(2)]
        if let key = named[name] { return key }
        guard name.count == 1, let c = name.first else { throw ReplayError("unknown key \(name)") }
        return .character(c)
    }
}

struct ReplayError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The replay's ports: the scripted clock, size and keys, the copied folder read at once (a plain
/// fingerprint rather than FolderWatch: the fake clock checks at once instead of waiting for a file
/// to settle), the journal as text, the frames painted kept, no terminal and no room.
final class ReplayPorts: DashboardPorts {
    let folder: String
    let clock: () -> ScreenComposer.Clock
    let size: () -> (width: Int, height: Int)
    let keys: (Int) -> Key?
    /// The last frame the loop painted, and how many it painted.
    private(set) var painted: Grid?
    private(set) var paints = 0
    /// The loop's key waits: how many, and how many ended with no key.
    private(set) var keyWaits = 0
    private(set) var idleWaits = 0
    private var signature: FolderSignature
    private var loaded: AppEvent?
    var journalHeader = ""
    private(set) var journal = ""

    init(folder: String, clock: @escaping () -> ScreenComposer.Clock, size: @escaping () -> (width: Int, height: Int),
         keys: @escaping (Int) -> Key?) {
        self.folder = folder
        self.clock = clock
        self.size = size
        self.keys = keys
        signature = FolderSignature(folder: folder)
    }

    func now() -> ScreenComposer.Clock { clock() }
    func screenSize() -> (width: Int, height: Int) { size() }
    func paint(_ grid: Grid) {
        painted = grid
        paints += 1
    }

    func repaintAll() {}

    func nextKey(timeout milliseconds: Int) -> Key? {
        keyWaits += 1
        let key = keys(milliseconds)
        if key == nil { idleWaits += 1 }
        return key
    }

    func folderChanges() -> [String] {
        let current = FolderSignature(folder: folder)
        let changed = current.changedFiles(since: signature)
        if !changed.isEmpty { signature = current }
        return changed
    }

    func forgetFolderChanges() { signature = FolderSignature(folder: folder) }

    func startLoad(asked: Bool, changed: [String]) {
        let result = MeetingLoader().load(folder: folder)
        loaded = .folderReloaded(result, changed: changed, asked: asked, sizes: ReloadKeeper.sizes(of: result.meeting, folder: folder))
    }

    func finishedLoad() -> (event: AppEvent, stillLoading: Bool)? {
        defer { loaded = nil }
        return loaded.map { ($0, false) }
    }

    func record(_ entries: [MinutesEntry]) -> String? {
        journal += entries.map(MinutesJournalFormat.line).joined()
        return nil
    }

    func flushJournal() -> String? { nil }

    func saveSnapshot(_ view: ViewID, language: Language, meeting: Meeting, width: Int) -> Result<String, SnapshotFailure> {
        .success("./ciodash-snapshots/" + view.fileStem + ".txt")
    }

    func roomEvents(_ app: AppState) -> [AppEvent] { [] }
    func roomStateChanged(_ app: AppState) {}
    func drive(_ command: Command) {}
}
