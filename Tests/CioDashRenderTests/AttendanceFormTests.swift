import CioDashCore
import CioDashSamples
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Issue 26 item 14: the minutes forms as a secretary types into them live.
final class AttendanceFormTests: XCTestCase {
    private func record(_ meeting: Meeting) -> MinutesRecord {
        MinutesRecord(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: 7 * 3600)
    }

    /// The presenter on the agenda slide with the attendance form open (`m`).
    private func attendance(_ folder: URL = SampleMeetings.council2026) throws -> AppState {
        let meeting = try GoldenSnapshotTests.sample(folder)
        var app = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: .init(now: 0, wall: "08:00"),
                                minutes: record(meeting))
        app = AppCore.update(app, .key(.character("m"))).0
        XCTAssertNotNil(app.minutes?.editor, "m opens the attendance form")
        return app
    }

    private func type(_ text: String, into app: AppState) -> AppState {
        text.reduce(app) { AppCore.update($0, .key(.character($1))).0 }
    }

    /// The chair field starts with the meeting's chairs (the minutes' default); what the secretary
    /// types changes that text, and the journal holds exactly what the form shows.
    func testItem14TheChairFieldStartsWithTheMeetingsChairs() throws {
        var app = try attendance()
        let chairs = app.meeting.chairs.joined(separator: "; ")
        XCTAssertFalse(chairs.isEmpty)
        XCTAssertEqual(app.minutes?.editor?.focused, .chair)
        XCTAssertEqual(app.minutes?.editor?.editor(.chair).text, chairs, "the default shown, to keep or change")
        XCTAssertEqual(app.minutes?.record.text(.chair), "", "opening the form writes nothing")
        app = type(" (chủ trì)", into: app)
        XCTAssertEqual(app.minutes?.record.text(.chair), chairs + " (chủ trì)", "the journal holds what the form shows")
    }

    /// Every field's label is whole at 80 columns (wrapped, never cut).
    func testItem14EveryLabelOfTheAttendanceFormIsWholeAt80Columns() throws {
        var app = try attendance()
        let grid = app.frame(width: 80, height: 24).grid
        let text = (0..<grid.height).map { grid.line($0) }.joined(separator: " ")
            .replacingOccurrences(of: "│", with: " ").split(separator: " ").joined(separator: " ")
        XCTAssertFalse(text.contains("…"), text)
        for field in [MinutesField.chair, .secretary, .absent, .guests] {
            let label = MinutesLabels.forLanguage(.vi).fieldLabel(field)
            XCTAssertTrue(text.contains(label.split(separator: " ").joined(separator: " ")), "\(label)\n\(text)")
        }
    }

    /// Tab after the last assignment reaches the notes, and what is typed there is a note.
    func testItem14TabAfterTheLastAssignmentReachesTheNotes() throws {
        let meeting = MeetingFixture.make()
        var editor = MinutesEditor(topic: "smart-city", record: record(meeting))
        var record = record(meeting)
        func keys(_ keys: [Key]) { for k in keys { for e in editor.handle(k, width: 60, at: 0).entries { _ = record.apply(e) } } }
        func type(_ s: String) { keys(s.map { Key.character($0) }) }
        keys([.tab])
        XCTAssertEqual(editor.focused, .assignment(topic: "smart-city", row: 1, part: .who))
        type("Huế"); keys([.tab]); type("IOC"); keys([.tab]); type("30/9")
        keys([.tab])
        XCTAssertEqual(editor.focused, .notes(topic: "smart-city"), "Tab after the last assignment: the notes")
        type("ý kiến")
        XCTAssertEqual(record.text(.notes(topic: "smart-city")), "ý kiến")
        XCTAssertEqual(record.assignments("smart-city").filter { !$0.who.isEmpty || !$0.what.isEmpty || !$0.due.isEmpty }.count, 1)
        keys([.backTab])
        XCTAssertEqual(editor.focused, .assignment(topic: "smart-city", row: 1, part: .due), "Shift-Tab comes back to it")
    }

    /// A row emptied again is removed from the form: there is one empty row, the last.
    func testItem14EmptyRowsAreRemoved() throws {
        let meeting = MeetingFixture.make()
        var editor = MinutesEditor(topic: "smart-city", record: record(meeting))
        func keys(_ keys: [Key]) { for k in keys { _ = editor.handle(k, width: 60, at: 0) } }
        func rows() -> [Int] {
            Array(Set(editor.fields.compactMap { f -> Int? in if case .assignment(_, let r, _) = f { return r } else { return nil } })).sorted()
        }
        keys([.tab, .character("a"), .enter, .enter, .enter])   // row 1 typed, then down to row 2
        XCTAssertEqual(editor.focused, .assignment(topic: "smart-city", row: 2, part: .who))
        keys([.character("b")])
        XCTAssertEqual(rows(), [1, 2, 3], "typing into row 2 offers row 3")
        keys([.backspace, .up])
        XCTAssertEqual(rows(), [1, 2], "row 2 emptied again: one empty row, the last")
    }
}
