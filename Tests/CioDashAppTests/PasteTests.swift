import XCTest
import CioDashCore
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Issue 16, class 14: a bracketed paste is text for the search prompt, and nothing anywhere else:
/// a pasted "…q…" never quits, "s" never saves, "r" never reloads.
final class PasteTests: XCTestCase {
    let nav = Navigator(meeting: MeetingFixture.make())

    func testPasteIsTypedIntoTheSearchPrompt() {
        var s = NavigationState(view: .overview, language: .vi)
        s.prompt = .search("thừa ")
        let (next, effect) = nav.update(s, .paste(fromTerminal: "thiên\nquit"))
        XCTAssertNil(effect)
        XCTAssertEqual(next.prompt, .search("thừa thiên quit"))
    }

    func testPasteOutsideAPromptDoesNothing() {
        for mode in [NavigationState.Mode.browse, .present] {
            let s = NavigationState(mode: mode, language: .vi)
            for text in ["q", "sqrL?", "1\n2\n", "/dak"] {
                let (next, effect) = nav.update(s, .paste(fromTerminal: text))
                XCTAssertNil(effect, "\(mode) paste \(text.debugDescription)")
                XCTAssertEqual(next, s, "\(mode) paste \(text.debugDescription) changes nothing")
            }
        }
        var help = NavigationState(view: .overview, language: .vi)
        help.showHelp = true
        XCTAssertNil(nav.update(help, .paste(fromTerminal: "q")).1, "q pasted over the help does not quit")
    }

    func testPastedTextDropsControlsAndKeepsLines() {
        XCTAssertEqual(Key.paste(fromTerminal: "a\r\nb\tc\u{1B}[2J\u{9B}"), .paste("a\nb c[2J"))
        guard case .paste(let long, _) = Key.paste(fromTerminal: String(repeating: "Đ", count: 200_000)) else { return XCTFail() }
        XCTAssertEqual(long.count, Key.longestPastedText)
    }

    func testAPromptTakesAPasteAsOneBoundedLine() {
        var s = NavigationState(view: .overview, language: .vi)
        s.prompt = .search("")
        let (next, _) = nav.update(s, .paste(fromTerminal: "a\nb" + String(repeating: "Đ", count: 10_000)))
        guard case .search(let text)? = next.prompt else { return XCTFail("the search prompt stays open") }
        XCTAssertEqual(text.count, Key.longestPaste)
        XCTAssertTrue(text.hasPrefix("a b"), "a line break in a paste is a space in the prompt: \(text.prefix(5))")
    }

    /// Issue 28, class 20: a paste longer than a paste may be was cut with no word; the minutes form says so.
    func testAPasteCutInTheMinutesFormSaysSo() throws {
        let clock = ScreenComposer.Clock(now: 0, wall: "08:00", epoch: 1_564_200_000)
        var state = AppCore.start(meeting: MeetingFixture.make(), mode: .present, language: .en, clock: clock, minutes: MinutesRecord(meetingTitle: "T", meetingDate: LocalDate(year: 2019, month: 7, day: 27)!, utcOffset: 25_200))
        (state, _) = AppCore.update(state, .key(.character("m")))
        XCTAssertNotNil(state.minutes?.editor, "m opens the minutes form")
        (state, _) = AppCore.update(state, .key(.paste(fromTerminal: "short note")))
        XCTAssertNil(state.navigation.message, "a whole paste needs no word")
        let long = Key.paste(fromTerminal: String(repeating: "Đ", count: Key.longestPastedText + 1))
        XCTAssertEqual(long, .paste(String(repeating: "Đ", count: Key.longestPastedText), cut: true))
        (state, _) = AppCore.update(state, .key(long))
        XCTAssertEqual(state.navigation.message, "The paste was too long: only its first 100,000 characters were kept; paste the rest in parts")
        XCTAssertEqual(MinutesLabels.forLanguage(.vi).pasteCut(100_000),
                       "Đoạn dán quá dài: chỉ giữ 100.000 ký tự đầu; dán phần còn lại thành nhiều lần")
        XCTAssertEqual(Key.paste(fromTerminal: "rest", cut: true), .paste("rest", cut: true), "what the terminal reader dropped counts")
    }
}
