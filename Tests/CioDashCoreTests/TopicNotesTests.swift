import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// `notes:` of an agenda topic: text with its line breaks, under the same limits and checks as any
/// text, and a diagnostic with its place when it is not text.
final class TopicNotesTests: XCTestCase {
    func meeting(notes: String) -> String {
        sampleMeeting.replacingOccurrences(of: "    headline: ioc-services\n", with: "    headline: ioc-services\n" + notes)
    }

    func testABlockOfNotesKeepsItsLinesAndOtherTopicsHaveNone() throws {
        let folder = try TestFolder(["meeting.yaml": meeting(notes: "    notes: |\n      Mở đầu bằng Huế.\n      Hỏi Đà Nẵng.\n")])
        let result = folder.load()
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(result.meeting?.topics.map(\.notes), ["Mở đầu bằng Huế.\nHỏi Đà Nẵng.\n", nil])
    }

    func testNotesThatAreNotTextAreAnErrorAtTheirPlace() throws {
        let folder = try TestFolder(["meeting.yaml": meeting(notes: "    notes: [một, hai]\n")])
        let result = folder.load()
        let error = try XCTUnwrap(result.diagnostics.first { $0.severity == .error }, "\(result.diagnostics)")
        XCTAssertEqual(error.file, folder.file("meeting.yaml"))
        XCTAssertEqual(error.line, 15)
        XCTAssertEqual(error.column, 12)
        XCTAssertTrue(error.message.contains("notes"), error.message)
        XCTAssertNil(result.meeting?.topics[0].notes)
    }

    func testAnEscapeInTheNotesIsRefusedAndTooLongNotesAreLeftOut() throws {
        let escape = try TestFolder(["meeting.yaml": meeting(notes: "    notes: \"xem \\e[31m đây\"\n")]).load()
        XCTAssertTrue(escape.diagnostics.contains { $0.severity == .error && $0.line == 15 }, "\(escape.diagnostics)")
        // Kept, as every text with a control character is, and drawn only through the sanitiser.
        XCTAssertEqual(escape.meeting?.topics[0].notes.map(TextSanitizer.paragraph), "xem ^[[31m đây")

        var limits = LoadLimits.default
        limits.maxStringLength = 20
        let long = try TestFolder(["meeting.yaml": meeting(notes: "    notes: \(String(repeating: "dài ", count: 10))\n")])
            .load(limits: limits)
        XCTAssertTrue(long.diagnostics.contains { $0.severity == .error && $0.line == 15 && $0.message.contains("20") },
                      "\(long.diagnostics)")
        XCTAssertNil(long.meeting?.topics[0].notes)
    }

    func testAMisspeltNotesKeyIsAWarningThatNamesIt() throws {
        let result = try TestFolder(["meeting.yaml": meeting(notes: "    note: nhắc giờ\n")]).load()
        let warning = try XCTUnwrap(result.diagnostics.first { $0.severity == .warning && $0.message.contains("note") },
                                    "\(result.diagnostics)")
        XCTAssertEqual(warning.line, 15)
        XCTAssertTrue(warning.message.contains("notes"), warning.message)
    }
}
