import Foundation
import XCTest
@testable import CioDashCore

/// Issue 26 item 16: a follower's copy reads the earlier meetings the presenter sent, never the
/// folders its `previous:` lines name (the presenter's paths), and says when none was sent.
final class EarlierMeetingsLoadTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-copy-\(UUID().uuidString)"
        try meeting("copy", date: "2026-07-24", previous: "../2019", figure: 80)
        try meeting("copy/earlier/1", date: "2019-07-27", previous: "../2018", figure: 60)
        // Where `previous:` points from the copy: a folder of the follower's own, never to be read.
        try meeting("2019", date: "2019-07-27", previous: nil, figure: 1)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func meeting(_ folder: String, date: String, previous: String?, figure: Int) throws {
        let path = root + "/" + folder
        try FileManager.default.createDirectory(atPath: path + "/provinces", withIntermediateDirectories: true)
        try Data(("format: ciodash/1\ncouncil: C\ntitle: T \(date)\ndate: \(date)\n" + (previous.map { "previous: \($0)\n" } ?? "")
                  + "topics:\n  - id: a\n    title: A\n    headline: m\n").utf8)
            .write(to: URL(fileURLWithPath: path + "/meeting.yaml"))
        try Data("format: ciodash/1\nid: nghe-an\nname: Nghệ An\ntopics:\n  a:\n    status: on-track\n    metrics:\n      - id: m\n        label: M\n        value: \(figure)\n".utf8)
            .write(to: URL(fileURLWithPath: path + "/provinces/nghe-an.yaml"))
    }

    func testItem16TheCopyReadsTheMeetingsSentAndNotItsPreviousPaths() throws {
        let loader = MeetingLoader(earlierMeetingsFolder: root + "/copy/earlier")
        let result = loader.load(folder: root + "/copy")
        let meeting = try XCTUnwrap(result.meeting, "\(result.diagnostics)")
        XCTAssertEqual(meeting.history.map(\.date.year), [2019])
        XCTAssertEqual(meeting.previous?.value(province: "nghe-an", topic: "a", metric: "m"), 60, "the figure sent, not the local folder's")
        XCTAssertFalse(result.earlierNotSent)
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .warning && $0.description.contains("../2018") },
                      "the chain ends where the presenter sent no more: \(result.diagnostics)")
    }

    func testItem16ACopyWhosePresenterSentNoEarlierMeetingSaysSo() throws {
        try FileManager.default.removeItem(atPath: root + "/copy/earlier/1")
        let result = MeetingLoader(earlierMeetingsFolder: root + "/copy/earlier").load(folder: root + "/copy")
        XCTAssertEqual(result.meeting?.history.count, 0, "the follower's own ../2019 is not read")
        XCTAssertTrue(result.earlierNotSent)
        XCTAssertTrue(result.diagnostics.contains { $0.description.contains("did not send") }, "\(result.diagnostics)")
    }
}
