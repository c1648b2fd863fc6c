@testable import CioDashCore
import Foundation
import XCTest

/// The minutes journal on disk: written as it goes, locked against a second presenter, refused for
/// another meeting, and read as far as it is good when damaged, with the place of every line left out.
final class MinutesJournalTests: XCTestCase {
    let date = LocalDate(year: 2019, month: 7, day: 27)!
    let title = "Phiên họp thường kỳ năm 2019"
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-journal-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var path: String { folder.appendingPathComponent("minutes/2019-07-27.jsonl").path }

    private func header(_ title: String? = nil) -> String {
        MinutesJournalFormat.line(.init(meetingTitle: title ?? self.title, meetingDate: date, utcOffset: 25200))
    }

    private func write(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func testEveryEntryIsOnDiskAsSoonAsItIsAppended() throws {
        let opened = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 25200)
        let field = MinutesField.conclusions(topic: "smart-city")
        XCTAssertNil(opened.journal.append(.clock(MinutesClockEvent(.start, topic: "smart-city", at: 100))))
        XCTAssertNil(opened.journal.append(.edit(field, TextEdit(offset: 0, removed: 0, inserted: "Thống"), at: 101)))
        XCTAssertNil(opened.journal.append(.edit(field, TextEdit(offset: 5, removed: 0, inserted: " nhất"), at: 102)))
        // Read by another reader while the journal is still open, as after a kill -9.
        let parsed = MinutesJournalReader.parse(try String(contentsOfFile: path, encoding: .utf8))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.record?.text(field), "Thống nhất")
        XCTAssertEqual(parsed.record?.runningTopic, "smart-city")
    }

    func testASecondPresenterIsRefusedUntilTheFirstCloses() throws {
        var first: MinutesJournal? = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0).journal
        XCTAssertThrowsError(try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0)) { error in
            XCTAssertEqual(error as? MinutesJournal.OpenError, .locked(path: path))
            let vi = (error as? MinutesJournal.OpenError)?.message(.vi) ?? ""
            XCTAssertTrue(vi.contains("đang được một ciodash khác ghi"), vi)
        }
        XCTAssertNotNil(first)
        first = nil
        XCTAssertNoThrow(try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0))
    }

    /// Issue 28, class 9: a second presenter reaching the journal through a symbolic link, a hard
    /// link or a path with `..` was not refused (the lock was a file named after the path), and the
    /// first one's later typing was lost. The lock is on the journal's inode.
    func testASecondPresenterThroughAnyOtherPathIsRefused() throws {
        let field = MinutesField.conclusions(topic: "smart-city")
        var first: MinutesJournal? = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0).journal
        let symbolic = folder.appendingPathComponent("link.jsonl").path
        let hard = folder.appendingPathComponent("hard.jsonl").path
        XCTAssertEqual(symlink(path, symbolic), 0)
        XCTAssertEqual(link(path, hard), 0)
        for other in [symbolic, hard, folder.appendingPathComponent("minutes/../minutes/2019-07-27.jsonl").path] {
            XCTAssertThrowsError(try MinutesJournal.open(path: other, title: title, date: date, utcOffset: 0), other) { error in
                XCTAssertEqual(error as? MinutesJournal.OpenError, .locked(path: other))
            }
        }
        XCTAssertNil(first?.append(.edit(field, TextEdit(offset: 0, removed: 0, inserted: "Nhân rộng IOC"), at: 10)))
        first = nil
        let again = try MinutesJournal.open(path: symbolic, title: title, date: date, utcOffset: 0).journal
        XCTAssertEqual(again.record.text(field), "Nhân rộng IOC", "the first presenter's typing is all there")
        var info = stat()
        XCTAssertEqual(lstat(symbolic, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "the link stays a link; the file it names is compacted")
    }

    /// A journal with a second name (a hard link made before it was opened) is appended to, not
    /// replaced: both names keep seeing one file, and the other name is refused while it is open.
    func testAJournalWithAHardLinkIsAppendedToInPlace() throws {
        try write(header() + "{\"at\":1,\"set\":\"secretary\",\"text\":\"Hà\"}")
        let hard = folder.appendingPathComponent("hard.jsonl").path
        XCTAssertEqual(link(path, hard), 0)
        let journal = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0).journal
        XCTAssertThrowsError(try MinutesJournal.open(path: hard, title: title, date: date, utcOffset: 0))
        XCTAssertNil(journal.append(.set(.chair, "Ông A", at: 2)))
        let parsed = MinutesJournalReader.parse(try String(contentsOfFile: hard, encoding: .utf8))
        XCTAssertEqual(parsed.problems, [], "the cut last line was ended before the next was appended")
        XCTAssertEqual(parsed.record?.text(.secretary), "Hà")
        XCTAssertEqual(parsed.record?.text(.chair), "Ông A")
    }

    /// Issue 28, class 8: after the disk filled once, everything typed afterwards in that field was
    /// missing from the biên bản, even after space came back. The write port fails here as a full
    /// disk does (part of a line written, then ENOSPC); once it has room, the journal holds every
    /// character, and each failure was said.
    func testAFullDiskLosesNothingOnceThereIsRoomAgain() throws {
        let journal = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0).journal
        let field = MinutesField.conclusions(topic: "smart-city")
        func type(_ text: String, at: Double) -> String? {
            journal.append(.edit(field, TextEdit(offset: journal.record.text(field).unicodeScalars.count, removed: 0, inserted: text), at: at))
        }
        XCTAssertNil(journal.append(.clock(MinutesClockEvent(.start, topic: "smart-city", at: 100))))
        XCTAssertNil(type("Thống", at: 101))
        var full = true
        MinutesJournal.writer = { fd, bytes, count in
            guard full else { return Foundation.write(fd, bytes, count) }
            _ = Foundation.write(fd, bytes, min(count, 9))
            errno = ENOSPC
            return -1
        }
        defer { MinutesJournal.writer = { Foundation.write($0, $1, $2) } }
        XCTAssertNotNil(type(" nhất", at: 102))
        XCTAssertNotNil(journal.append(.clock(MinutesClockEvent(.stop, topic: "smart-city", at: 160))))
        XCTAssertEqual(journal.flush(), String(cString: strerror(ENOSPC)), "a retry without typing says it failed again")
        XCTAssertNotNil(journal.append(.set(.chair, "Ông A", at: 161)))
        full = false
        XCTAssertNil(type(" nhân rộng", at: 170))
        XCTAssertFalse(journal.hasUnwritten)
        XCTAssertNil(type(" IOC", at: 171), "typing goes on as edits")
        let parsed = MinutesJournalReader.parse(try String(contentsOfFile: path, encoding: .utf8))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.record?.text(field), "Thống nhất nhân rộng IOC")
        XCTAssertEqual(parsed.record?.text(.chair), "Ông A")
        XCTAssertEqual(parsed.record?.spent["smart-city"], 60)
    }

    func testAJournalOfAnotherMeetingIsRefusedByName() throws {
        try write(header("Phiên họp năm 2018 tại Gia Lai"))
        XCTAssertThrowsError(try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0)) { error in
            guard case .otherMeeting(_, let other, _)? = error as? MinutesJournal.OpenError else { return XCTFail("\(error)") }
            XCTAssertEqual(other, "Phiên họp năm 2018 tại Gia Lai")
            XCTAssertTrue((error as! MinutesJournal.OpenError).message(.en).contains("\"Phiên họp năm 2018 tại Gia Lai\""))
        }
    }

    func testAFileThatIsNotAJournalIsNeverWrittenOver() throws {
        try write("# notes of my own\n")
        XCTAssertThrowsError(try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0)) { error in
            guard case .notAJournal? = error as? MinutesJournal.OpenError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "# notes of my own\n")
    }

    func testACutLastLineIsNamedAndTheRestIsRead() {
        let text = header()
            + "{\"at\":1,\"set\":\"secretary\",\"text\":\"Lê Thị Hà\"}\n"
            + "{\"at\":2,\"edit\":\"topic/x/notes\",\"pos\":0,\"del\":0,\"ins\":\"ab"
        let parsed = MinutesJournalReader.parse(text)
        XCTAssertEqual(parsed.record?.text(.secretary), "Lê Thị Hà")
        XCTAssertEqual(parsed.problems.map { "\($0.line):\($0.column)" }, ["3:57"])
        XCTAssertTrue(parsed.problems[0].en.contains("cut off"), parsed.problems[0].en)
    }

    func testADamagedLineStopsTheEditsOfItsFieldUntilAFullText() {
        let f = "topic/x/conclusions"
        let text = header()
            + "{\"at\":1,\"edit\":\"\(f)\",\"pos\":0,\"del\":0,\"ins\":\"abc\"}\n"
            + "{\"at\":2,\"edit\":\"\(f)\",\"pos\":9,\"del\":0,\"ins\":\"X\"}\n"   // does not fit: hand-edited
            + "{\"at\":3,\"edit\":\"\(f)\",\"pos\":3,\"del\":0,\"ins\":\"d\"}\n"   // not guessed at
            + "{\"at\":4,\"set\":\"chair\",\"text\":\"Ông A\"}\n"
            + "this line was typed by hand\n"
            + "{\"at\":5,\"set\":\"\(f)\",\"text\":\"full text\"}\n"
            + "{\"at\":6,\"edit\":\"\(f)\",\"pos\":9,\"del\":0,\"ins\":\"!\"}\n"
            + "{\"at\":7,\"set\":\"nowhere\",\"text\":\"?\"}\n"
        let parsed = MinutesJournalReader.parse(text)
        XCTAssertEqual(parsed.record?.text(.conclusions(topic: "x")), "full text!")
        XCTAssertEqual(parsed.record?.text(.chair), "Ông A")
        XCTAssertEqual(parsed.problems.map { "\($0.line):\($0.column)" }, ["3:1", "3:38", "6:1", "9:9"])
        XCTAssertTrue(parsed.problems.contains { $0.vi.contains("1 sửa đổi sau đó") && $0.vi.contains("dòng 4") })
    }

    func testADamagedJournalIsCopiedAsideThenCompacted() throws {
        try write(header() + "{\"at\":1,\"set\":\"secretary\",\"text\":\"Hà\"}\n{broken\n")
        let opened = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0)
        XCTAssertEqual(opened.problems.map(\.line), [3])
        let copy = try XCTUnwrap(opened.damagedCopy)
        XCTAssertTrue(try String(contentsOfFile: copy, encoding: .utf8).contains("{broken"), "the original is kept")
        let now = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(now.contains("{broken"))
        XCTAssertEqual(MinutesJournalReader.parse(now).problems, [])
        XCTAssertEqual(MinutesJournalReader.parse(now).record?.text(.secretary), "Hà")
    }

    func testARunACrashLeftOpenEndsAtTheLastTimeKnown() throws {
        try write(header()
            + "{\"at\":100,\"clock\":\"start\",\"topic\":\"smart-city\"}\n"
            + "{\"at\":130,\"clock\":\"alive\",\"topic\":\"smart-city\"}\n")
        let opened = try MinutesJournal.open(path: path, title: title, date: date, utcOffset: 0)
        XCTAssertNil(opened.journal.record.runningTopic)
        opened.journal.append(.clock(MinutesClockEvent(.start, topic: "smart-city", at: 500)))
        opened.journal.append(.clock(MinutesClockEvent(.stop, topic: "smart-city", at: 510)))
        let parsed = MinutesJournalReader.parse(try String(contentsOfFile: path, encoding: .utf8))
        XCTAssertEqual(parsed.record?.spent["smart-city"], 30 + 10, "the time down is not counted")
    }

    func testControlCharactersInAHandEditedJournalNeverComeThrough() {
        let parsed = MinutesJournalReader.parse(header() + "{\"at\":1,\"set\":\"chair\",\"text\":\"A\\u001b[2J\\u0007B\"}\n")
        XCTAssertEqual(parsed.record?.text(.chair), "A[2JB")
    }

    /// Issue 28, class 3: numbers that become dates or durations are range-checked where they are
    /// read; the line is named and left out, the rest of the journal is kept.
    func testATimePastTheYearsAJournalHoldsIsNamedAndTheRestKept() throws {
        let f = "topic/smart-city/conclusions"
        let text = header()
            + "{\"at\":1564192800,\"clock\":\"start\",\"topic\":\"smart-city\"}\n"
            + "{\"at\":1e300,\"clock\":\"stop\",\"topic\":\"smart-city\"}\n"
            + "{\"at\":-1e300,\"set\":\"chair\",\"text\":\"X\"}\n"
            + "{\"at\":9.3e18,\"edit\":\"\(f)\",\"pos\":0,\"del\":0,\"ins\":\"Y\"}\n"
            + "{\"at\":1564192801,\"edit\":\"\(f)\",\"pos\":0,\"del\":0,\"ins\":\"Nhân rộng\"}\n"
            + "{\"at\":1564192802,\"edit\":\"\(f)\",\"pos\":9223372036854775807,\"del\":1,\"ins\":\"!\"}\n"
            + "{\"at\":1564192860,\"clock\":\"stop\",\"topic\":\"smart-city\"}\n"
        let parsed = MinutesJournalReader.parse(text)
        XCTAssertEqual(parsed.problems.map { "\($0.line):\($0.column)" }, ["3:2", "4:2", "5:2", "7:56"],
                       parsed.problems.map(\.en).joined(separator: "\n"))
        let first = try XCTUnwrap(parsed.problems.first)
        XCTAssertEqual(first.en, "the time \"at\" 1e+300 lies outside the years 1970–9999 a journal can hold; line not used")
        XCTAssertTrue(first.vi.contains("nằm ngoài các năm 1970–9999"), first.vi)
        let record = try XCTUnwrap(parsed.record)
        XCTAssertEqual(record.text(.conclusions(topic: "smart-city")), "Nhân rộng", "the good edit is kept")
        XCTAssertEqual(record.spent["smart-city"], 60)
        let wall = WallTime(1e300, utcOffset: 25200)
        XCTAssertEqual(wall.hoursMinutes.count, 5, "a moment past any date is drawn, not trapped on")
        XCTAssertEqual(WallTime(-1e300, utcOffset: -25200).hoursMinutes.count, 5)
        XCTAssertEqual(WallTime(.nan, utcOffset: 0).hoursMinutes, "00:00")
    }

    /// Issue 28, class 11: replay was quadratic in a field's length (1 MB typed into one field took
    /// 20 s, 2 MB 77 s). Ten times the text now takes about ten times as long, not a hundred: pastes
    /// of 500 characters, one in ten at a random place (going back to correct), each with a backspace.
    func testReplayIsLinearInTheFieldsLength() throws {
        func journal(pastes n: Int) -> String {
            var rng = SystemRandomNumberGenerator()
            let paste = String(repeating: "Thống nhất nhân rộng IOC. ", count: 20)
            var text = header(), length = 0
            for i in 0..<n {
                let pos = i % 10 == 9 ? Int.random(in: 0...length, using: &rng) : length
                text += MinutesJournalFormat.line(.edit(.notes(topic: "x"), TextEdit(offset: pos, removed: 0, inserted: paste), at: Double(i)))
                text += MinutesJournalFormat.line(.edit(.notes(topic: "x"), TextEdit(offset: pos + 519, removed: 1, inserted: ""), at: Double(i)))
                length += 519
            }
            return text
        }
        func seconds(_ text: String, length: Int) throws -> Double {
            var best = Double.infinity
            for _ in 0..<2 {
                let start = DispatchTime.now().uptimeNanoseconds
                let parsed = MinutesJournalReader.parse(text)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                XCTAssertEqual(parsed.problems, [])
                XCTAssertEqual(parsed.record?.text(.notes(topic: "x")).unicodeScalars.count, length)
            }
            return best
        }
        let small = try seconds(journal(pastes: 200), length: 200 * 519)
        let large = try seconds(journal(pastes: 2_000), length: 2_000 * 519)
        XCTAssertLessThan(large / small, 35, "200 pastes: \(small) s; 2,000 pastes: \(large) s")
    }

    /// The field's text under every kind of edit is what the same edits give on a plain array.
    func testFieldTextAgreesWithAPlainArrayUnderRandomEdits() {
        var rng = SystemRandomNumberGenerator()
        var text = FieldText(), plain: [Unicode.Scalar] = []
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyỳỹ ,.\n".unicodeScalars)
        for step in 0..<3_000 {
            let offset = Int.random(in: 0...plain.count, using: &rng)
            let removed = Int.random(in: 0...min(plain.count - offset, step % 7 == 0 ? 6_000 : 3), using: &rng)
            let n = step % 13 == 0 ? Int.random(in: 0...9_000, using: &rng) : Int.random(in: 0...4, using: &rng)
            var inserted = String.UnicodeScalarView()
            for _ in 0..<n { inserted.append(alphabet.randomElement(using: &rng)!) }
            XCTAssertTrue(text.apply(TextEdit(offset: offset, removed: removed, inserted: String(inserted))))
            plain.replaceSubrange(offset..<offset + removed, with: inserted)
            XCTAssertEqual(text.count, plain.count)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: plain)
        XCTAssertEqual(text.string, String(view))
        XCTAssertEqual(text, FieldText(String(view)), "equal whatever the chunks")
        XCTAssertFalse(text.apply(TextEdit(offset: Int.max, removed: 1, inserted: "x")))
        XCTAssertFalse(text.apply(TextEdit(offset: 1, removed: Int.max, inserted: "x")))
    }

    func testTheFormatRoundTripsEveryEntry() {
        let entries: [MinutesEntry] = [
            .set(.assignment(topic: "a-1", row: 12, part: .due), "30/9 \"quý\" \\ IV", at: 1.5),
            .edit(.notes(topic: "b"), TextEdit(offset: 0, removed: 0, inserted: "dòng\nmới"), at: 1_564_189_200.125),
            .clock(MinutesClockEvent(.end, topic: nil, at: 7)),
        ]
        let parsed = MinutesJournalReader.parse(header() + entries.map(MinutesJournalFormat.line).joined())
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.record?.text(.assignment(topic: "a-1", row: 12, part: .due)), "30/9 \"quý\" \\ IV")
        XCTAssertEqual(parsed.record?.text(.notes(topic: "b")), "dòng\nmới")
        XCTAssertEqual(parsed.record?.clock, [MinutesClockEvent(.end, topic: nil, at: 7)])
    }
}
