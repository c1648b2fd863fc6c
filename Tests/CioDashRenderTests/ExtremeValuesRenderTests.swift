import XCTest
import CioDashCore
@testable import CioDashRender

/// Values the loader accepts but no real file holds: the largest finite numbers, subnormals, a
/// 10,000-character name. Every view draws them without trapping and without a line wider than asked.
final class ExtremeValuesRenderTests: XCTestCase {
    private func meeting() -> Meeting {
        var meeting = MeetingFixture.make()
        let huge = [
            Metric(id: "ioc", label: "Dịch vụ IOC", value: 1e308, target: 1.7e308, unit: "dịch vụ", previous: -1e308),
            Metric(id: "share", label: "Tỷ lệ", value: 1e308, target: 100, unit: "%", previous: -1.7976931348623157e308),
            Metric(id: "tiny", label: "Tiny", value: 5e-324, target: 1e-320, previous: 0),
            Metric(id: "max-int", label: "Past Int64", value: 9.3e18, target: 1.8e19, unit: "đồng", previous: 1.7e19),
        ]
        meeting.provinces[0].topics["smart-city"]?.metrics = huge
        meeting.provinces[1].name = String(repeating: "Ế", count: 10_000)
        meeting.provinces[1].topics["smart-city"]?.summary = String(repeating: "Đắk Lắk ", count: 1_250)
        return meeting
    }

    func testEveryViewDrawsWithinItsWidth() {
        let meeting = meeting()
        let views = ViewRenderer.allViews(of: meeting)
        for width in [20, 33, 80, 200] {
            for language in [Language.vi, .en] {
                let snapshot = Snapshot(meeting: meeting, language: language, width: width, generatedAt: 0)
                for view in views {
                    for line in snapshot.lines(for: view) where DisplayWidth.of(line) > width {
                        XCTFail("\(view) at width \(width), \(language): a line of \(DisplayWidth.of(line)) cells: \(line.prefix(80))")
                    }
                }
            }
        }
    }

    func testHugeValuesAreWrittenShort() throws {
        let meeting = meeting()
        let text = Snapshot(meeting: meeting, language: .en, width: 120, generatedAt: 0)
            .text(for: [.panel(province: "thua-thien-hue", topic: "smart-city")])
        XCTAssertTrue(text.contains("1e+308 dịch vụ"), text)
        XCTAssertTrue(text.contains("1e+308%"), text)
        XCTAssertTrue(text.contains("9,300,000,000,"), "below UInt64: grouped digits\n" + text)
        XCTAssertTrue(text.contains("+∞"), "a change too large for a Double shows as infinite:\n" + text)
    }

    func testScreenWithTheLongNameStaysInsideTheFrame() {
        let meeting = meeting()
        var state = NavigationState(view: .province("dak-lak"), language: .vi)
        state.scroll = 0
        let frame = ScreenComposer.compose(index: MeetingIndex(meeting: meeting), state: state,
                                           width: 80, height: 24, clock: ScreenComposer.Clock(now: 0, wall: "08:00"))
        XCTAssertEqual(frame.grid.lines.count, 24)
        XCTAssertTrue(frame.grid.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        XCTAssertTrue(frame.grid.lines.contains { $0.contains("ẾẾẾẾẾ") }, frame.grid.lines.joined(separator: "\n"))
    }
}
