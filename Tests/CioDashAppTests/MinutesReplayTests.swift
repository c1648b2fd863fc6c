import CioDashCore
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// A whole session taken down as a secretary would: attendance on the agenda slide, conclusions
/// typed in composed and decomposed Vietnamese, assignments, a pasted note, a pause, a topic that
/// runs over. The journal the app core asked the shell to write is read back into both documents.
final class MinutesReplayTests: XCTestCase {
    static let script = """
    start present vi 100x30 minutes
    do minutes                                # the agenda slide: attendance
    key Tab
    type Lê Thị Thu Hà, Văn phòng Sở TT&TT Thừa Thiên Huế
    key Tab
    type kon tum, Quảng Nam, Tỉnh Lạ
    key Tab
    type Đại diện Bộ TT&TT; Cục Tin học hóa
    do close
    wait 60
    do agendaItem 1                           # smart-city, 30 minutes planned
    wait 600
    do minutes
    scalars Thống nhất nhân rộng mô hình IOC của Thừa Thiên Huế
    key Enter
    type Các tỉnh gửi kế hoạch ĐTTM trước quý IV.
    key Tab
    type hue
    key Tab
    type Chia sẻ tài liệu kiến trúc IOC
    key Tab
    type 30/9/2019
    key Enter                                 # Enter: the next assignment (Tab: the notes)
    type Đà Nẵng, Quảng Ngãi
    key Tab
    type Rà soát kế hoạch ĐTTM 2019–2020
    key Tab
    type 15/10/2019
    frame
    do close
    do toggleTimer                            # a pause of two minutes
    wait 120
    do toggleTimer
    wait 1500                                 # 35 minutes in all: over by 5
    do nextTopic                              # public-service portal
    wait 900
    do minutes
    type Đẩy mạnh dịch vụ công mức 3, 4 và BCCI.
    key Tab
    type Bưu điện các tỉnh
    key Tab
    type Nhận và trả hồ sơ TTHC qua BCCI
    key Tab Tab Tab Tab Tab
    paste Ý kiến Kon Tum: thiếu kinh phí.\\nÝ kiến Gia Lai: đường truyền yếu.\u{1B}[2J
    do close
    do nextTopic                              # information security
    wait 1200
    do minutes
    type Triển khai SOC cấp tỉnh; 日本 mẫu thử.
    key Tab
    type quang tri, dak lak                   # names typed without diacritics
    key Tab
    type Rà soát cấp độ ATTT
    key Tab
    type 31/12/2019
    key Enter                                 # Enter: the next assignment (Tab: the notes)
    type kon tum                              # a province marked absent, given a task
    key Tab
    type Báo cáo sự cố ATTT
    do close
    do quit
    """

    /// The session, replayed once for all the tests that read it (a replay steps the loop every tick
    /// of its hour and a quarter).
    nonisolated(unsafe) static let session = Result { () throws -> SessionReplay in
        let session = try SessionReplay(keepingLog: true)
        try session.run(script)
        return session
    }

    func replay() throws -> (SessionReplay, MinutesRecord, Meeting) {
        let session = try Self.session.get()
        let parsed = MinutesJournalReader.parse(session.journal)
        XCTAssertEqual(parsed.problems, [], "the journal the session wrote reads back whole")
        let record = try XCTUnwrap(parsed.record)
        XCTAssertEqual(record, session.state?.minutes?.record, "the journal rebuilds the record the app held")
        let meeting = try XCTUnwrap(session.state?.meeting)
        return (session, record, meeting)
    }

    func testTheSessionGivesTheGoldenDocuments() throws {
        let (session, record, meeting) = try replay()
        for language in [Language.vi, .en] {
            let document = MinutesDocument(meeting: meeting, record: record, language: language)
            try GoldenFile.assert(document.render(.bienBan, format: .text), name: "minutes-bien-ban-\(language.rawValue).txt")
            try GoldenFile.assert(document.render(.ketLuan, format: .text), name: "minutes-ket-luan-\(language.rawValue).txt")
            try GoldenFile.assert(document.render(.bienBan, format: .markdown), name: "minutes-bien-ban-\(language.rawValue).md")
            try GoldenFile.assert(document.render(.ketLuan, format: .markdown), name: "minutes-ket-luan-\(language.rawValue).md")
        }
        try GoldenFile.assert(session.output, name: "minutes-editor-frame.txt")
    }

