import CioDashCore
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// What a presenter shares is always within what a follower accepts (issue 28, item 2): a valid
/// agenda may plan more than the 7 days a state may carry, and a timer may hold topics a reload
/// took away.
final class PresenterShareTests: XCTestCase {
    func testAPresentersStateIsAlwaysOneAFollowerAccepts() throws {
        var meeting = try MeetingFixture.sample()
        for i in meeting.topics.indices { meeting.topics[i].minutes = 99_999 }
        let now = 1_000_000.0
        var app = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: .init(now: now, wall: "08:00"))
        let topic = meeting.topics[0].id
        let done = meeting.topics[1].id
        app.navigation.timer.spent = [topic: 30 * 86_400, done: 60, "a-topic-a-reload-removed": 60]
        app.navigation.timer.activeTopic = topic
        app.navigation.timer.runningSince = now - 9 * 86_400
        let share = PresenterShare(app, revision: 1, fingerprint: "")
        XCTAssertNil(share.problem, "accepted by a follower: \(String(describing: share.problem))")
        XCTAssertEqual(share.spent, [topic: PresenterShare.maxDuration, done: 60], "only the deck's topics, within range")
        XCTAssertEqual(share.runningFor, PresenterShare.maxDuration)
        XCTAssertEqual(share.sessionDelta, -Int(PresenterShare.maxDuration), "far ahead of a 99,999-minute agenda, within range")
    }

    func testAFollowerKeepsOnlyTheTopicsOfItsFolder() {
        let share = PresenterShare(revision: 1, slide: .agenda, slideNumber: 1, slideCount: 5, spent: ["a": 1, "b": 2],
                                   activeTopic: nil, runningFor: nil, paused: false, sessionDelta: 0, fingerprint: "")
        XCTAssertEqual(share.keepingTopics(["a", "c"]).spent, ["a": 1])
    }
}
