import Foundation
import Glibc
import XCTest

/// Every way the live dashboard can end, and a resize storm: the shell's terminal must come back as
/// it was (main screen, cursor shown, same `stty -g`) whenever the process had a chance to restore it.
final class DashboardExitEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    /// Browses the sample with `extra` arguments and waits for the first frame.
    private func browse(_ extra: String = "", waitForOverview: Bool = true) throws -> TmuxHarness {
        let h = try TmuxHarness.dashboard(TmuxHarness.quote(TmuxHarness.sampleFolder) + " " + extra)
        harness = h
        if waitForOverview { try h.waitFor("Đắk Lắk         ▼") }
        return h
    }

    private func assertEnds(_ h: TmuxHarness, withStatus status: Int32, after what: String,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try h.waitForExit(), status, "expected exit status \(status) after \(what)", file: file, line: line)
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack,
                       "after \(what): expected the terminal as before the start", file: file, line: line)
    }

    func testQuitWithQRestoresTerminal() throws {
        let h = try browse()
        try h.sendKeys("q")
        try assertEnds(h, withStatus: 0, after: "q")
    }

    func testQuitFromAPanelWithCapitalQRestoresTerminal() throws {
        let h = try browse()
        try h.sendKeys("Enter")
        try h.waitFor(" Tình trạng: ")
        try h.sendKeys("Q")
        try assertEnds(h, withStatus: 0, after: "Q in a panel")
    }

    func testCtrlCKeyQuitsAndRestoresTerminal() throws {
        let h = try browse()
        // Raw mode: Ctrl-C arrives as a key and quits like q.
        try h.sendKeys("C-c")
        try assertEnds(h, withStatus: 0, after: "Ctrl-C")
    }

    func testSIGTERMRestoresTerminal() throws {
        let h = try browse()
        try h.kill(SIGTERM)
        try assertEnds(h, withStatus: 128 + SIGTERM, after: "SIGTERM")
    }

    func testSIGHUPRestoresTerminal() throws {
        let h = try browse()
        try h.kill(SIGHUP)
        try assertEnds(h, withStatus: 128 + SIGHUP, after: "SIGHUP")
    }

    func testSIGINTSentAsASignalRestoresTerminal() throws {
        let h = try browse()
        try h.kill(SIGINT)
        try assertEnds(h, withStatus: 128 + SIGINT, after: "SIGINT")
    }

    func testSIGTERMWhileTheSearchPromptIsOpenRestoresTerminal() throws {
        let h = try browse()
        try h.sendKeys("/")
        try h.type("quang")
        try h.waitFor("Tìm: quang")
        try h.kill(SIGTERM)
        try assertEnds(h, withStatus: 128 + SIGTERM, after: "SIGTERM during a search")
    }

    func testCrashRestoresTerminalAndStillReportsIt() throws {
        // The hidden --debug-crash traps right after the first frame.
        let h = try browse("--debug-crash", waitForOverview: false)
        let status = try h.waitForExit(timeout: 30)
        XCTAssertTrue([128 + SIGILL, 128 + SIGTRAP].contains(status),
                      "expected the trap to end the process by SIGILL or SIGTRAP, got exit status \(status)")
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack,
                       "after a Swift trap: expected the terminal as before the start")
    }

    /// SIGKILL cannot be caught, so nothing can give the terminal back: the shell is left on the
    /// alternate screen with the cursor hidden and echo off. The user types `reset` (or
    /// `stty sane; tput rmcup; tput cnorm`) blind. This test does not fail on the broken terminal; it
    /// checks that tmux does report the alternate screen as still on, which proves the other tests
    /// would see a terminal that was not given back.
    func testSIGKILLLeavesTheAlternateScreenOnAsDocumented() throws {
        let h = try browse()
        try h.kill(SIGKILL)
        XCTAssertEqual(try h.waitForExit(), 128 + SIGKILL, "expected exit status 128+9 after SIGKILL")
        XCTAssertEqual(try h.displayFlags("#{alternate_on}"), "1",
                       "expected the alternate screen still on after SIGKILL; if it is off, tmux no longer shows the difference")
    }

    func testResizeStormDownToOneCellEndsWithTheOverview() throws {
        let h = try browse()
        let overview = try h.screenLines()
        let pid = try h.appPID()
        // Deterministic sizes from 1×1 up to 160×50, 1×1 every 25th, none 80×24 until the last.
        var storm: [(width: Int, height: Int)] = []
        for i in 0..<200 {
            let tiny = i % 25 == 0
            storm.append((width: tiny ? 1 : 1 + (i * 37) % 160, height: tiny ? 1 : 1 + (i * 17) % 50))
        }
        storm.append((width: 80, height: 24))
        try h.resizeStorm(storm)
        try h.waitForLines("the same overview as before the storm") { $0 == overview }
        XCTAssertTrue(h.appIsAlive(pid), "expected the dashboard to survive the storm")
        try h.sendKeys("q")
        try assertEnds(h, withStatus: 0, after: "a resize storm and q")
    }
}

/// Issue 16, class 8: every signal whose default action ends the process gives the terminal back
/// first; SIGQUIT without the Swift backtracer drawing over the screen or waiting for a key.
final class DashboardSignalEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    private func assertSignalRestores(_ signal: Int32, name: String, environment: String = "",
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let h = try TmuxHarness.dashboard(TmuxHarness.quote(TmuxHarness.sampleFolder), environment: environment)
        harness = h
        try h.waitFor("Đắk Lắk         ▼")
        try h.kill(signal)
        XCTAssertEqual(try h.waitForExit(timeout: 10), 128 + signal, "exit status after \(name)", file: file, line: line)
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack,
                       "after \(name): expected the terminal as before the start", file: file, line: line)
        h.close()
        harness = nil
    }

    func testEveryTerminatingSignalRestoresTheTerminal() throws {
        let signals: [(Int32, String)] = [(SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"),
                                          (SIGVTALRM, "SIGVTALRM"), (SIGPROF, "SIGPROF"), (SIGPIPE, "SIGPIPE"),
                                          (SIGPWR, "SIGPWR"), (SIGIO, "SIGIO"), (SIGSTKFLT, "SIGSTKFLT"),
                                          (__libc_current_sigrtmin(), "SIGRTMIN"), (__libc_current_sigrtmax(), "SIGRTMAX")]
        for (signal, name) in signals { try assertSignalRestores(signal, name: name) }
    }

    func testCoreDumpingSignalsRestoreTheTerminal() throws {
        for (signal, name) in [(SIGXCPU, "SIGXCPU"), (SIGXFSZ, "SIGXFSZ"), (SIGSYS, "SIGSYS")] {
            try assertSignalRestores(signal, name: name)
        }
    }

    /// With the backtracer as a user has it (interactive), SIGQUIT still ends at once and draws nothing.
    func testSIGQUITEndsAtOnceWithoutABacktraceOverTheScreen() throws {
        let h = try TmuxHarness.dashboard(TmuxHarness.quote(TmuxHarness.sampleFolder), environment: "-u SWIFT_BACKTRACE")
        harness = h
        try h.waitFor("Đắk Lắk         ▼")
        try h.kill(SIGQUIT)
        XCTAssertEqual(try h.waitForExit(timeout: 10), 128 + SIGQUIT, "ended within 10 s, not after the backtracer's 30 s")
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack)
        let screen = try h.screenLines().joined(separator: "\n")
        XCTAssertFalse(screen.contains("Crash") || screen.contains("Backtrace") || screen.contains("💣"),
                       "no crash report on the screen: \(screen)")
    }
}
