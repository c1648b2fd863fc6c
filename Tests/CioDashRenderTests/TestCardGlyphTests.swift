import CioDashCore
import CioDashSamples
import XCTest
@testable import CioDashApp
@testable import CioDashRender

/// `ciodash testcard` shows every symbol the screens draw, so a presenter can check the font first.
final class TestCardGlyphTests: XCTestCase {
    func testEverySymbolOnTheScreensIsOnTheTestCard() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
        let navigator = Navigator(meeting: meeting)
        var symbols = Set<Unicode.Scalar>()
        for mode in [NavigationState.Mode.browse, .present] {
            for view in mode == .present ? navigator.deck.slides : ViewRenderer.allViews(of: meeting) {
                for help in [false, true] where !help || view == .overview || view == .agenda {
                    var state = NavigationState(mode: mode, view: view, language: .vi)
                    state.showHelp = help
                    state.timer.activate(view.topicID, now: 0)
                    for now in [0.0, 1700, 1900] {
                        let grid = ScreenComposer.compose(navigator: navigator, state: state, width: 100, height: 30,
                                                          clock: .init(now: now, wall: "08:00")).grid
                        for y in 0..<grid.height {
                            for s in grid.line(y).unicodeScalars where !s.isASCII && !s.properties.isAlphabetic
                                && s.properties.generalCategory != .nonspacingMark && !s.properties.isWhitespace {
                                symbols.insert(s)
                            }
                        }
                    }
                }
            }
        }
        let card = TestCard(sizeText: "100×30", terminalName: "xterm", localeCodeset: "UTF-8", colour: true, themeName: "projector")
            .render(width: 100, height: 30)
        let shown = Set((0..<card.height).flatMap { card.line($0).unicodeScalars })
        let missing = symbols.subtracting(shown).sorted { $0.value < $1.value }
        XCTAssertEqual(missing.map { String($0) }, [], "symbols on the screens but not on the test card")
        XCTAssertFalse(symbols.contains("⏱"), "the stopwatch glyph is a box in DejaVu Sans Mono")
    }
}
