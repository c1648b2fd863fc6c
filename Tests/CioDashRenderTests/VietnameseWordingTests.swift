import Foundation
import XCTest
import CioDashCore
@testable import CioDashRender
@testable import CioDashApp
import CioDashTestSupport

/// The Vietnamese interface reads as a Vietnamese reader expects, with no English sentence inside it.
final class VietnameseWordingTests: XCTestCase {
    func testDatesAreDayMonthYearInVietnameseAndISOInEnglish() throws {
        let date = try XCTUnwrap(LocalDate(year: 2019, month: 7, day: 27))
        XCTAssertEqual(Labels.vi.date(date), "27/07/2019")
        XCTAssertEqual(Labels.en.date(date), "2019-07-27")
    }

    func testCountdownWordsComeFirstInVietnamese() {
        XCTAssertEqual(ScreenComposer.countdownText(left: 1799.5, labels: .vi, language: .vi), "còn 29:59")
        XCTAssertEqual(ScreenComposer.countdownText(left: 1799.5, labels: .en, language: .en), "29:59 left")
        XCTAssertEqual(ScreenComposer.countdownText(left: 299, labels: .vi, language: .vi), "▲ còn 04:59 · 5 phút cuối")
        XCTAssertEqual(ScreenComposer.countdownText(left: 59, labels: .vi, language: .vi), "‼ còn 00:59 · phút cuối")
        XCTAssertEqual(ScreenComposer.countdownText(left: -75, labels: .vi, language: .vi), "‼ quá giờ +01:15")
    }

    func testWordsOfTheIssue() {
        XCTAssertTrue(CommandTable.footer(mode: .browse, language: .vi).contains("Tab chuyển màn hình"))
        XCTAssertEqual(Labels.vi.noReport, "chưa báo cáo")
        XCTAssertNotEqual(Labels.vi.file, Labels.vi.reportedBy, "the file path and the reporting department have their own words")
        XCTAssertNotEqual(Labels.vi.file, Labels.vi.source)
    }

    func testABrokenFileSaysWhereAndWhyInTheScreensLanguage() throws {
        var broken = ProvinceReport(id: "kon-tum", name: "kon-tum", file: "provinces/kon-tum.yaml",
                                    brokenReason: "line 7, column 1: YAML syntax error")
        broken.brokenLine = 7
        broken.brokenColumn = 1
        XCTAssertEqual(Labels.vi.brokenFile(broken), "tệp lỗi ở dòng 7, cột 1; chạy 'ciodash check' để xem chi tiết",
                       "without the loader's sentence in Vietnamese, the place and where to look")
        XCTAssertEqual(Labels.en.brokenFile(broken), "broken file: line 7, column 1: YAML syntax error")

        // As the loader makes it: the sentence in both languages.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("provinces"), withIntermediateDirectories: true)
        try Data("format: ciodash/1\ncouncil: C\ntitle: T\ndate: 2019-07-27\ntopics:\n  - id: a\n    title: A\n".utf8)
            .write(to: folder.appendingPathComponent("meeting.yaml"))
        try Data("format: ciodash/1\nid: kon-tum\n\tname: x\n".utf8).write(to: folder.appendingPathComponent("provinces/kon-tum.yaml"))
        let loaded = try XCTUnwrap(MeetingLoader().load(folder: folder.path).meeting?.province("kon-tum"))
        XCTAssertEqual(Labels.vi.brokenFile(loaded),
                       "tệp lỗi ở dòng 3, cột 1: ở đây dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách")
        XCTAssertEqual(Labels.en.brokenFile(loaded),
                       "broken file: line 3, column 1: a tab is used for indentation here; YAML allows only spaces")
    }
}

/// The session's time against the agenda: what the banner, the agenda and the closing slide say.
final class SessionTimingTests: XCTestCase {
    func testLeavingEarlyGivesTimeBackAndTheRunningTopicCountsOnlyWhenOver() {
        let meeting = MeetingFixture.make()   // smart-city 30 min, digital-signatures 20 min
        let early = SessionTiming(spent: ["smart-city": 25 * 60, "digital-signatures": 5 * 60], current: "digital-signatures")
        XCTAssertEqual(early.delta(meeting), -5 * 60)
        XCTAssertEqual(early.deltaText(meeting, labels: .vi), "sớm 05:00")
        let over = SessionTiming(spent: ["smart-city": 31 * 60 + 20], current: "smart-city")
        XCTAssertEqual(over.deltaText(meeting, labels: .en), "behind 01:20")
        XCTAssertEqual(over.summary(meeting, labels: .vi), "Các mục đã họp (1/2): kế hoạch 30:00 · thực tế 31:20 · chậm 01:20 · chưa họp: 1 mục (kế hoạch 20:00)")
        XCTAssertEqual(SessionTiming(spent: ["smart-city": 600], current: "smart-city").deltaText(meeting, labels: .vi), "đúng giờ")
    }
}
