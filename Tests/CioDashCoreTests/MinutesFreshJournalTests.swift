import CioDashCore
import Foundation
import XCTest

/// `present --fresh-journal`: after a rehearsal, the real session begins a new journal; the
/// rehearsal's is renamed `<journal>.old-N`, never deleted nor written over.
final class MinutesFreshJournalTests: XCTestCase {
    let date = LocalDate(year: 2019, month: 7, day: 27)!
    let title = "Phiên họp thường kỳ năm 2019"
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-fresh-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var path: String { folder.appendingPathComponent("2019-07-27.jsonl").path }

    private func rehearse(_ note: String) throws {
        let opened = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 25200, fresh: true)
        XCTAssertNil(opened.journal.append(.clock(MinutesClockEvent(.start, topic: "smart-city", at: 1_564_102_860))))
        XCTAssertNil(opened.journal.append(.set(.conclusions(topic: "smart-city"), note, at: 1_564_102_870)))
    }

    func testAFreshJournalMovesTheOldOneAsideAndBeginsEmpty() throws {
        try rehearse("buổi tập 1")
        try rehearse("buổi tập 2")
        let opened = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 25200, fresh: true)
        XCTAssertEqual(opened.setAside, path + ".old-2", "the next free name")
        XCTAssertEqual(opened.journal.record.clock, [], "the session begins with no clock of the rehearsal")
        XCTAssertEqual(opened.journal.record.text(.conclusions(topic: "smart-city")), "")
        for (n, note) in [(1, "buổi tập 1"), (2, "buổi tập 2")] {
            let kept = MinutesJournalReader.parse(try String(contentsOfFile: path + ".old-\(n)", encoding: .utf8))
            XCTAssertEqual(kept.record?.text(.conclusions(topic: "smart-city")), note, "old-\(n) keeps its rehearsal")
        }
    }

    func testWithoutFreshTheJournalResumes() throws {
        try rehearse("buổi tập")
        let opened = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 25200)
        XCTAssertNil(opened.setAside)
        XCTAssertEqual(opened.journal.record.text(.conclusions(topic: "smart-city")), "buổi tập")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".old-1"))
    }

    func testAFreshJournalIsRefusedWhileAnotherPresenterHoldsIt() throws {
        let first = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0)
        XCTAssertThrowsError(try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0, fresh: true)) { error in
            XCTAssertEqual(error as? MinutesJournal.OpenError, .locked(path: path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".old-1"), "nothing moved from under the other presenter")
        _ = first
    }
}
