import CioDashCore
import XCTest
@testable import CioDashApp
@testable import CioDashRender

/// A whole session taken down as a secretary would: attendance on the agenda slide, conclusions
/// typed in composed and decomposed Vietnamese, assignments, a pasted note, a pause, a topic that
/// runs over. The journal the app core asked the shell to write is read back into both documents.
final class MinutesReplayTests: XCTestCase {
    static let script = """
    start present vi 100x30 minutes
    key m                                     # the agenda slide: attendance
    key Tab
    type Lê Thị Thu Hà, Văn phòng Sở TT&TT Thừa Thiên Huế
    key Tab
    type kon tum, Quảng Nam, Tỉnh Lạ
    key Tab
    type Đại diện Bộ TT&TT; Cục Tin học hóa
    key Esc
    wait 60
    key 1                                     # smart-city, 30 minutes planned
    wait 600
    key m
    scalars Thống nhất nhân rộng mô hình IOC của Thừa Thiên Huế
    key Enter
    type Các tỉnh gửi kế hoạch ĐTTM trước quý IV.
    key Tab
    type hue
    key Tab
    type Chia sẻ tài liệu kiến trúc IOC
    key Tab
    type 30/9/2019
    key Tab
    type Đà Nẵng, Quảng Ngãi
    key Tab
    type Rà soát kế hoạch ĐTTM 2019–2020
    key Tab
    type 15/10/2019
    frame
    key Esc
    key t                                     # a pause of two minutes
    wait 120
    key t
    wait 1500                                 # 35 minutes in all: over by 5
    key ]                                     # public-service portal
    wait 900
    key m
    type Đẩy mạnh dịch vụ công mức 3, 4 và BCCI.
    key Tab
    type Bưu điện các tỉnh
    key Tab
    type Nhận và trả hồ sơ TTHC qua BCCI
    key Tab Tab Tab Tab Tab
    paste Ý kiến Kon Tum: thiếu kinh phí.\\nÝ kiến Gia Lai: đường truyền yếu.\u{1B}[2J
    key Esc
    key ]                                     # information security
    wait 1200
    key m
    type Triển khai SOC cấp tỉnh; 日本 mẫu thử.
    key Esc
    key q
    """

    func replay() throws -> (SessionReplay, MinutesRecord, Meeting) {
        let session = try SessionReplay()
        try session.run(Self.script)
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
        XCTAssertEqual(groups.map(\.name), ["Thừa Thiên Huế", "Đà Nẵng", "Quảng Ngãi", "Bưu điện các tỉnh"])
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
