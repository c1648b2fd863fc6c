import CioDashCore
import CioDashSamples
import Foundation
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Replays a scripted dashboard session through the dashboard's own loop (`DashboardLoop`, the
/// binary's loop and effect interpreter) on fake ports: a scripted clock, real file changes in a
/// copy of the sample folder read at once, the journal kept as text; writes the frames it is asked
/// for as text.
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
///   wait SECONDS         the clock moves on, one tick a second
///   frame                the screen as text, into the output
final class SessionReplay {
    /// Both samples copied side by side (removed with it).
    private let copies: TestFolder
    let root: URL
    let folder: URL
    private let stash: URL
    private var loop: DashboardLoop?
    private var ports: ReplayPorts?
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

    init() throws {
        copies = try TestFolder(prefix: "ciodash-replay-")
        root = URL(fileURLWithPath: copies.path)
        folder = URL(fileURLWithPath: try copies.copySamples())
        stash = root.appendingPathComponent("stash")
        try FileManager.default.createDirectory(at: stash, withIntermediateDirectories: true)
    }

    var state: AppState? { loop?.app }

    func run(_ script: String) throws {
        for (number, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(separator: " ").map(String.init)
            guard let command = words.first else { continue }
            let rest = Array(words.dropFirst())
            switch command {
            case "hide": try move(rest[0], from: folder, to: stash)
            case "restore": try move(rest[0], from: stash, to: folder)
            case "start": try start(rest)
            case "day": shift = (Double(rest[0]) ?? 0) * 86_400
            case "key": for name in rest { send(.key(try Self.key(name))) }
            case "type": for c in line.dropFirst("type ".count) { send(.key(.character(c))) }
            case "scalars":
                for u in line.dropFirst("scalars ".count).unicodeScalars { send(.key(.character(Character(u)))) }
            case "paste":
                send(.key(.paste(fromTerminal: line.dropFirst("paste ".count).replacingOccurrences(of: "\\n", with: "\n"))))
            case "wait": wait(Double(rest[0]) ?? 0)
            case "frame": frame(label: "line \(number + 1)")
            default: throw ReplayError("line \(number + 1): unknown command \(command)")
            }
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
        let ports = ReplayPorts(folder: path, clock: { [unowned self] in clock() }, size: { [unowned self] in size })
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

    private func wait(_ seconds: Double) {
        let end = now + seconds
        while now < end {
            now = min(end, now + 1)
            send(.tick(clock()))
        }
    }

    /// One event, and the events its effects answer with, through the dashboard's loop.
    private func send(_ event: AppEvent) {
        loop?.handle([event])
    }

    private func frame(label: String) {
        guard let loop else { return }
        loop.paint()
        guard let grid = loop.lastGrid else { return }
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

/// The replay's ports: the scripted clock and size, the copied folder read at once (a plain
/// fingerprint rather than FolderWatch: the fake clock checks at once instead of waiting for a file
/// to settle), the journal as text, no terminal and no room.
final class ReplayPorts: DashboardPorts {
    let folder: String
    let clock: () -> ScreenComposer.Clock
    let size: () -> (width: Int, height: Int)
    private var signature: FolderSignature
    private var loaded: AppEvent?
    var journalHeader = ""
    private(set) var journal = ""

    init(folder: String, clock: @escaping () -> ScreenComposer.Clock, size: @escaping () -> (width: Int, height: Int)) {
        self.folder = folder
        self.clock = clock
        self.size = size
        signature = FolderSignature(folder: folder)
    }

    func now() -> ScreenComposer.Clock { clock() }
    func screenSize() -> (width: Int, height: Int) { size() }
    func paint(_ grid: Grid) {}
    func repaintAll() {}
    func nextKey(timeout milliseconds: Int) -> Key? { nil }

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
