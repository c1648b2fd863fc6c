import Foundation
import Glibc
import XCTest

/// `ciodash testcard` in a real terminal: text, escapes, keys, resize, and the terminal given back
/// after every way of ending.
final class TestcardEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    static let nfc = "Thừa Thiên Huế · Đắk Lắk"
    static let nfd = "Thu\u{31B}\u{300}a Thie\u{302}n Hue\u{302}\u{301} · Đa\u{306}\u{301}k La\u{306}\u{301}k"
    static let footer = " q/Esc/Ctrl-C quit · space marks [ ] · r repaints all"

    /// Starts `ciodash testcard ARGS` with `prefix` before it (e.g. `env -u NO_COLOR`) and waits
    /// until the first frame is on screen when `waitForCard`.
    @discardableResult
    private func start(_ arguments: String = "", prefix: String = "env -u NO_COLOR", width: Int = 80, height: Int = 24,
                       term: String = "xterm-256color", waitForCard: Bool = true) throws -> TmuxHarness {
        let binary = try TmuxHarness.ciodashBinary()
        let h = try TmuxHarness(width: width, height: height,
                                command: "\(prefix) \(TmuxHarness.quote(binary)) testcard --lang en \(arguments)", term: term)
        harness = h
        if waitForCard { try h.waitFor("ciodash testcard") }
        return h
    }

    /// The terminal is as the shell left it: main screen, cursor shown, keypad modes off, same tty modes.
    private func assertTerminalGivenBack(_ h: TmuxHarness, after what: String,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack,
                       "after \(what): expected the terminal as before the start", file: file, line: line)
    }

    // MARK: What the card shows

    func testStartupShowsVietnameseExactlyInBothNormalForms() throws {
        let h = try start()
        // waitFor matches Unicode scalars exactly: NFD must stay NFD, with every mark on its letter.
        try h.waitFor(" NFC  \(Self.nfc)\n")
        try h.waitFor(" NFD  \(Self.nfd)\n")
        try h.waitFor(" CJK  中文 · 日本語 · 한국어 · emoji 🎉✅\n")
    }

    func testEscapeSequencesFromDataShowAsText() throws {
        let h = try start()
        let screen = try h.waitFor("^[[31mred^[[0m ^[[2J")
        XCTAssertTrue(screen.contains("^[]0;pwned^G <9B>1m"), "expected the OSC title sequence shown as text; screen:\n\(screen)")
        XCTAssertNotEqual(try h.displayFlags("#{pane_title}"), "pwned", "the OSC sequence in the data retitled the window")
    }

    func testKeysAreReadAsTheDashboardExpects() throws {
        let h = try start()
        // tmux sends Home/End as ESC[1~ / ESC[4~, which xterm-256color's terminfo does not list.
        let expected: [(send: String, shows: String)] = [
            ("Home", "key  home"), ("End", "key  end"), ("NPage", "key  pageDown"), ("F5", "key  function(5)"),
            ("BTab", "key  backTab"), ("Enter", "key  enter"), ("BSpace", "key  backspace"), ("Up", "key  up"),
            ("Escape", "[exit 0]"),
        ]
        for (send, shows) in expected {
            try h.sendKeys(send)
            try h.waitFor(shows)
        }
    }

    func testVietnameseTypedPrecomposedOrDecomposedIsOneCharacter() throws {
        let h = try start()
        try h.type("ế")
        try h.waitFor("key  character(\"ế\")")
        try h.sendKeys("Up")
        try h.waitFor("key  up")
        // An input method may commit "e" + circumflex + acute: one key, not three.
        try h.type("e\u{302}\u{301}")
        try h.waitFor("key  character(\"e\u{302}\u{301}\")")
    }

    func testMonoThemeUnderNoColorMarksSelectionWithReverseOnly() throws {
        let h = try start(prefix: "env NO_COLOR=1")
        try h.waitFor("colours no  theme mono")
        let screen = try h.capture(escapes: true)
        let colours = Self.sgrParameters(in: screen).filter(Self.isColourParameter)
        XCTAssertEqual(colours, [], "expected no colour codes under NO_COLOR=1")
        // tmux drops trailing spaces, so match the swatches' labels without them.
        XCTAssertTrue(Self.style(of: " selected", in: screen).contains("7"), "expected the selected swatch in reverse video")
        XCTAssertTrue(Self.style(of: " title", in: screen).contains("1"), "expected the title swatch in bold")
    }

    func testDefaultThemeUsesColourWhenAllowed() throws {
        let h = try start()
        try h.waitFor("colours yes  theme default")
        let colours = Self.sgrParameters(in: try h.capture(escapes: true)).filter(Self.isColourParameter)
        XCTAssertFalse(colours.isEmpty, "expected colour codes with NO_COLOR unset on xterm-256color")
    }

    // MARK: The terminal is always given back

    func testQuitWithQRestoresTerminal() throws {
        let h = try start()
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0, "expected exit status 0 after q")
        try assertTerminalGivenBack(h, after: "q")
    }

    func testCtrlCKeyQuitsAndRestoresTerminal() throws {
        let h = try start()
        try h.sendKeys("C-c")
        XCTAssertEqual(try h.waitForExit(), 0, "expected Ctrl-C (read as a key in raw mode) to quit with status 0")
        try assertTerminalGivenBack(h, after: "Ctrl-C")
    }

    func testSIGTERMRestoresTerminal() throws {
        try assertSignalRestores(SIGTERM, name: "SIGTERM")
    }

    func testSIGHUPRestoresTerminal() throws {
        try assertSignalRestores(SIGHUP, name: "SIGHUP")
    }

    func testSIGINTRestoresTerminal() throws {
        try assertSignalRestores(SIGINT, name: "SIGINT")
    }

    private func assertSignalRestores(_ signal: Int32, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let h = try start()
        try h.kill(signal)
        XCTAssertEqual(try h.waitForExit(), 128 + signal, "expected exit status 128+\(signal) after \(name)", file: file, line: line)
        try assertTerminalGivenBack(h, after: name, file: file, line: line)
    }

    func testCrashRestoresTerminalAndStillReportsIt() throws {
        let h = try start("--debug-crash", waitForCard: false)
        let status = try h.waitForExit(timeout: 30)
        XCTAssertTrue([128 + SIGILL, 128 + SIGTRAP].contains(status),
                      "expected the trap to end the process by SIGILL or SIGTRAP, got exit status \(status)")
        try assertTerminalGivenBack(h, after: "a Swift trap")
    }

    // MARK: Resize

    func testResizeRedrawsAtTheNewSize() throws {
        let h = try start()
        try h.waitFor("size 80×24")
        try h.resize(width: 40, height: 10)
        try h.waitFor("size 40×10")
        try h.waitFor(" NFC  \(Self.nfc)")
        try h.resize(width: 80, height: 24)
        try h.waitFor("size 80×24")
        try h.waitForLines("the footer on the last of 24 rows") {
            $0.count == 24 && $0.last == Self.footer
        }
    }

    func testResizeStormDownToOneCellEndsWithACorrectScreen() throws {
        let h = try start()
        try h.waitFor(Self.footer)
        // Only the last-key line may differ after the storm.
        let expected = try h.screenLines().filter { !$0.hasPrefix(" key ") }
        // Deterministic sizes from 1×1 up to 120×40, 1×1 every 25th, none 80×24 until the last.
        var storm: [(width: Int, height: Int)] = []
        for i in 0..<200 {
            let tiny = i % 25 == 0
            storm.append((width: tiny ? 1 : 1 + (i * 37) % 120, height: tiny ? 1 : 1 + (i * 17) % 40))
        }
        storm.append((width: 80, height: 24))
        try h.resizeStorm(storm)
        try h.waitFor("size 80×24")
        try h.waitForLines("the same screen as before the storm") {
            $0.filter { !$0.hasPrefix(" key ") } == expected
        }
    }

    // MARK: Environments

    func testNoLocaleInEnvironmentStillRendersVietnamese() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let h = try start(prefix: "env -i PATH=\(TmuxHarness.quote(path)) TERM=xterm-256color")
        try h.waitFor(" NFC  \(Self.nfc)")
        try h.waitFor(" NFD  \(Self.nfd)")
        try h.waitFor("UTF-8")
    }

    func testUninstalledLocaleFallsBackToUTF8() throws {
        // vi_VN.UTF-8 is what a Vietnamese laptop sets; setlocale fails where it is not installed.
        let h = try start(prefix: "env -u NO_COLOR -u LC_ALL -u LC_CTYPE LANG=vi_VN.UTF-8")
        try h.waitFor(" NFC  \(Self.nfc)")
        try h.waitFor("UTF-8")
    }

    func testWithoutATerminalPrintsTheCardAsPlainText() throws {
        let binary = try TmuxHarness.ciodashBinary()
        let result = try TmuxHarness.output(of: binary, ["testcard", "--lang", "en"])
        XCTAssertEqual(result.status, 0, "expected exit status 0 when standard output is a pipe; stderr: \(result.error)")
        XCTAssertFalse(result.output.utf8.contains(0x1B), "expected no ESC byte in plain output:\n\(result.output)")
        XCTAssertTrue(TmuxHarness.containsExactly(result.output, "\n NFC  \(Self.nfc)\n"),
                      "expected the card's Vietnamese line in plain text:\n\(result.output)")
    }

    func testDumbTerminalGetsAClearMessage() throws {
        try assertRefused(term: "dumb", message: "cannot position the cursor")
    }

    func testUnknownTerminalGetsAClearMessage() throws {
        // xterm-kitty is not in ncurses-base; where ncurses-term is installed, use a name nobody has.
        let known = (try? TmuxHarness.output(of: try TmuxHarness.requireTool("infocmp"), ["xterm-kitty"]).status) == 0
        try assertRefused(term: known ? "ciodash-no-such-terminal" : "xterm-kitty", message: "is not in this machine's terminfo")
    }

    private func assertRefused(term: String, message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let h = try start(term: term, waitForCard: false)
        XCTAssertEqual(try h.waitForExit(), 1, "expected exit status 1 for TERM=\(term)", file: file, line: line)
        let text = try h.capture(joinWrapped: true).split(separator: "\n").joined(separator: " ")
        XCTAssertTrue(text.contains(message), "expected a message containing \"\(message)\"; screen: \(text)", file: file, line: line)
        XCTAssertTrue(text.hasPrefix("ciodash: the terminal type '\(term)'") && text.hasSuffix("[exit 1]"),
                      "expected only the message and the exit line, no stray output; screen: \(text)", file: file, line: line)
        try assertTerminalGivenBack(h, after: "TERM=\(term)", file: file, line: line)
    }

    // MARK: Cost of a redraw

    func testOneCellChangeSendsFarFewerBytesThanAFullRepaint() throws {
        let h = try start()
        try h.waitFor(Self.footer)
        _ = try h.startRecording()
        // The first Space also changes the last-key line; later ones change only the marked cell.
        try h.sendKeys("Space")
        try waitForMark(h, "[x]")
        var total = try h.settledRecordedBytes()
        func cost(of key: String, until mark: String) throws -> Int {
            try h.sendKeys(key)
            try waitForMark(h, mark)
            let now = try h.settledRecordedBytes()
            defer { total = now }
            return now - total
        }
        let markOff = try cost(of: "Space", until: "[ ]")
        let markOn = try cost(of: "Space", until: "[x]")
        try h.sendKeys("r")
        try h.waitFor("key  character(\"r\")")
        let fullRepaint = try h.settledRecordedBytes() - total
        print("bytes to the terminal on the 80×24 test card: one cell off \(markOff), one cell on \(markOn), "
              + "full repaint \(fullRepaint)")
        XCTAssertGreaterThan(min(markOff, markOn), 0, "expected each one-cell change to reach the terminal")
        XCTAssertLessThan(max(markOff, markOn) * 20, fullRepaint, "expected a one-cell change to cost under 5% of a full repaint")
    }

    private func waitForMark(_ h: TmuxHarness, _ mark: String) throws {
        try h.waitForLines("the marked cell to read \(mark)") { lines in
            lines.contains { $0.hasPrefix(" key ") && $0.hasSuffix(mark) }
        }
    }

    func testFirstFrameTimeIsLogged() throws {
        let binary = try TmuxHarness.ciodashBinary()
        let h = try TmuxHarness(command: "env CIODASH_FRAME_LOG=\"$HARNESS_DIR/frames.log\" \(TmuxHarness.quote(binary)) testcard")
        harness = h
        try h.waitFor(Self.nfc)
        let log = try String(contentsOf: h.file("frames.log"), encoding: .utf8)
        let launched = Int64(try String(contentsOf: h.file("launched"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        let firstFrame = log.split(separator: "\n").first { $0.hasPrefix("first-frame ") }.flatMap { Int64($0.dropFirst(12)) }
        guard let launched, let firstFrame else { return XCTFail("expected launched time and a first-frame line; log:\n\(log)") }
        let milliseconds = Double(firstFrame - launched) / 1e6
        print(String(format: "launch to first frame: %.1f ms", milliseconds))
        XCTAssertLessThan(milliseconds, 1000, "expected the first frame within a second of launch")
        XCTAssertTrue(log.contains("full=1"), "expected the first frame logged as a full repaint; log:\n\(log)")
    }

    // MARK: Reading captured attributes

    /// Every SGR parameter in `capture-pane -e` output.
    static func sgrParameters(in screen: String) -> [String] {
        var result: [String] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !"0123456789;".contains($0) }) else { break }
            if rest[end] == "m" { result += rest[..<end].split(separator: ";").map(String.init) }
            rest = rest[end...]
        }
        return result
    }

    /// 30–37, 40–47, 90–97, 100–107 and 38/48 (256-colour) set a colour; 39 and 49 reset it.
    static func isColourParameter(_ p: String) -> Bool {
        guard let n = Int(p) else { return false }
        return (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n)
    }

    /// The SGR parameters in force where `text` starts on the captured screen.
    static func style(of text: String, in screen: String) -> [String] {
        guard let range = screen.range(of: text) else { return [] }
        let before = screen[..<range.lowerBound]
        guard let sgr = before.range(of: "\u{1B}[", options: .backwards) else { return [] }
        return sgrParameters(in: String(screen[sgr.lowerBound..<range.lowerBound]))
    }
}
