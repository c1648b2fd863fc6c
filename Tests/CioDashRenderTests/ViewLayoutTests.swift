import Foundation
import XCTest
import CioDashCore
import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

final class ViewLayoutTests: XCTestCase {
    func views(_ meeting: Meeting) -> [ViewID] { ViewRenderer.allViews(of: meeting) }

    func testNoLineIsWiderThanTheWidth() {
        let meeting = MeetingFixture.make()
        for width in 40...240 {
            for language in Language.allCases {
                let snapshot = Snapshot(meeting: meeting, language: language, width: width, generatedAt: 0)
                for view in views(meeting) {
                    for line in snapshot.lines(for: view) {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(view) at \(width) \(language): \(line)")
                    }
                }
            }
        }
    }

    func testNFDInputRendersIdenticallyToNFC() {
        let nfc = Snapshot(meeting: MeetingFixture.make(), language: .vi, width: 100, generatedAt: 0)
        let nfd = Snapshot(meeting: MeetingFixture.make(nfd: true), language: .vi, width: 100, generatedAt: 0)
        for view in views(MeetingFixture.make()) {
            // Grid cells compare by scalars so the two only match if layout and widths agree.
            let a = nfc.lines(for: view).map { Array($0.precomposedStringWithCanonicalMapping.unicodeScalars) }
            let b = nfd.lines(for: view).map { Array($0.precomposedStringWithCanonicalMapping.unicodeScalars) }
            XCTAssertEqual(a, b, "\(view)")
        }
    }

    func testEscapeSequencesInDataReachNoOutput() {
        let meeting = MeetingFixture.make()
        // English: the Vietnamese screen names a broken file's place, not the loader's English sentence.
        let text = Snapshot(meeting: meeting, language: .en, width: 120, generatedAt: 0).text(for: views(meeting))
        XCTAssertFalse(text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        XCTAssertTrue(text.contains("^[]0;pwned^G"), "the OSC sequence in the broken reason is shown visibly")
    }

    func testScreenKeepsTheSelectionVisibleAndClampsScroll() {
        let meeting = MeetingFixture.make()
        let nav = Navigator(meeting: meeting)
        var state = NavigationState(view: .overview, language: .vi)
        state.province = "kon-tum"
        let clock = ScreenComposer.Clock(now: 0, wall: "08:00")
        let frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 80, height: 12, clock: clock)
        XCTAssertEqual(frame.grid.height, 12)
        XCTAssertTrue(frame.grid.lines.contains { $0.contains("kon-tum") }, "selected third row is on screen at 80×12")
        state.scroll = 10_000
        state.followSelection = false
        let bottom = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 80, height: 24, clock: clock)
        XCTAssertLessThan(bottom.scroll, 10_000)
    }

    /// Issue 26 item 7: the dashboard's reporting board (key b) shows clock times in the screen's
    /// time zone, as `status` does, and says which; a body drawn for one zone is not reused for another.
    func testTheBoardOnScreenShowsTheScreensTimeZone() throws {
        let meeting = try MeetingFixture.sample()
        let state = NavigationState(view: .status, language: .vi)
        let cache = ViewBodyCache()
        func screen(_ offset: Int?) -> String {
            ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 200, height: 60,
                                   clock: .init(now: 0, wall: "08:00", utcOffset: offset), cache: cache).grid.lines.joined(separator: "\n")
        }
        XCTAssertTrue(screen(7 * 3600).contains("giờ địa phương (UTC+7)"))
        XCTAssertTrue(screen(nil).contains("giờ UTC"), "a body drawn for UTC+7 is not shown for UTC")
    }

    func testTooSmallTerminalSaysWhatItNeeds() {
        let meeting = MeetingFixture.make()
        let state = NavigationState(view: .overview, language: .en)
        let frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 30, height: 8,
                                           clock: .init(now: 0, wall: "08:00"))
        let text = frame.grid.lines.joined(separator: " ")
        XCTAssertTrue(text.contains("Terminal too small"), text)
        XCTAssertTrue(text.contains("40×12"), text)
        let tiny = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 1, height: 1,
                                          clock: .init(now: 0, wall: "08:00"))
        XCTAssertEqual(tiny.grid.width, 1)
    }

    func testPresenterBannerShowsSlideClockAndOverrun() {
        let meeting = MeetingFixture.make()
        let nav = Navigator(meeting: meeting)
        var state = NavigationState(mode: .present, language: .vi)
        state = nav.update(state, .character("1"), now: 0).0
        let onTime = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 100, height: 30,
                                            clock: .init(now: 600, wall: "08:10")).grid.lines.joined(separator: "\n")
        XCTAssertTrue(onTime.contains("Trang 3/11"), onTime)
        XCTAssertTrue(onTime.contains("08:10"))
        XCTAssertTrue(onTime.contains("còn 20:00"), onTime)
        XCTAssertFalse(onTime.contains("⏱"), "a glyph projector fonts lack")
        let late = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 100, height: 30,
                                          clock: .init(now: 1_935, wall: "08:32")).grid.lines.joined(separator: "\n")
        XCTAssertTrue(late.contains("‼ quá giờ +02:15"), late)
    }
}
