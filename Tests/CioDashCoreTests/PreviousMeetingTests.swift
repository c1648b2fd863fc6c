import XCTest
@testable import CioDashCore

final class PreviousMeetingTests: XCTestCase {
    private let previousMeeting = """
    format: ciodash/1
    council: Hội đồng CIO
    title: Phiên họp 2018
    date: 2018-08-10
    previous: ../nowhere
    topics:
      - id: smart-city
        title: ĐTTM

    """

    func testPreviousMeetingLoadsOneLevel() throws {
        let root = try TestFolder([
            "hue-2019/meeting.yaml": sampleMeeting.replacingOccurrences(of: "language: vi", with: "language: vi\nprevious: ../gia-lai-2018"),
            "hue-2019/provinces/thua-thien-hue.yaml": provinceFile(),
            "hue-2019/provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
            "gia-lai-2018/meeting.yaml": previousMeeting,
            "gia-lai-2018/provinces/thua-thien-hue.yaml": provinceFile(reported: "2018-08-01")
                .replacingOccurrences(of: "value: 10", with: "value: 4"),
            "gia-lai-2018/provinces/da-nang.yaml": "format: ciodash/1\nid: da-nang\nname: Đà Nẵng\ntopics:\n  smart-city: {status: dunno}\n",
        ])
        let result = MeetingLoader().load(folder: root.path + "/hue-2019")
        let previous = try XCTUnwrap(result.meeting?.previous)
        XCTAssertEqual(previous.title, "Phiên họp 2018")
        XCTAssertEqual(previous.date, LocalDate(year: 2018, month: 8, day: 10))
        XCTAssertEqual(previous.value(province: "thua-thien-hue", topic: "smart-city", metric: "ioc-services"), 4)
        XCTAssertEqual(result.errorCount, 0, "problems in the previous meeting are never errors here")
        XCTAssertEqual(result.diagnostics.map(\.description), [
            root.path + "/gia-lai-2018/provinces/da-nang.yaml:5:24: warning: (previous meeting) status \"dunno\" is not known; "
                + "use one of on-track, at-risk, behind, not-started, unknown",
        ], "only the previous meeting's errors are repeated, as warnings, and its own previous is not loaded")

        let withoutPrevious = MeetingLoader(readsPreviousMeeting: false).load(folder: root.path + "/hue-2019")
        XCTAssertNil(withoutPrevious.meeting?.previous)
        XCTAssertEqual(withoutPrevious.diagnostics.count, 0, "the previous meeting is not read at all")
        XCTAssertEqual(withoutPrevious.meeting?.provinces, result.meeting?.provinces)
    }

    func testUnusablePreviousIsAWarning() throws {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting.replacingOccurrences(of: "language: vi", with: "language: vi\nprevious: ../missing-2018"),
            "provinces/thua-thien-hue.yaml": provinceFile(),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
        let result = folder.load()
        XCTAssertNotNil(result.meeting)
        XCTAssertNil(result.meeting?.previous)
        XCTAssertEqual(result.diagnostics, [Diagnostic(.warning, file: folder.file("meeting.yaml"), line: 9, column: 11,
            message: "the previous meeting \"../missing-2018\" cannot be used: the meeting folder cannot be read: it does not exist")])
        XCTAssertEqual(result.exitCode, 0)
    }
}
