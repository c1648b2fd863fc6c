import XCTest
@testable import CioDashCore
import CioDashTestSupport

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

    func testPreviousMeetingLoadsAndItsBrokenLinkIsAWarning() throws {
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
            root.path + "/gia-lai-2018/meeting.yaml:5:11: warning: the previous meeting \"../nowhere\" cannot be used: "
                + "the meeting folder cannot be read: it does not exist",
            root.path + "/gia-lai-2018/provinces/da-nang.yaml:5:24: warning: (previous meeting) status \"dunno\" is not known; "
                + "use one of on-track, at-risk, behind, not-started, unknown",
        ], "only the previous meeting's errors are repeated, as warnings; its own broken previous ends the chain")
        XCTAssertEqual(result.meeting?.history.count, 1)

        let withoutPrevious = MeetingLoader(readsPreviousMeeting: false).load(folder: root.path + "/hue-2019")
        XCTAssertNil(withoutPrevious.meeting?.previous)
        XCTAssertEqual(withoutPrevious.diagnostics.count, 0, "the previous meeting is not read at all")
        XCTAssertEqual(withoutPrevious.meeting?.provinces, result.meeting?.provinces)

        // A view that turns out to need the chain adds it without reading the folder again.
        var added = withoutPrevious
        MeetingLoader().addHistory(to: &added)
        XCTAssertEqual(added.diagnostics.map(\.description), result.diagnostics.map(\.description))
        XCTAssertEqual(added.meeting?.history.map(\.title), result.meeting?.history.map(\.title))
        XCTAssertEqual(added.meeting?.previous?.value(province: "thua-thien-hue", topic: "smart-city", metric: "ioc-services"), 4)
        MeetingLoader().addHistory(to: &added)
        XCTAssertEqual(added.meeting?.history.count, 1, "a chain already read is not read twice")
    }

    /// An earlier meeting is read for its figures: its texts are passed over unread (issue 13, item 6),
    /// so a bad character there costs nothing and says nothing, while its figures are all kept.
    func testAnEarlierMeetingsTextsAreNotReadButItsFiguresAre() throws {
        let earlier = provinceFile(reported: "2018-08-01")
            .replacingOccurrences(of: "value: 10", with: "value: 4")
            .replacingOccurrences(of: "Hơn 85 cơ quan kết nối.", with: "Hơn 85 cơ quan\u{202E} kết nối.")
        let root = try TestFolder([
            "hue-2019/meeting.yaml": sampleMeeting.replacingOccurrences(of: "language: vi", with: "language: vi\nprevious: ../gia-lai-2018"),
            "hue-2019/provinces/thua-thien-hue.yaml": provinceFile(),
            "hue-2019/provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
            "gia-lai-2018/meeting.yaml": previousMeeting.replacingOccurrences(of: "previous: ../nowhere\n", with: ""),
            "gia-lai-2018/provinces/thua-thien-hue.yaml": earlier,
        ])
        let result = MeetingLoader().load(folder: root.path + "/hue-2019")
        XCTAssertEqual(result.diagnostics.map(\.description), [], "the earlier summary's bidi control is never read")
        let previous = try XCTUnwrap(result.meeting?.previous)
        XCTAssertEqual(previous.value(province: "thua-thien-hue", topic: "smart-city", metric: "ioc-services"), 4)
        XCTAssertEqual(previous.value(province: "thua-thien-hue", topic: "smart-city", metric: "online-share"), 12.5)
        let own = MeetingLoader().load(folder: root.path + "/gia-lai-2018")
        XCTAssertTrue(own.diagnostics.contains { $0.line == 11 && $0.description.contains("U+202E") },
                      "opened as the meeting itself, the same file is read whole: \(own.diagnostics)")
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
        XCTAssertEqual(result.diagnostics.map(\.description), [Diagnostic(.warning, file: folder.file("meeting.yaml"), line: 9, column: 11,
            message: BilingualText(both: "the previous meeting \"../missing-2018\" cannot be used: the meeting folder cannot be read: it does not exist")).description])
        XCTAssertEqual(result.exitCode, 0)
    }

    // MARK: The chain

    /// A meeting folder named `name` dated `year`-07-01 with one province whose headline is `value`.
    private func chainMeeting(_ name: String, year: Int, previous: String?, value: Int) -> [String: String] {
        let meeting = sampleMeeting.replacingOccurrences(of: "date: 2019-07-27", with: "date: \(year)-07-01")
            .replacingOccurrences(of: "provinces: [thua-thien-hue, da-nang]", with: "provinces: [da-nang]")
            .replacingOccurrences(of: "language: vi", with: previous.map { "language: vi\nprevious: \($0)" } ?? "language: vi")
        let province = provinceFile(id: "da-nang", name: "Đà Nẵng", reported: "\(year)-06-01")
            .replacingOccurrences(of: "value: 10", with: "value: \(value)")
        return ["\(name)/meeting.yaml": meeting, "\(name)/provinces/da-nang.yaml": province]
    }

    func testAChainTwentyMeetingsDeepLoadsEveryMeetingNearestFirst() throws {
        var files: [String: String] = [:]
        for i in 0...20 {
            files.merge(chainMeeting("m\(i)", year: 2000 + i, previous: i == 0 ? nil : "../m\(i - 1)", value: i)) { a, _ in a }
        }
        let root = try TestFolder(files)
        let result = MeetingLoader().load(folder: root.path + "/m20")
        XCTAssertEqual(result.diagnostics, [])
        let history = try XCTUnwrap(result.meeting?.history)
        XCTAssertEqual(history.map(\.date.year), Array((2000...2019).reversed()))
        XCTAssertEqual(history.map { $0.value(province: "da-nang", topic: "smart-city", metric: "ioc-services") },
                       (0...19).reversed().map(Double.init))
        XCTAssertEqual(result.meeting?.previous?.date.year, 2019)
    }

    func testACycleStopsTheChainWithAWarning() throws {
        var files = chainMeeting("a", year: 2020, previous: "../b", value: 1)
        files.merge(chainMeeting("b", year: 2019, previous: "../c/", value: 2)) { a, _ in a }
        files.merge(chainMeeting("c", year: 2018, previous: "../a", value: 3)) { a, _ in a }
        let root = try TestFolder(files)
        let result = MeetingLoader().load(folder: root.path + "/a")
        XCTAssertEqual(result.meeting?.history.map(\.date.year), [2019, 2018])
        XCTAssertEqual(result.diagnostics.map(\.description), [
            root.path + "/c/meeting.yaml:9:11: warning: the previous meeting \"../a\" is this meeting or one already in "
                + "the chain of previous meetings; the chain stops here",
        ])
        let selfLoop = try TestFolder(chainMeeting("x", year: 2020, previous: "../x", value: 1))
        XCTAssertEqual(MeetingLoader().load(folder: selfLoop.path + "/x").meeting?.history.count, 0)
    }

    func testAPreviousMeetingNotDatedEarlierStopsTheChain() throws {
        var files = chainMeeting("a", year: 2020, previous: "../b", value: 1)
        files.merge(chainMeeting("b", year: 2021, previous: nil, value: 2)) { a, _ in a }
        let root = try TestFolder(files)
        let result = MeetingLoader().load(folder: root.path + "/a")
        XCTAssertEqual(result.meeting?.history.count, 0)
        XCTAssertEqual(result.diagnostics.map(\.message),
                       ["the previous meeting \"../b\" is dated 2021-07-01, not before 2020-07-01; the chain stops here"])
    }

    func testTheChainStopsAtItsDepthLimit() throws {
        var files: [String: String] = [:]
        for i in 0...5 {
            files.merge(chainMeeting("m\(i)", year: 2000 + i, previous: i == 0 ? nil : "../m\(i - 1)", value: i)) { a, _ in a }
        }
        let root = try TestFolder(files)
        var limits = LoadLimits()
        limits.maxHistoryDepth = 3
        let result = MeetingLoader(limits: limits).load(folder: root.path + "/m5")
        XCTAssertEqual(result.meeting?.history.map(\.date.year), [2004, 2003, 2002])
        XCTAssertEqual(result.diagnostics.map(\.description),
                       [root.path + "/m2/meeting.yaml:9:11: warning: the chain of previous meetings is longer than 3; "
                        + "the earlier ones are not read"])
    }
}
