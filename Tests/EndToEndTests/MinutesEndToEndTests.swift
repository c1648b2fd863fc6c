import CioDashCore
import Foundation
import XCTest

/// The minutes in the real presenter: typed with diacritics, the presenter killed with -9 in the
/// middle of a word, started again on the same journal; and a second presenter refused.
final class MinutesEndToEndTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-minutes-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var journal: String { folder.appendingPathComponent("minutes.jsonl").path }

    /// The seconds the slide banner's countdown says are left ("còn 29:56").
    static func secondsLeft(_ screen: String) -> Int? {
        guard let match = screen.range(of: #"còn [0-9]+:[0-9]{2}"#, options: .regularExpression) else { return nil }
        let parts = screen[match].dropFirst("còn ".count).split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }

    private func present() throws -> TmuxHarness {
        let h = try TmuxHarness.dashboard("present --minutes \(TmuxHarness.quote(journal)) \(TmuxHarness.quote(TmuxHarness.sampleFolder))",
                                          width: 100, height: 30)
        try h.waitFor("Trang ")  // the banner of any slide: the agenda, or the item resumed
        return h
    }

    private func record() throws -> MinutesRecord {
        let parsed = MinutesJournalReader.parse(try String(contentsOfFile: journal, encoding: .utf8))
        XCTAssertEqual(parsed.problems, [], "the journal reads whole")
        return try XCTUnwrap(parsed.record)
    }

    func testKillMinus9MidWordLosesAtMostTheLastKeyAndKeepsTheTime() throws {
        let typed = "Thống nhất giao Đắk Lắk"
        let before = String(typed.dropLast())
        var seconds = 0
        do {
            let h = try present()
            try h.type("1")
            try h.waitFor("Phát triển dịch vụ đô thị thông minh")
            try h.type("m")
            try h.waitFor("Kết luận")
            try h.type(before)
            // On screen means written: the journal's write comes before the frame that shows it.
            try h.waitFor(before)
            // Three seconds of the item's countdown pass on the presenter's own clock (the banner's "còn MM:SS").
            let typedAt = try XCTUnwrap(Self.secondsLeft(try h.capture()), "the banner shows the countdown")
            try h.waitForLines("the countdown three seconds further") { lines in
                Self.secondsLeft(lines.joined(separator: "\n")).map { $0 <= typedAt - 3 } ?? false
            }
            try h.type(String(typed.last!))
            try h.kill(SIGKILL)
            XCTAssertEqual(try h.waitForExit(), 128 + SIGKILL)
            let crashed = try record()
            let text = crashed.text(.conclusions(topic: "smart-city"))
            XCTAssertTrue(text == typed || text == before, "every character before the last is kept: \(text.debugDescription)")
            XCTAssertEqual(crashed.runningTopic, "smart-city", "the item was running when the presenter died")
            seconds = crashed.spent["smart-city"] ?? 0
            XCTAssertGreaterThanOrEqual(seconds, 3, "the time until the last keystroke is in the journal")
            h.close()
        }
        let h = try present()
        // Back on the item that was running, with its time: the countdown does not start from 30:00.
        try h.waitFor("Phát triển dịch vụ đô thị thông minh")
        let screen = try h.capture()
        XCTAssertFalse(screen.contains("còn 30:00") || screen.contains("còn 29:59"), "the spent time is kept:\n\(screen)")
        try h.type("m")
        try h.waitFor(before)
        try h.sendKeys("Escape")
        // Esc then q at once would read as Alt-q: wait for the form to close first.
        try h.waitUntil("the form to close") { !(try h.capture()).contains("Biên bản ·") }
        try h.type("q")
        XCTAssertEqual(try h.waitForExit(), 0)
        let resumed = try record()
        XCTAssertTrue(resumed.text(.conclusions(topic: "smart-city")).hasPrefix(before))
        XCTAssertGreaterThanOrEqual(resumed.spent["smart-city"] ?? 0, seconds, "times are kept across the crash")
        XCTAssertTrue(resumed.clock.contains { $0.kind == .interrupted }, "the crash is in the record")
    }

    func testASecondPresenterOnTheSameJournalIsRefused() throws {
        let h = try present()
        let second = try TmuxHarness.output(of: try TmuxHarness.ciodashBinary(),
                                            ["present", "--minutes", journal, TmuxHarness.sampleFolder])
        XCTAssertEqual(second.status, 2)
        XCTAssertTrue(second.error.contains("đang được một ciodash khác ghi"), second.error)
        try h.type("q")
        XCTAssertEqual(try h.waitForExit(), 0)
    }

    func testTheMinutesCommandWritesBothDocumentsNoClobber() throws {
        let h = try present()
        try h.type("1")
        try h.waitFor("Phát triển dịch vụ đô thị thông minh")
        try h.type("m")
        try h.waitFor("Kết luận")
        try h.type("Nhân rộng IOC")
        try h.sendKeys("Tab")
        try h.type("Huế")
        try h.sendKeys("Tab")
        try h.type("Chia sẻ kiến trúc")
        try h.waitFor("Chia sẻ kiến trúc")
        try h.sendKeys("Escape")
        // Esc then q at once would read as Alt-q: wait for the form to close first.
        try h.waitUntil("the form to close") { !(try h.capture()).contains("Biên bản ·") }
        try h.type("q")
        XCTAssertEqual(try h.waitForExit(), 0)
        let out = folder.appendingPathComponent("bien-ban.md").path
        let binary = try TmuxHarness.ciodashBinary()
        let first = try TmuxHarness.output(of: binary, ["minutes", TmuxHarness.sampleFolder, "--journal", journal, "-o", out])
        XCTAssertEqual(first.status, 0, first.error)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("## BIÊN BẢN") && text.contains("Nhân rộng IOC") && text.contains("THƯ KÝ"), text)
        let again = try TmuxHarness.output(of: binary, ["minutes", TmuxHarness.sampleFolder, "--journal", journal, "-o", out])
        XCTAssertEqual(again.status, 1, "an existing file is not overwritten without --force")
        let notice = try TmuxHarness.output(of: binary, ["minutes", TmuxHarness.sampleFolder, "--journal", journal,
                                                         "--kind", "ket-luan", "--format", "text", "--lang", "en"])
        XCTAssertEqual(notice.status, 0, notice.error)
        XCTAssertTrue(notice.output.contains("Thừa Thiên Huế") && notice.output.contains("Chia sẻ kiến trúc"), notice.output)
    }

    /// Issue 28, class 3: one journal line with `"at":1e300` trapped `ciodash minutes` (and
    /// `present --minutes`). Now the line is named with its place and the biên bản is written from
    /// the rest.
    func testATimePastIntInTheJournalIsNamedAndTheRestWritten() throws {
        let header = MinutesJournalFormat.line(.init(meetingTitle: "Phiên họp thường kỳ năm 2019 của Hội đồng CIO miền Trung – Tây Nguyên",
                                                     meetingDate: LocalDate(year: 2019, month: 7, day: 27)!, utcOffset: 25200))
        try (header
            + "{\"at\":1564192800,\"clock\":\"start\",\"topic\":\"smart-city\"}\n"
            + "{\"at\":1e300,\"clock\":\"stop\",\"topic\":\"smart-city\"}\n"
            + "{\"at\":1564192811,\"set\":\"topic/smart-city/conclusions\",\"text\":\"Nhân rộng IOC\"}\n")
            .write(toFile: journal, atomically: true, encoding: .utf8)
        let binary = try TmuxHarness.ciodashBinary()
        let result = try TmuxHarness.output(of: binary, ["minutes", TmuxHarness.sampleFolder, "--journal", journal, "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("minutes.jsonl:3:2: error: the time \"at\" 1e+300 lies outside the years 1970–9999"), result.error)
        XCTAssertTrue(result.output.contains("Nhân rộng IOC"), result.output)
        let h = try present()
        try h.type("q")
        XCTAssertEqual(try h.waitForExit(), 0, "the presenter opens the same journal")
    }

    /// Issue 28, class 8, on a real full disk (a 64 KiB tmpfs): a write that does not fit fails and is
    /// said; what is typed while the disk is full, and after, is all in the journal once there is room.
    func testAJournalOnAFullDiskKeepsEverythingOnceThereIsRoom() throws {
        let tiny = try TinyFilesystem()
        let path = tiny.path + "/minutes.jsonl"
        let journal = try MinutesJournal.open(path: path, title: "Phiên họp", date: LocalDate(year: 2019, month: 7, day: 27)!,
                                              utcOffset: 25200).journal
        let field = MinutesField.conclusions(topic: "smart-city")
        var typed = ""
        func type(_ text: String, at: Double) -> String? {
            defer { typed += text }
            return journal.append(.edit(field, TextEdit(offset: typed.unicodeScalars.count, removed: 0, inserted: text), at: at))
        }
        XCTAssertNil(type("Thống nhất", at: 1_564_192_800))
        tiny.fill()
        // Past the slack of the journal's last page: this write cannot fit.
        XCTAssertNotNil(type(" " + String(repeating: "nhân rộng mô hình IOC, ", count: 300), at: 1_564_192_801))
        _ = type(" Huế", at: 1_564_192_802)  // may fit in the page's slack, or not: either way nothing is lost
        try FileManager.default.removeItem(atPath: tiny.path + "/filler")
        XCTAssertNil(type(" Đà Nẵng.", at: 1_564_192_803), "written once there is room")
        let parsed = MinutesJournalReader.parse(try String(contentsOfFile: path, encoding: .utf8))
        XCTAssertEqual(parsed.problems, [], parsed.problems.map(\.en).joined(separator: "\n"))
        XCTAssertEqual(parsed.record?.text(field), typed)
    }
}
