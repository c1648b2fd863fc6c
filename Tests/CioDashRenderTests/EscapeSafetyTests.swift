import XCTest
import CioDashCore
@testable import CioDashRender
@testable import CioDashApp

/// Escape sequences in every text field never come out of the renderer: not in a snapshot (text or
/// Markdown, every view, both languages, several widths), not in a screen frame; they are shown as
/// text instead. The bytes the terminal receives are checked in EndToEndTests/EscapeBytesEndToEndTests.
final class EscapeSafetyTests: XCTestCase {
    private var hostile: HostileMeeting!

    override func setUpWithError() throws {
        hostile = try HostileMeeting()
    }

    override func tearDown() {
        hostile = nil
    }

    /// The first scalar a terminal would obey (C0 other than a line break, DEL, C1) or that reorders
    /// text (bidi controls), with where it is.
    private func firstDangerous(in text: String) -> String? {
        for (offset, s) in text.unicodeScalars.enumerated() {
            let v = s.value
            let control = (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || [0x200E, 0x200F, 0x061C].contains(v)
            if control || bidi {
                let context = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(max(0, offset - 30)).prefix(60)))
                return "U+\(String(v, radix: 16, uppercase: true)) at scalar \(offset): \(context.debugDescription)"
            }
        }
        return nil
    }

    func testSnapshotsCarryNoControlCharacter() throws {
        let meeting = try hostile.meeting
        let views = ViewRenderer.everyView(of: meeting)
        XCTAssertEqual(views.count, 2 + 1 + 4 + 4 + 3, "agenda, overview, one topic, four provinces, four panels, the board, the units, the tasks")
        for width in [20, 40, 80, 120, 200] {
            for language in [Language.vi, .en] {
                let snapshot = Snapshot(meeting: meeting, language: language, width: width, generatedAt: 0)
                for (format, text) in [("text", snapshot.text(for: views)), ("markdown", snapshot.markdown(for: views))] {
                    XCTAssertNil(firstDangerous(in: text), "\(format) snapshot, width \(width), \(language)")
                }
            }
        }
    }

    func testEveryTextFieldIsShownVisibly() throws {
        let meeting = try hostile.meeting
        let views = ViewRenderer.everyView(of: meeting)
        let text = [Language.vi, .en].map {
            Snapshot(meeting: meeting, language: $0, width: 400, generatedAt: 0).text(for: views)
        }.joined()
        for tag in HostileMeeting.tags {
            // Only the start is sure to show: a unit sits in a 15-cell value column.
            XCTAssertTrue(text.contains(tag + "^[]"), "\(tag): expected its escape shown as ^[ text")
        }
        XCTAssertTrue(text.contains("Kname" + HostileMeeting.payloadShown), "the whole payload, every control visible")
    }

    func testScreenFramesCarryNoControlCharacter() throws {
        let meeting = try hostile.meeting
        let clock = ScreenComposer.Clock(now: 0, wall: "08:00")
        for (width, height) in [(40, 12), (80, 24), (200, 50)] {
            for mode in [NavigationState.Mode.browse, .present] {
                for view in ViewRenderer.everyView(of: meeting) {
                    var state = NavigationState(mode: mode, view: view, language: .vi)
                    state.message = "saved " + HostileMeeting.payload
                    let frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state,
                                                       width: width, height: height, clock: clock,
                                                       notice: HostileMeeting.payload)
                    let text = frame.grid.cells.map(\.text).joined()
                    XCTAssertNil(firstDangerous(in: text), "\(view) at \(width)×\(height) in \(mode)")
                }
            }
        }
    }
}
