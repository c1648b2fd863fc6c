import CioDashApp
import CioDashCore
import CioDashRender
import CioDashSamples
import CioDashTerminal
import XCTest

/// Every styled cell of every screen, at two sizes, browsing and presenting, with the help open and
/// closed: its text against its background, measured with the WCAG formula under xterm's default
/// palette. The projector needs 7:1; the laptop themes 4.5:1.
final class ThemeContrastTests: XCTestCase {
    static let required: [(Theme, Double)] = [(.projector, 7), (.default, 4.5), (.mono, 4.5)]

    /// The roles that carry visible text on some screen of the sample, and one place each was seen.
    func rolesOnScreen() throws -> [StyleRole: String] {
        let result = MeetingLoader().load(folder: SampleMeetings.hue2019.path)
        let meeting = try XCTUnwrap(result.meeting)
        let navigator = Navigator(meeting: meeting)
        var seen: [StyleRole: String] = [:]
        for (width, height) in [(80, 24), (200, 60)] {
            for mode in [NavigationState.Mode.browse, .present] {
                let views = mode == .present ? navigator.deck.slides : ViewRenderer.allViews(of: meeting)
                for view in views {
                    for help in [false, true] where !help || view == .overview {
                        var state = NavigationState(mode: mode, view: view, language: .vi)
                        state.showHelp = help
                        state.search = SearchKey.fold("hue")
                        state.message = "Đã lưu"
                        // An overrun countdown on the topics' slides.
                        state.timer.activate(view.topicID, now: 0)
                        let grid = ScreenComposer.compose(navigator: navigator, state: state, width: width, height: height,
                                                          clock: .init(now: 4000, wall: "09:06"),
                                                          notice: "1 lỗi trong thư mục").grid
                        for y in 0..<grid.height {
                            for x in 0..<grid.width where grid[x, y].base != " " && !grid[x, y].isContinuation {
                                let role = grid[x, y].role
                                if seen[role] == nil { seen[role] = "\(mode) \(view) \(width)×\(height) row \(y): \(grid.line(y))" }
                            }
                        }
                    }
                }
            }
        }
        return seen
    }

    func testEveryStyledCellIsReadableInEveryTheme() throws {
        let roles = try rolesOnScreen()
        XCTAssertGreaterThan(roles.count, 10, "the screens use most roles")
        for (theme, minimum) in Self.required {
            for (role, place) in roles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let ratio = XtermPalette.contrast(theme.style(for: role))
                XCTAssertGreaterThanOrEqual(ratio, minimum, "\(theme.name) \(role): \(String(format: "%.2f", ratio)):1, e.g. \(place)")
            }
        }
    }

    func testTheModelMatchesWhatWasSeenOnTheProjector() {
        // The issue's report: bold black on yellow is grey on yellow in xterm (bold brightens black to grey).
        let greyOnYellow = XtermPalette.contrast(Theme.Style([.bold], foreground: .black, background: .yellow))
        XCTAssertLessThan(greyOnYellow, 3)
        XCTAssertEqual(XtermPalette.contrast(Theme.Style()), 21, accuracy: 0.01, "black on white")
    }
}
