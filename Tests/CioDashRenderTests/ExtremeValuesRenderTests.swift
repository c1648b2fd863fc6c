import XCTest
import CioDashCore
@testable import CioDashRender
@testable import CioDashApp
import CioDashTestSupport

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
        let frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state,
                                           width: 80, height: 24, clock: ScreenComposer.Clock(now: 0, wall: "08:00"))
        XCTAssertEqual(frame.grid.lines.count, 24)
        XCTAssertTrue(frame.grid.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        XCTAssertTrue(frame.grid.lines.contains { $0.contains("ẾẾẾẾẾ") }, frame.grid.lines.joined(separator: "\n"))
    }

    // MARK: Issue 28, class 1: a target or value past Int in a bar

    /// Values and targets a file can hold (the loader takes any finite number, and a share's target
    /// of 1e20 only warns): 12 values × 9 targets = 108 combinations.
    static let barValues: [Double] = [0, 1, 50, 100, 101, 1e15, 1e20, 9.3e18, 1e308, .greatestFiniteMagnitude, 5e-324, -1e20]
    static let barTargets: [Double?] = [nil, 0, 100, 1e15, 1e20, 9.3e18, 1e308, 5e-324, -1e300]

    func testTheBarOfEveryValueAndTargetIsItsWidth() {
        for value in Self.barValues + [.nan, .infinity, -.infinity] {
            for target in Self.barTargets + [.nan, .infinity] {
                for isShare in [true, false] {
                    for largest in [nil, 1e308, 3] as [Double?] {
                        for width in [1, 6, 24, 200] {
                            let cells = ValueBar.cells(value: value, target: target, isShare: isShare, width: width, largest: largest)
                            XCTAssertEqual(cells.count, width, "value \(value), target \(String(describing: target)), share \(isShare)")
                        }
                    }
                }
            }
        }
        // A share's target past 100 is marked in the last cell, not past the bar.
        XCTAssertEqual(ValueBar.text(value: 50, target: 1e20, isShare: true, width: 8), "████░░░┊")
        XCTAssertEqual(ValueBar.text(value: 50, target: 1e20, isShare: true, width: 8).unicodeScalars.count, 8)
    }

    /// One meeting per target, a province per value, the figure both a share and a count and the
    /// headline of its topic: every view that draws a bar (overview, topic, province, panel, history)
    /// draws all 108 combinations within its width.
    func testEveryViewDrawsEveryValueAndTargetCombination() {
        for target in Self.barTargets {
            var meeting = MeetingFixture.make()
            meeting.topics[0].headline = "share"
            meeting.topics[1].headline = "count"
            var reports: [String: [String: TopicReport]] = [:]
            meeting.provinces = Self.barValues.enumerated().map { i, value in
                let topics = [
                    "smart-city": TopicReport(status: .onTrack, metrics: [Metric(id: "share", label: "Tỷ lệ", value: value, target: target, unit: "%")]),
                    "digital-signatures": TopicReport(status: .behind, metrics: [Metric(id: "count", label: "Số", value: value, target: target, unit: "người")]),
                ]
                reports["p\(i)"] = topics
                return ProvinceReport(id: "p\(i)", name: "Tỉnh \(i)", topics: topics, file: "provinces/p\(i).yaml")
            }
            meeting.previous = PreviousMeeting(title: "2018", date: LocalDate(year: 2018, month: 8, day: 1)!, reports: reports)
            var views = ViewRenderer.allViews(of: meeting)
            views += meeting.provinces.flatMap { p in meeting.topics.map { ViewID.history(province: p.id, topic: $0.id) } }
            for width in [33, 120] {
                let snapshot = Snapshot(meeting: meeting, language: .vi, width: width, generatedAt: 0)
                for view in views {
                    let lines = snapshot.lines(for: view)
                    XCTAssertFalse(lines.joined().isEmpty, "\(view), target \(String(describing: target))")
                    for line in lines where DisplayWidth.of(line) > width {
                        XCTFail("\(view) at width \(width), target \(String(describing: target)): a line of \(DisplayWidth.of(line)) cells")
                    }
                }
            }
        }
    }

    // MARK: Issue 28, class 2: durations past Int on the presenter's screen

    /// A countdown state as a presenter may send it (`spent`, `runningFor` of ±1e308): the banner,
    /// the speaker view and the agenda and closing slides draw it, clamped, without trapping.
    func testDurationsPastIntAreDrawnClamped() {
        let meeting = MeetingFixture.make()
        let navigator = Navigator(meeting: meeting)
        let hostile: [Double] = [1e308, -1e300, -1e308, .greatestFiniteMagnitude, 9.3e18, -9.3e18, 1e20, .infinity, .nan]
        for spent in hostile {
            for runningFor in hostile + [0] {
                var timer = TopicTimer()
                timer.spent = ["smart-city": spent, "digital-signatures": spent]
                timer.activeTopic = "smart-city"
                timer.runningSince = 100 - runningFor
                for view in [ViewID.topic("smart-city"), .agenda, .closing, .panel(province: "thua-thien-hue", topic: "smart-city")] {
                    var state = NavigationState(mode: .present, view: view, language: .vi)
                    state.timer = timer
                    let clock = ScreenComposer.Clock(now: 100, wall: "08:00")
                    let frame = ScreenComposer.compose(navigator: navigator, state: state, width: 80, height: 24, clock: clock)
                    let speaker = SpeakerView.compose(navigator: navigator, state: state, width: 100, height: 30, clock: clock,
                                                      notice: nil, notesScroll: 0)
                    XCTAssertEqual(frame.grid.lines.count, 24)
                    XCTAssertEqual(speaker.grid.lines.count, 30)
                }
            }
        }
        XCTAssertEqual(ScreenComposer.mmss(1e308), SessionTiming.mmss(WholeNumber.secondsLimit))
        XCTAssertEqual(ScreenComposer.mmss(-1e300), "-" + SessionTiming.mmss(WholeNumber.secondsLimit))
        XCTAssertEqual(ScreenComposer.mmss(.nan), "00:00")
        XCTAssertEqual(ScreenComposer.mmss(65.9), "01:05")
        XCTAssertEqual(SessionTiming.mmss(-65), "-01:05")
    }

    func testWholeNumberClampsAndRounds() {
        XCTAssertEqual(WholeNumber.clamped(1e20, to: 0...10), 10)
        XCTAssertEqual(WholeNumber.clamped(-1e300, to: -5...10), -5)
        XCTAssertEqual(WholeNumber.clamped(.nan, to: 3...10), 3)
        XCTAssertEqual(WholeNumber.clamped(.nan, to: -10...(-3)), -3)
        XCTAssertEqual(WholeNumber.clamped(.infinity, to: Int.min...Int.max), Int.max)
        XCTAssertEqual(WholeNumber.clamped(-.infinity, to: Int.min...Int.max), Int.min)
        XCTAssertEqual(WholeNumber.clamped(9.2233720368547748e18, to: Int.min...Int.max), 9_223_372_036_854_774_784)
        XCTAssertEqual(WholeNumber.cells(2.5, limit: 8), 3)
        XCTAssertEqual(WholeNumber.cells(2.1, .up, limit: 8), 3)
        XCTAssertEqual(WholeNumber.seconds(-0.5), -1)
        XCTAssertEqual(WholeNumber.seconds(1e308), WholeNumber.secondsLimit)
    }
}
