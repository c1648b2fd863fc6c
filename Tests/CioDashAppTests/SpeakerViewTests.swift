import CioDashCore
import CioDashSamples
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// The speaker view (`ciodash follow --speaker`): its layout at 80×24 and on a large screen, as
/// golden text, and the keys that drive the presenter or scroll the notes.
final class SpeakerViewTests: XCTestCase {
    let now = 10_000.0

    /// A speaker view of the 2019 sample, joined, with the presenter on `slide`, `spent` seconds into
    /// its topic (the countdown running); on any slide but the first topic's, 100 s behind (the first
    /// topic ran 31:40 of its 30 minutes).
    func speaker(on slide: ViewID, spent: Double, language: Language = .vi, notes: String? = nil) throws -> AppState {
        var meeting = try MeetingFixture.sample()
        if let notes { meeting.topics[0].notes = notes }
        var app = AppCore.start(meeting: meeting, mode: .present, language: language, clock: .init(now: now, wall: "08:42"))
        app.follow = FollowState(presenter: "127.0.0.1:7420", ownFingerprint: nil)
        app.follow?.speaker = true
        let deck = PresenterDeck(meeting: meeting)
        let topic = slide.topicID
        let share = PresenterShare(revision: 7, slide: slide, slideNumber: (deck.index(of: slide) ?? 0) + 1,
                                   slideCount: deck.slides.count,
                                   spent: topic == "smart-city" ? [:] : ["smart-city": 30 * 60 + 100],
                                   activeTopic: topic, runningFor: topic == nil ? nil : spent, paused: false,
                                   sessionDelta: 100, fingerprint: "f")
        app = AppCore.update(app, .remote(.presenterState(share, receivedAt: now))).0
        app = AppCore.update(app, .tick(.init(now: now, wall: "08:42"))).0
        return app
    }

    /// Whether `screen` shows `text` in block digits (rows compared without their trailing blanks,
    /// as the grid's lines come).
    func showsBig(_ screen: String, _ text: String, scale: Int = 1) -> Bool {
        BigText.lines(text, scale: scale).allSatisfy { row in
            screen.contains(String(row.reversed().drop { $0 == " " }.reversed()))
        }
    }

    func text(_ app: inout AppState, _ width: Int, _ height: Int) -> String {
        app.frame(width: width, height: height).grid.lines.joined(separator: "\n") + "\n"
    }

