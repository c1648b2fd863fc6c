import XCTest
import CioDashCore
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Replay logs name commands, not keys: a key resolved once, written as the line of the replay
/// script's language (`CommandScript`), read back, takes the same path as the key did.
final class CommandLogTests: XCTestCase {
    let meeting = MeetingFixture.make()
    let clock = ScreenComposer.Clock(now: 0, wall: "08:00", epoch: 1_564_189_200)

    /// The screens a key can arrive on: browsing, presenting, a prompt, the help, the minutes form.
    func screens() -> [(String, AppState)] {
        let browse = AppCore.start(meeting: meeting, mode: .browse, language: .vi, clock: clock)
        let present = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: clock)
        var search = browse
        search.navigation.prompt = .search("da")
        var slide = present
        slide.navigation.prompt = .goToSlide("3")
        var help = browse
        help.navigation.showHelp = true
        let record = MinutesRecord(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: 25_200)
        let withMinutes = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: clock, minutes: record)
        let form = AppCore.update(withMinutes, .input(Input(command: .minutes))).0
        return [("browse", browse), ("present", present), ("search prompt", search), ("slide prompt", slide), ("help", help),
                ("minutes form", form)]
    }

    /// Every key of the command table, and keys bound to nothing, on every screen: the line the
    /// log writes for it reads back into inputs that leave the same state and ask for the same
    /// effects as the key. Commands are written by name (`do …`), never as keys.
    func testEveryKeyLoggedAndReadBackDoesWhatTheKeyDid() throws {
        var keys = Set(CommandTable.rows.flatMap { row in
            CommandTable.Context.allCases.flatMap { row.behaviour(in: $0)?.bindings.map(\.0) ?? [] }
        })
        keys.formUnion(Key.typing("zé 7"))
        keys.formUnion(Key.scriptNames.map(\.key))
        keys.insert(.paste("dak lak # 1\n2"))
        var checked = 0
        let screens = screens()
        for (name, state) in screens {
            for key in keys {
                let (byKey, keyEffects) = AppCore.update(state, .key(key))
                let input = InputChain.resolve(state, key)
                guard let line = CommandScript.line(input, typed: InputChain.context(state).takesText) else {
                    XCTFail("\(name): \(key) is written as no line")
                    continue
                }
                if input.command != nil { XCTAssertTrue(line.hasPrefix("do "), "\(name): \(key) is its command: \(line)") }
                guard case .inputs(let read)? = try CommandScript.parse(line) else { return XCTFail("\(name): \(line) reads as no input") }
                var replayed = state
                var effects: [AppEffect] = []
                for each in read {
                    let event: AppEvent
                    switch each {
                    case .key(let k): event = .key(k)
                    case .resolved(let i): event = .input(i)
                    }
                    let (next, more) = AppCore.update(replayed, event)
                    replayed = next
                    effects += more
                }
                XCTAssertEqual(replayed.navigation, byKey.navigation, "\(name): \(key) as \(line)")
                XCTAssertEqual(replayed.minutes?.editor, byKey.minutes?.editor, "\(name): \(key) as \(line)")
                XCTAssertEqual(effects, keyEffects, "\(name): \(key) as \(line)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, screens.count * keys.count)
        XCTAssertGreaterThan(keys.count, 40)
    }

    /// What a digit and a prompt's Enter resolve to: the command with the argument the log names.
    func testADigitNamesItsItemAndAPromptsEnterItsText() {
        let (_, browse) = screens()[0], (_, search) = screens()[2], (_, slide) = screens()[3]
        XCTAssertEqual(CommandScript.line(InputChain.resolve(browse, Key.typing("3")[0]), typed: false), "do agendaItem 3")
        XCTAssertEqual(CommandScript.line(InputChain.resolve(search, Key(scriptName: "Enter")!), typed: true), "do search da")
        XCTAssertEqual(CommandScript.line(InputChain.resolve(slide, Key(scriptName: "Enter")!), typed: true), "do goToSlide 3")
        XCTAssertEqual(CommandScript.line(InputChain.resolve(search, Key.typing("k")[0]), typed: true), "type k")
        XCTAssertEqual(CommandScript.line(InputChain.resolve(browse, Key.typing("z")[0]), typed: false), "key z",
                       "a key bound to nothing stays a key where keys are not text")
    }

    /// `do search TEXT` with no prompt open searches at once, as `/`, the text and Enter do.
    func testASearchNamedWithItsTextIsTheSameAsTypingIt() throws {
        let (_, browse) = screens()[0]
        var typed = browse
        for line in ["key /", "type dak", "key Enter"] {
            guard case .inputs(let inputs)? = try CommandScript.parse(line) else { return XCTFail(line) }
            for input in inputs {
                switch input {
                case .key(let k): typed = AppCore.update(typed, .key(k)).0
                case .resolved(let i): typed = AppCore.update(typed, .input(i)).0
                }
            }
        }
        guard case .inputs(let named)? = try CommandScript.parse("do search dak"), case .resolved(let input) = named[0] else {
            return XCTFail("do search dak")
        }
        XCTAssertEqual(input, Input(command: .search, argument: .text("dak")))
        XCTAssertEqual(AppCore.update(browse, .input(input)).0.navigation, typed.navigation)
        XCTAssertNotNil(typed.navigation.search)
    }

    /// Text a bare line cannot hold is quoted, and reads back the same; nothing in a log line is a
    /// control character.
    func testTextIsWrittenSoItReadsBackTheSame() throws {
        for text in ["dak lak", " leading", "trailing ", "a # b", "\"quoted\"", "back\\slash", "line\nbreak", "tab\there",
                     "esc\u{1B}[2J", "bidi\u{202E}x", "", "Đắk Lắk 日本"] {
            let line = "do search " + CommandScript.bare(text)
            XCTAssertFalse(line.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format },
                           line.debugDescription)
            XCTAssertEqual(try CommandScript.parse(line), .inputs([.resolved(Input(command: .search, argument: .text(text)))]),
                           line.debugDescription)
            XCTAssertEqual(try CommandScript.parse("type " + CommandScript.bare(text)),
                           .inputs(Key.typing(text).map { .resolved(Input(typing: $0)) }), text.debugDescription)
            XCTAssertEqual(try CommandScript.parse("type " + CommandScript.quoted(text) + "  # a comment"),
                           .inputs(Key.typing(text).map { .resolved(Input(typing: $0)) }), text.debugDescription)
        }
        XCTAssertThrowsError(try CommandScript.parse("do nextSlide 3"))
        XCTAssertThrowsError(try CommandScript.parse("do noSuchCommand"))
        XCTAssertThrowsError(try CommandScript.parse("do agendaItem three"))
        XCTAssertThrowsError(try CommandScript.parse("type \"open"))
    }

    /// A session typed as keys is logged as commands, waits and text; replaying the log gives the
    /// frame and the state the session ended on.
    func testTheLogOfAKeySessionNamesCommandsAndReplaysToTheSameFrame() throws {
        let session = try SessionReplay(keepingLog: true)
        try session.run("""
        start browse vi 100x30
        key 1
        wait 1.5
        key Down Down
        key /
        type dak lak
        key Backspace
        key Enter
        wait 2
        key Enter Esc Tab ? L L
        frame
        """)
        XCTAssertEqual(session.log, """
        start browse vi 100x30
        do agendaItem 1
        wait 1.5
        do moveDown
        do moveDown
        do search
        type dak lak
        do deleteBackward
        do search dak la
        wait 2
        do open
        do back
        do nextView
        do help
        do close
        do toggleLanguage

        """)
        let replay = try SessionReplay()
        try replay.run(session.log + "frame\n")
        XCTAssertEqual(replay.output.split(separator: "\n").dropFirst().joined(separator: "\n"),
                       session.output.split(separator: "\n").dropFirst().joined(separator: "\n"), "the same frame, from its first row")
        XCTAssertEqual(replay.state?.navigation, session.state?.navigation)
        XCTAssertEqual(replay.state?.clock.now, 3.5)
    }
}

/// A command log that cannot be written: said once on the status line, and the dashboard goes on.
final class CommandLogFailureTests: XCTestCase {
    final class FullDisk: CommandLogSink {
        var writes = 0
        func append(_ text: String) -> String? {
            writes += 1
            return "/mnt/full/commands.log: No space left on device"
        }
    }

    func testAFailedWriteIsSaidOnceAndTheDashboardGoesOn() throws {
        for (language, words) in [("vi", "Không ghi được nhật ký lệnh /mnt/full/commands.log: No space left on device; đã dừng ghi nhật ký"),
                                  ("en", "Could not write the command log /mnt/full/commands.log: No space left on device; the log is stopped")] {
            let disk = FullDisk()
            let session = try SessionReplay(commandLog: disk)
            try session.run("""
            start browse \(language) 120x30
            do agendaItem 1
            wait 1.25
            frame
            do moveDown
            wait 3
            do reportingBoard
            frame
            """)
            XCTAssertEqual(disk.writes, 1, "the first folder check writes; after it fails, nothing is written")
            let frames = session.output.components(separatedBy: "── frame ").dropFirst()
            XCTAssertTrue(frames.first?.contains(words) == true, frames.first ?? "")
            XCTAssertEqual(session.output.components(separatedBy: words).count, 2, "said once")
            XCTAssertEqual(session.state?.navigation.view, .status, "keys still work after the failure")
        }
    }

    /// Quitting before the first folder check: the log's only write is on quit, and its failure is
    /// handed to the shell, which says it once the terminal is given back.
    func testAFailureOnQuitIsHandedToTheShell() throws {
        let disk = FullDisk()
        let session = try SessionReplay(commandLog: disk)
        try session.run("start browse vi 80x24\ndo agendaItem 1\ndo quit")
        XCTAssertEqual(disk.writes, 1)
        XCTAssertEqual(session.commandLogFailureOnQuit, "/mnt/full/commands.log: No space left on device")
        let quiet = try SessionReplay(keepingLog: true)
        try quiet.run("start browse vi 80x24\ndo agendaItem 1\ndo quit")
        XCTAssertNil(quiet.commandLogFailureOnQuit)
        XCTAssertEqual(quiet.log, "start browse vi 80x24\ndo agendaItem 1\ndo quit\n")
    }
}