    func testTheRecordHasTheTimesTextAndTasks() throws {
        let (_, record, _) = try replay()
        XCTAssertEqual(record.spent["smart-city"], 600 + 1500, "paused time is not counted")
        XCTAssertEqual(record.pauses(of: "smart-city").map { $0.to - $0.from }, [120])
        XCTAssertEqual(record.spent["public-service-portal"], 900)
        XCTAssertEqual(record.text(.conclusions(topic: "smart-city")),
                       "Thống nhất nhân rộng mô hình IOC của Thừa Thiên Huế\nCác tỉnh gửi kế hoạch ĐTTM trước quý IV.")
        let conclusions = record.text(.conclusions(topic: "smart-city"))
        XCTAssertEqual(Array(conclusions.unicodeScalars), Array(conclusions.precomposedStringWithCanonicalMapping.unicodeScalars),
                       "decomposed typing is kept in NFC")
        XCTAssertEqual(record.text(.notes(topic: "public-service-portal")),
                       "Ý kiến Kon Tum: thiếu kinh phí.\nÝ kiến Gia Lai: đường truyền yếu.[2J", "the pasted escape is dropped")
        XCTAssertEqual(record.assignments("smart-city").map(\.who), ["hue", "Đà Nẵng, Quảng Ngãi"])
        XCTAssertNotNil(record.clock.last { $0.kind == .end }, "q ends the session in the record")
    }

    func testTasksGoToEachProvinceNamed() throws {
        let (_, record, meeting) = try replay()
        let groups = MinutesDocument(meeting: meeting, record: record, language: .vi).tasksByAssignee()
        XCTAssertEqual(groups.map(\.name), ["Quảng Trị", "Thừa Thiên Huế", "Đà Nẵng", "Quảng Ngãi", "Kon Tum", "Đắk Lắk",
                                             "Bưu điện các tỉnh"])
    }

    /// The Word documents of the same session: their document.xml as golden text (one element a
    /// line), and the .docx holds exactly that, packed the same way each time.
    func testTheSessionGivesTheGoldenWordDocuments() throws {
        let (_, record, meeting) = try replay()
        for language in [Language.vi, .en] {
            let document = MinutesDocument(meeting: meeting, record: record, language: language)
            for kind in MinutesDocument.Kind.allCases {
                let xml = WordXML.document(document.word(kind))
                try GoldenFile.assert(WordGolden.lines(xml), name: "minutes-\(kind.rawValue)-\(language.rawValue).docx.xml")
                let bytes = try document.data(kind, format: .docx)
                XCTAssertEqual(bytes, try document.data(kind, format: .docx), "the same session packs to the same bytes")
                XCTAssertEqual(try WordGolden.part("word/document.xml", of: bytes), xml, "the package holds the document")
            }
        }
    }

    /// The names as the secretary typed them ("hue", "quang tri, dak lak", "kon tum") are the
    /// provinces' names in every table of both documents, and "Nơi nhận" lists every province,
    /// present or absent, and every body given a task.
    func testNamesAreResolvedEverywhereAndEveryoneReceivesTheNotice() throws {
        let (_, record, meeting) = try replay()
        let document = MinutesDocument(meeting: meeting, record: record, language: .vi)
        let minutes = document.render(.bienBan, format: .markdown)
        XCTAssertTrue(minutes.contains("| 1 | Thừa Thiên Huế | Chia sẻ tài liệu kiến trúc IOC | 30/9/2019 |"), minutes)
        XCTAssertTrue(minutes.contains("| 1 | Quảng Trị, Đắk Lắk | Rà soát cấp độ ATTT | 31/12/2019 |"), minutes)
        XCTAssertTrue(minutes.contains("| 2 | Kon Tum | Báo cáo sự cố ATTT |"), minutes)
        for typed in ["hue", "quang tri", "dak lak", "kon tum"] {
            XCTAssertFalse(minutes.contains("| " + typed), "\(typed) is written as the province's name")
        }
        guard case .closing(let recipients?, _)? = document.blocks(.ketLuan).last else { return XCTFail("the notice ends with Nơi nhận") }
        let lines = recipients.lines.joined(separator: "\n")
        for province in meeting.provinces { XCTAssertTrue(lines.contains(province.name), "\(province.name) receives the notice") }
        XCTAssertTrue(recipients.lines.contains("Bưu điện các tỉnh;"), lines)
    }