    func testAt80x24TheSlideTheCountdownTheNextSlideAndTheNotesAllFit() throws {
        var app = try speaker(on: .topic("information-security"), spent: 21 * 60 + 30)
        let screen = text(&app, 80, 24)
        try GoldenFile.assert(screen, name: "speaker-80x24-vi.txt")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].contains("Màn hình người nói · Trang"), lines[0])
        // 25 min budget, 21:30 spent: 03:30 left, in large digits, with the five-minute word.
        XCTAssertEqual(lines.filter { $0.contains("█") }.count, BigText.height, "the countdown is five rows of block digits")
        XCTAssertTrue(screen.contains("Chủ đề 3/4 · 25 phút"), screen)
        XCTAssertTrue(screen.contains("còn lại · ▲ 5 phút cuối"), screen)
        XCTAssertTrue(showsBig(screen, "03:30"), "03:30 in block digits\n\(screen)")
        XCTAssertTrue(screen.contains("Đã họp 1/4 mục: chậm 01:40"), "30 min topic run 31:40: 100 s behind\n\(screen)")
        XCTAssertTrue(screen.contains("Trang tiếp (trang"), screen)
        XCTAssertTrue(screen.contains("Số hệ thống đã được phê duyệt"), "the topic's notes\n\(screen)")
        // The slide, drawn small, on the left: the ranking's own title row is inside its box.
        XCTAssertTrue(lines[1].hasPrefix("┌─ Công tác đảm bảo an toàn"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("│ 3. Công tác đảm bảo an toàn thông tin"), lines[2])
    }

    func testOnALargeScreenTheDigitsAreTwiceAsLargeAndTheNotesTakeTheRightColumn() throws {
        var app = try speaker(on: .panel(province: "da-nang", topic: "smart-city"), spent: 5 * 60, language: .en)
        let frame = app.frame(width: 200, height: 50)
        let screen = frame.grid.lines.joined(separator: "\n") + "\n"
        try GoldenFile.assert(screen, name: "speaker-200x50-en.txt")
        let lines = frame.grid.lines
        // The digits are right of the slide's box (whose panel has value bars of its own).
        XCTAssertEqual(lines.filter { ($0.components(separatedBy: "│").last ?? "").contains("██") }.count,
                       2 * BigText.height, "digits at scale 2")
        let notesRow = try XCTUnwrap(lines.firstIndex { $0.contains("Mở đầu bằng Thừa Thiên Huế") }, screen)
        let line = lines[notesRow]
        let column = DisplayWidth.of(String(line[..<line.range(of: "Mở đầu bằng")!.lowerBound]))
        XCTAssertGreaterThanOrEqual(column, 120, "the notes sit in the right column, beside the slide")
        XCTAssertTrue(lines.dropFirst(1).prefix(40).allSatisfy { $0.hasPrefix("│") || $0.hasPrefix("┌") },
                      "the slide's box runs the whole height on the left")
        XCTAssertTrue(showsBig(screen, "25:00", scale: 2), "30 min budget, 5 min into the topic")
        XCTAssertTrue(screen.contains("Topic 1/4 · 30 min"), screen)
    }

    func testPastTheBudgetTheDigitsCountTheOverrunUp() throws {
        var app = try speaker(on: .topic("digital-signatures"), spent: 21 * 60 + 5, language: .en)
        let screen = text(&app, 100, 30)
        XCTAssertTrue(screen.contains("‼ overrun"), screen)
        XCTAssertTrue(showsBig(screen, "+01:05"), "+01:05 in block digits\n\(screen)")
    }

    func testOnTheAgendaTheNotesAreTheFirstTopicsAndTheDigitsTheTimeOfDay() throws {
        var app = try speaker(on: .agenda, spent: 0)
        let screen = text(&app, 80, 24)
        XCTAssertTrue(screen.contains("Giờ hiện tại"), screen)
        XCTAssertTrue(showsBig(screen, "08:42"), screen)
        XCTAssertTrue(screen.contains("Ghi chú của chủ đề 1 (tiếp theo)"), screen)
        XCTAssertTrue(screen.contains("Trang tiếp (trang 2/"), screen)
    }

    func testUpAndDownScrollLongNotesAndANewTopicStartsAtTheirTop() throws {
        let long = (1...40).map { "Dòng ghi chú số \($0)." }.joined(separator: "\n")
        var app = try speaker(on: .topic("smart-city"), spent: 60, notes: long)
        XCTAssertTrue(text(&app, 80, 24).contains("↓ còn"), "long notes say how much is below")
        XCTAssertTrue(text(&app, 80, 24).contains("Dòng ghi chú số 1."))
        var effects: [AppEffect] = []
        for _ in 0..<3 { (app, effects) = AppCore.update(app, .key(.down)) }
        XCTAssertEqual(effects, [], "↓ scrolls the notes and drives nothing")
        let scrolled = text(&app, 80, 24)
        XCTAssertFalse(scrolled.contains("Dòng ghi chú số 3."), scrolled)
        XCTAssertTrue(scrolled.contains("Dòng ghi chú số 4."), scrolled)
        for _ in 0..<100 { app = AppCore.update(app, .key(.down)).0 }
        let end = text(&app, 80, 24)
        XCTAssertTrue(end.contains("Dòng ghi chú số 40.") && !end.contains("↓ còn"), "scrolled to the end\n\(end)")
        app = AppCore.update(app, .key(.up)).0
        let back = text(&app, 80, 24)
        XCTAssertFalse(back.contains("Dòng ghi chú số 40."), "past the end the scroll stopped at it: one ↑ comes back\n\(back)")
        XCTAssertTrue(back.contains("↓ còn 1 dòng"), back)
        var share = try XCTUnwrap(app.follow?.last)
        share.revision += 1
        share.slide = .topic("public-service-portal")
        share.activeTopic = "public-service-portal"
        app = AppCore.update(app, .remote(.presenterState(share, receivedAt: now))).0
        XCTAssertEqual(app.follow?.notesScroll, 0)
    }

    func testTheSpeakerViewsSlideKeysDriveThePresenterAndAFollowersNever() throws {
        let app = try speaker(on: .topic("smart-city"), spent: 60)
        for (key, command) in [(Key.right, Command.nextSlide), (.character(" "), .nextSlide), (.left, .previousSlide),
                               (.pageUp, .previousSlide), (.character("]"), .nextTopic), (.character("["), .previousTopic),
                               (.character("t"), .toggleTimer), (.enter, .open)] {
            let (after, effects) = AppCore.update(app, .key(key))
            XCTAssertEqual(effects, [.drivePresenter(command)], "\(key)")
            XCTAssertEqual(after.navigation.view, .topic("smart-city"), "the speaker view waits for the presenter's state")
        }
        var follower = app
        follower.follow?.speaker = false
        for key in [Key.right, .character("]"), .character("t")] {
            XCTAssertEqual(AppCore.update(follower, .key(key)).1, [], "a follower's \(key) reaches nobody")
        }
    }

    func testDetachedTheSpeakerBrowsesWithTheOrdinaryScreen() throws {
        var app = try speaker(on: .topic("smart-city"), spent: 60)
        app = AppCore.update(app, .key(.character("f"))).0
        let screen = text(&app, 80, 24)
        XCTAssertFalse(screen.contains("Màn hình người nói"), screen)
        XCTAssertTrue(screen.contains("đang xem tự do"), screen)
    }

    /// The sharing presenter's agenda slide at 80×24: the join box has rows of its own under the
    /// agenda, which fits above it (leaving out what gives way) instead of being covered.
    func testTheJoinLineOnTheAgendaSlideCoversNothing() throws {
        let meeting = try MeetingFixture.sample()
        var shared = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: .init(now: 0, wall: "08:00"))
        shared.share = ShareState(addresses: ["192.168.1.20:7420"], code: "7KQ2M-XW9PD")
        let with = shared.frame(width: 80, height: 24)
        let top = 3, box = 24 - 2 - RoomInfoOverlay.compactHeight
        XCTAssertEqual(with.viewport, box - top)
        XCTAssertTrue(with.grid.line(box).hasPrefix(" ┌"), with.grid.line(box))
        XCTAssertTrue(with.grid.line(box + 1).contains("ciodash follow 192.168.1.20:7420 --code 7KQ2M-XW9PD"))
        XCTAssertTrue((top..<box).contains { with.grid.line($0).contains("Tổng cộng") },
                      "the agenda's total above the box: " + (0..<24).map { with.grid.line($0) }.joined(separator: "\n"))
    }
}
