import CioDashCore
import XCTest

/// The status words a province may write: the Vietnamese words of the form, with or without
/// diacritics, in any letter case, NFC or NFD, and the English ids of the file format.
final class StatusWordsTests: XCTestCase {
    private let words: [(String, ReportStatus)] = [
        ("đúng tiến độ", .onTrack), ("có rủi ro", .atRisk), ("chậm", .behind), ("chưa triển khai", .notStarted), ("chưa rõ", .unknown),
    ]

    func testEachWordWithAndWithoutDiacriticsInAnyCase() {
        for (word, status) in words {
            let plain = SearchKey.fold(word)
            for spelling in [word, word.uppercased(), word.capitalized, plain, plain.uppercased(),
                             word.decomposedStringWithCanonicalMapping, "  \(word) "] {
                XCTAssertEqual(StatusWords.status(spelling), status, "\"\(spelling)\"")
            }
        }
        XCTAssertEqual(StatusWords.status("DUNG TIEN DO"), .onTrack)
        XCTAssertEqual(StatusWords.status("Chưa Triển Khai"), .notStarted)
    }

    func testTheEnglishIdsWithHyphensOrSpaces() {
        for status in ReportStatus.allCases {
            XCTAssertEqual(StatusWords.status(status.rawValue), status)
            XCTAssertEqual(StatusWords.status(status.rawValue.replacingOccurrences(of: "-", with: " ").uppercased()), status)
        }
    }

    func testTheChoicesAreTheFormsWordsInOrder() {
        XCTAssertEqual(StatusWords.choices, words.map(\.0))
        XCTAssertEqual(StatusWords.choices.map(StatusWords.status), ReportStatus.allCases.map { $0 })
    }

    func testOtherWordsAreNotStatuses() {
        for word in ["", "tốt", "chậm trễ", "on track!", "rủi ro", "chua", "đúng"] {
            XCTAssertNil(StatusWords.status(word), "\"\(word)\"")
        }
    }

    /// The loader takes the same words in a status file.
    func testAStatusFileMayUseTheVietnameseWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-status-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        let topics = words.enumerated().map { i, _ in "  - id: t\(i)\n    title: T\(i)\n    minutes: 5\n" }.joined()
        try Data("format: ciodash/1\ncouncil: C\ntitle: T\ndate: 2026-07-24\ntopics:\n\(topics)".utf8)
            .write(to: URL(fileURLWithPath: folder + "/meeting.yaml"))
        let reports = ["Đúng Tiến Độ", "co rui ro", "CHẬM", "chưa  triển khai", "Chua ro"].enumerated()
            .map { i, word in "  t\(i):\n    status: \(word)\n" }.joined()
        try Data("format: ciodash/1\nid: hue\nname: Huế\ntopics:\n\(reports)".utf8).write(to: URL(fileURLWithPath: folder + "/provinces/hue.yaml"))
        let result = MeetingLoader().load(folder: folder)
        XCTAssertEqual(result.errorCount, 0, result.diagnostics.map(\.description).joined(separator: "\n"))
        let hue = try XCTUnwrap(result.meeting?.province("hue"))
        XCTAssertEqual((0..<5).map { hue.topics["t\($0)"]?.status }, words.map(\.1))
    }
}