    /// Durations in words, the place from the venue, the date as Phụ lục I writes it, no item
    /// without a conclusion in the notice, no title capitalised mid-sentence, names under signatures.
    func testTheDocumentsReadAsTheFormWants() throws {
        let (_, record, meeting) = try replay()
        let vi = MinutesDocument(meeting: meeting, record: record, language: .vi)
        let en = MinutesDocument(meeting: meeting, record: record, language: .en)
        let minutes = vi.render(.bienBan, format: .markdown)
        XCTAssertTrue(minutes.contains("Thời gian: dự kiến 30 phút; thực tế 35 phút (quá 5 phút)"), minutes)
        XCTAssertTrue(en.render(.bienBan, format: .markdown).contains("Time: planned 30 minutes; actual 35 minutes (over by 5 minutes)"))
        XCTAssertTrue(minutes.contains("*Thừa Thiên Huế, ngày 27 tháng 7 năm 2019*"), "place from the venue, no 0 before July")
        XCTAssertTrue(en.render(.bienBan, format: .markdown).contains("*Thừa Thiên Huế, 27 July 2019*"))
        XCTAssertTrue(minutes.contains("| **Lê Thị Thu Hà** | **Nguyễn Thành Hưng** |"), "names, not titles, under the signatures")
        let notice = vi.render(.ketLuan, format: .markdown)
        XCTAssertFalse(notice.contains("Triển khai chữ ký số"), "an item without a conclusion is left out of the notice")
        XCTAssertFalse(notice.contains("Không có"))
        XCTAssertTrue(notice.contains("dưới sự chủ trì của ông Nguyễn Thành Hưng"), notice)
        XCTAssertTrue(notice.contains("; ông Phan Ngọc Thọ"), notice)
    }

    /// No format writes markup with nothing in it, however little the secretary recorded.
    func testNoEmptyMarkupInAnyFormat() throws {
        let (_, record, meeting) = try replay()
        let empty = MinutesRecord(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: SessionReplay.utcOffset)
        for r in [record, empty] {
            for language in [Language.vi, .en] {
                let document = MinutesDocument(meeting: meeting, record: r, language: language)
                for kind in MinutesDocument.Kind.allCases {
                    let md = document.render(kind, format: .markdown)
                    for bad in ["****", "| ** |", "<br>", "** **", "**:**", "|  |", ": \n", "| ** "] {
                        XCTAssertFalse(md.contains(bad), "\(kind) \(language) Markdown holds \(bad.debugDescription)")
                    }
                    let xml = WordXML.document(document.word(kind))
                    XCTAssertFalse(xml.contains("<w:t xml:space=\"preserve\"></w:t>"), "\(kind) \(language) Word holds an empty run")
                }
            }
        }
    }

