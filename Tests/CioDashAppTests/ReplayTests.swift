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
