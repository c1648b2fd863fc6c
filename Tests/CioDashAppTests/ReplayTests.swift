import XCTest
@testable import CioDashRender
import CioDashTestSupport

/// Scripted sessions (keys, clock, file changes) replayed through the app core to golden frames.
final class ReplayTests: XCTestCase {
    func replay(_ name: String) throws -> SessionReplay {
        let script = try String(contentsOf: GoldenFile.folder().appendingPathComponent("replay-\(name).script"), encoding: .utf8)
        let session = try SessionReplay()
        try session.run(script)
        try GoldenFile.assert(session.output, name: "replay-\(name).txt")
        return session
    }

    func testPresentingTheWholeAgendaWithALateProvinceFile() throws {
        let session = try replay("present-agenda")
        let state = try XCTUnwrap(session.state)
        XCTAssertEqual(state.meeting.provinces.count, 19, "the late file was loaded")
        XCTAssertEqual(state.generation, 1, "exactly one reload")
        XCTAssertEqual(state.navigation.timer.elapsed("smart-city", now: 0), 60 + 1500 + 300, accuracy: 0.001,
                       "topic 1 ran from its title slide to ]")
    }

    func testBrowsingAMeeting() throws {
        _ = try replay("browse")
    }

    /// The same script gives the same frames twice: nothing depends on the real clock.
    func testReplayIsDeterministic() throws {
        let script = try String(contentsOf: GoldenFile.folder().appendingPathComponent("replay-present-agenda.script"), encoding: .utf8)
        let a = try SessionReplay(), b = try SessionReplay()
        try a.run(script)
        try b.run(script)
        XCTAssertEqual(Array(a.output.utf8), Array(b.output.utf8))
    }
}

/// The replays run the iteration the binary runs (`DashboardLoop.step()`), key wait included.
final class ReplayLoopTests: XCTestCase {
    /// A wait is the loop's key waits passing with no key, each a tick (0.25 s) of the clock; the
    /// frame is painted before each wait, and only when something on it can differ: presenting,
    /// the countdown once a second. The tick is read after the wait, so the frame the script asks
    /// for after `wait 3` shows the countdown 3 seconds on, and the state holds the clock 3 s on.
    func testAWaitIsKeyWaitsWithNoKeyAndTheFrameAfterItShowsTheClockItEndedAt() throws {
        let session = try SessionReplay()
        try session.run("start present vi 80x24\ndo nextTopic\nframe\nwait 3\nframe")
        let ports = try XCTUnwrap(session.ports)
        XCTAssertEqual(ports.keyWaits, 1 + 12 + 1, "] · the frame, then 12 ticks of the wait · the last frame and the end")
        XCTAssertEqual(ports.idleWaits, 12 + 1, "12 ticks of 0.25 s, and the script's end")
        XCTAssertEqual(ports.paints, 2 + 3, "the first frame, the slide ] opened, then one a second of the countdown")
        XCTAssertEqual(session.state?.clock.now, 3)
        let frames = session.output.components(separatedBy: "── frame ").dropFirst()
        XCTAssertEqual(frames.count, 2)
        XCTAssertTrue(frames.first?.contains("còn 30:00") == true, frames.first ?? "")
        XCTAssertTrue(frames.last?.hasPrefix("2 (line 5, clock 3 s)") == true && frames.last?.contains("còn 29:57") == true,
                      frames.last ?? "")
    }

    /// Browsing, nothing on screen moves while no key comes: the loop waits and paints nothing new.
    func testBrowsingAnIdleWaitPaintsNothingNew() throws {
        let session = try SessionReplay()
        try session.run("start browse vi 80x24\nwait 3\nframe")
        let ports = try XCTUnwrap(session.ports)
        XCTAssertEqual(ports.paints, 1)
        XCTAssertEqual(ports.keyWaits, 12 + 1)
        XCTAssertTrue(session.output.contains("Tổng quan") || session.output.contains("ĐTTM"), session.output)
    }
}