    /// A rehearsal with --take-minutes the day before, then the meeting on the same journal: the
    /// documents keep the meeting's date, and the journal's other day is named with the meeting's.
    /// With a fresh journal (what --fresh-journal begins) there is nothing to warn about.
    func testARehearsalTheDayBeforeDoesNotDateTheDocuments() throws {
        let rehearsal = try SessionReplay()
        try rehearsal.run("day -1\nstart present vi 100x30 minutes\ndo agendaItem 1\nwait 71\ndo quit")
        let rehearsed = try XCTUnwrap(MinutesJournalReader.parse(rehearsal.journal).record)
        let (session, fresh, meeting) = try replay()
        let alone = MinutesDocument(meeting: meeting, record: rehearsed, language: .vi)
        XCTAssertTrue(alone.render(.bienBan, format: .markdown).contains("dự kiến 30 phút; thực tế 1 phút 11 giây (sớm 28 phút 49 giây)"))
        XCTAssertTrue(MinutesDocument(meeting: meeting, record: rehearsed, language: .en).render(.bienBan, format: .markdown)
            .contains("planned 30 minutes; actual 1 minute 11 seconds (under by 28 minutes 49 seconds)"))

        let resumed = rehearsal.journal + session.journal.split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
        let record = try XCTUnwrap(MinutesJournalReader.parse(resumed).record)
        let document = MinutesDocument(meeting: meeting, record: record, language: .vi)
        XCTAssertEqual(document.clockDates, [LocalDate(year: 2019, month: 7, day: 26)!])
        let warning = try XCTUnwrap(document.clockDateWarning(journal: "ciodash-minutes/2019-07-27.jsonl"))
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.text.vi.contains("26/07/2019") && warning.text.vi.contains("27/07/2019"), warning.text.vi)
        XCTAssertTrue(warning.text.en.contains("2019-07-26") && warning.text.en.contains("2019-07-27"), warning.text.en)
        XCTAssertTrue(warning.text.en.contains("--fresh-journal"))
        for format in [MinutesDocument.Format.markdown, .text] {
            let text = document.render(.bienBan, format: format)
            XCTAssertTrue(text.contains("ngày 27 tháng 7 năm 2019"), "dated by the meeting")
            XCTAssertFalse(text.contains("26/07/2019") || text.contains("ngày 26 tháng"), "never by the rehearsal's clock:\n\(text)")
        }
        XCTAssertNil(MinutesDocument(meeting: meeting, record: fresh, language: .vi).clockDateWarning(journal: "j"))
    }

    func testAttendanceLeavesOutTheAbsentAndNamesWhatMatchedNothing() throws {
        let (_, record, meeting) = try replay()
        let a = MinutesAttendance(meeting: meeting, record: record)
        XCTAssertEqual(a.absent.map(\.name), ["Quảng Nam", "Kon Tum"])
        XCTAssertEqual(a.present.count, meeting.provinces.count - 2)
        XCTAssertEqual(a.unmatched, ["Tỉnh Lạ"])
    }

    /// After a crash the presenter starts again from the journal: every note and each item's time.
    func testResumingFromTheJournalKeepsNotesAndTimes() throws {
        let (session, record, meeting) = try replay()
        let resumed = AppCore.start(meeting: meeting, mode: .present, language: .vi,
                                    clock: .init(now: 0, wall: "10:00", epoch: SessionReplay.startEpoch + 7200), minutes: record)
        XCTAssertEqual(resumed.minutes?.record.text(.conclusions(topic: "smart-city")), record.text(.conclusions(topic: "smart-city")))
        XCTAssertEqual(resumed.navigation.timer.spent["smart-city"], 2100)
        XCTAssertEqual(resumed.navigation.timer.spent["public-service-portal"], 900)
        XCTAssertEqual(resumed.navigation.view, .topic("information-security"), "back on the item that ran last")
        _ = session
    }
}

/// The minutes session's command log (the form's text as `type` and `paste`, its editing keys as
/// `key`, the clock as `wait`) replays into the same record.
final class MinutesCommandLogTests: XCTestCase {
    func testTheLogOfTheMinutesSessionReplaysIntoTheSameRecord() throws {
        let session = try MinutesReplayTests.session.get()
        let log = session.log
        XCTAssertTrue(log.hasPrefix("start present vi 100x30 minutes\ndo minutes\nkey Tab\ntype Lê Thị Thu Hà"), log)
        XCTAssertTrue(log.contains("paste \"Ý kiến Kon Tum: thiếu kinh phí.\\nÝ kiến Gia Lai: đường truyền yếu.[2J\""), log)
        XCTAssertTrue(log.hasSuffix("do close\ndo quit\n"), log)
        let replay = try SessionReplay()
        try replay.run(log)
        let original = try XCTUnwrap(MinutesJournalReader.parse(session.journal).record)
        let replayed = try XCTUnwrap(MinutesJournalReader.parse(replay.journal).record)
        XCTAssertEqual(replayed, original)
        XCTAssertEqual(replay.journal, session.journal, "the journal, entry for entry")
    }
}
