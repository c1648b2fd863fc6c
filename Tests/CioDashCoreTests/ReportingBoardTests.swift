import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// Who has reported: a listed province without a file is a "not yet reported" row, never left out.
final class ReportingBoardTests: XCTestCase {
    func testAListedProvinceWithoutAFileIsANotYetReportedRow() throws {
        let folder = try TestFolder(["meeting.yaml": sampleMeeting, "provinces/thua-thien-hue.yaml": provinceFile()])
        let meeting = try XCTUnwrap(folder.load().meeting)
        XCTAssertEqual(meeting.provinces.map(\.id), ["thua-thien-hue", "da-nang"], "in the agenda's order, not left out")
        let missing = try XCTUnwrap(meeting.province("da-nang"))
        XCTAssertTrue(missing.notReported)
        XCTAssertTrue(missing.isBroken, "no view ranks or counts it as a report")
        XCTAssertEqual(missing.name, "Đà Nẵng", "the name comes from the units catalogue by the meeting's date")
    }

    func testTheBoardCountsReceivedFilledAndProblems() throws {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(reported: "2019-04-01").replacingOccurrences(of: "status: on-track", with: "status: sideways"),
        ])
        let meeting = try XCTUnwrap(folder.load().meeting)
        let board = ReportingBoard(meeting)
        XCTAssertEqual(board.receivedCount, 0, "a file with an error is not counted received")
        XCTAssertEqual(board.withErrorsCount, 1)
        let hue = try XCTUnwrap(board.rows.first)
        XCTAssertEqual(hue.state, .receivedWithErrors)
        XCTAssertEqual(hue.reported, LocalDate(iso: "2019-04-01"))
        XCTAssertNotNil(hue.fileTime)
        XCTAssertEqual(hue.asked, 1, "smart-city asks its headline; digital-signatures declares nothing")
        XCTAssertEqual(hue.filled, 1)
        XCTAssertEqual(hue.errors, 1, "the unknown status")
        XCTAssertTrue(hue.stale, "117 days before the meeting")
        XCTAssertFalse(hue.afterMeeting)
        XCTAssertEqual(board.rows.last?.state, .notReported)
        XCTAssertNil(board.rows.last?.fileTime)
    }

    func testAReportDatedAfterTheMeetingIsAWarning() throws {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(reported: "2019-08-02"),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
        let result = folder.load()
        XCTAssertTrue(result.diagnostics.contains {
            $0.severity == .warning && $0.message == "reported 2019-08-02 is after the meeting's date 2019-07-27; a report gives the figures as of a day before the meeting"
        }, result.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(ReportingBoard(try XCTUnwrap(result.meeting)).rows.first?.afterMeeting, true)
    }

    /// Issue 28, class 18: a file that arrived with errors, even one with no `id` or `name` (a hard
    /// link to meeting.yaml), was "● đã nhận" and counted received. It is a row "with errors", named
    /// as the catalogue names its province, and not counted.
    func testAFileWithErrorsIsNamedAndNotCountedReceived() throws {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(),
            "provinces/da-nang.yaml": sampleMeeting,
        ])
        let result = folder.load()
        let meeting = try XCTUnwrap(result.meeting)
        let board = ReportingBoard(meeting)
        let daNang = try XCTUnwrap(board.rows.first { $0.provinceID == "da-nang" })
        XCTAssertEqual(daNang.state, .receivedWithErrors)
        XCTAssertEqual(daNang.name, "Đà Nẵng", "named by the units catalogue, not \"da-nang\"")
        XCTAssertGreaterThan(daNang.errors, 0)
        XCTAssertEqual(board.receivedCount, 1, "only Thừa Thiên Huế")
        XCTAssertEqual(board.withErrorsCount, 1)
    }

    func testDayNumbersRoundTrip() {
        for iso in ["1970-01-01", "2000-02-29", "2019-07-27", "2026-12-31", "1900-03-01"] {
            let date = LocalDate(iso: iso)!
            XCTAssertEqual(LocalDate.fromDayNumber(date.dayNumber), date, iso)
        }
    }
}
