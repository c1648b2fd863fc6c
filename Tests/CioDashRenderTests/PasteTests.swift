import XCTest
import CioDashCore
@testable import CioDashApp
@testable import CioDashRender

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

    func testPastedTextIsOneSafeBoundedLine() {
        XCTAssertEqual(Key.paste(fromTerminal: "a\r\nb\tc\u{1B}[2J"), .paste("a b c^[[2J"))
        guard case .paste(let long) = Key.paste(fromTerminal: String(repeating: "Đ", count: 10_000)) else { return XCTFail() }
        XCTAssertEqual(long.count, Key.longestPaste)
    }
}
