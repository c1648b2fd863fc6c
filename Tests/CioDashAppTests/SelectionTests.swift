import XCTest
import CioDashCore
import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// The selection is drawn apart from the view (roles only), and the screen keeps a view's body
/// between key presses: these tests hold both to what the user sees.
final class SelectionTests: XCTestCase {
    let clock = ScreenComposer.Clock(now: 0, wall: "08:00")

    /// Cells of a frame in a role, as (x, y).
    private func cells(_ grid: Grid, _ role: StyleRole) -> [[Int]] {
        var out: [[Int]] = []
        for y in 0..<grid.height { for x in 0..<grid.width where grid[x, y].role == role { out.append([x, y]) } }
        return out
    }

    private func row(_ grid: Grid, containing text: String) -> Int? {
        (0..<grid.height).first { grid.line($0).contains(text) }
    }

    func testOverviewMarksTheChosenCellAndTheProvinceName() throws {
        let meeting = MeetingFixture.make()
        var state = NavigationState(view: .overview, language: .vi)
        state.province = "dak-lak"
        state.topic = "digital-signatures"   // the second topic
        let frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state,
                                           width: 100, height: 24, clock: clock)
        let y = try XCTUnwrap(row(frame.grid, containing: "Đắk Lắk"))
        let (nameWidth, columnWidth) = OverviewView.columnWidths(meeting, width: 98)
        let selected = cells(frame.grid, .selected)
        // One topic cell, on the province's row, columnWidth wide, where the second column starts
        // (the body sits one cell in from the screen's left edge).
        XCTAssertEqual(selected, (0..<columnWidth).map { [1 + nameWidth + columnWidth + $0, y] })
        let name = (0..<frame.grid.width).filter { frame.grid[$0, y].role == .header }
        XCTAssertEqual(name, Array(1...DisplayWidth.of("Đắk Lắk")), "the name, and only the name, is in the header role")
    }

    func testBrokenProvinceRowIsMarkedWhole() throws {
        let meeting = MeetingFixture.make()
        var state = NavigationState(view: .overview, language: .en)
        state.province = try XCTUnwrap(meeting.provinces.first { $0.isBroken }).id
        let frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state,
                                           width: 100, height: 24, clock: clock)
        let y = try XCTUnwrap(row(frame.grid, containing: "kon-tum"))
        let (nameWidth, _) = OverviewView.columnWidths(meeting, width: 98)
        XCTAssertEqual(cells(frame.grid, .selected), (nameWidth..<98).map { [1 + $0, y] })
    }

    func testTopicAgendaAndProvinceSelectionRows() throws {
        let meeting = MeetingFixture.make()
        let deck = PresenterDeck(meeting: meeting)
        var state = NavigationState(view: .topic("smart-city"), language: .vi)
        state.province = "dak-lak"   // second in the smart-city ranking
        var frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 90, height: 24, clock: clock)
        var rows = Set(cells(frame.grid, .selected).map { $0[1] })
        XCTAssertEqual(rows.count, 1, "one ranked province row")
        XCTAssertEqual(cells(frame.grid, .selected).count, 88, "the whole body width")

        state = NavigationState(view: .agenda, language: .vi)
        state.topic = "digital-signatures"
        frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 90, height: 24, clock: clock)
        rows = Set(cells(frame.grid, .selected).map { $0[1] })
        let chuKySo = try XCTUnwrap(row(frame.grid, containing: "Triển khai chữ ký số"))
        XCTAssertTrue(rows.contains(chuKySo), "the second agenda item's rows")
        XCTAssertFalse(rows.contains(try XCTUnwrap(row(frame.grid, containing: "Phát triển dịch vụ"))))

        state = NavigationState(view: .province("thua-thien-hue"), language: .en)
        state.topic = "digital-signatures"
        frame = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 90, height: 40, clock: clock)
        let rule = try XCTUnwrap(row(frame.grid, containing: "2. Digital signatures"))
        XCTAssertEqual(Set(cells(frame.grid, .selected).map { $0[1] }), [rule], "the topic's rule line")
    }

    /// Every key of a long walk through every view, with a search, a language switch and two
    /// screen sizes: the frame drawn from the kept body is the frame drawn afresh.
    func testKeptBodyDrawsTheSameFramesAsDrawingAfresh() {
        let meeting = MeetingFixture.make()
        let navigator = Navigator(meeting: meeting)
        // A roomy cache and one that keeps a single body: both draw what drawing afresh draws.
        let caches = [ViewBodyCache(), ViewBodyCache(maxEntries: 1)]
        var state = NavigationState(view: .agenda, language: .vi)
        var keys: [Key] = [.down, .down, .up, .escape, .down, .down, .right, .right, .left, .enter, .down, .up, .escape, .tab, .down, .down,
                           .enter, .pageDown, .pageUp, .escape, .tab, .down, .end, .home, .tab, .down, .enter,
                           .character("L"), .down, .up, .backTab, .character("/")]
        keys += "dak lak".map { .character($0) } + [.enter, .character("n"), .down, .character("L"), .escape]
        keys += [.backTab, .backTab, .down, .enter, .escape, .character("?"), .escape]
        var views = Set<String>()
        for (i, key) in keys.enumerated() {
            state = navigator.update(state, key).0
            let (w, h) = i % 7 == 3 ? (80, 24) : (160, 40)
            let fresh = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: w, height: h,
                                               clock: clock)
            var kept = fresh
            for cache in caches {
                kept = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: w, height: h,
                                              clock: clock, cache: cache)
                XCTAssertEqual(kept.grid, fresh.grid, "after key \(i) (\(key)) in \(state.view)")
                XCTAssertEqual(kept.scroll, fresh.scroll)
            }
            state.scroll = kept.scroll
            state.pageSize = max(1, kept.viewport)
            views.insert(String(state.view.description.prefix { $0 != ":" }))
        }
        XCTAssertEqual(views, ["agenda", "overview", "topic", "province", "panel"], "the walk reaches every kind of view")
    }

    func testRecentBodiesAreKeptWithinTheirLimits() {
        let meeting = MeetingFixture.make()
        let deck = PresenterDeck(meeting: meeting)
        let views: [ViewID] = [.overview, .topic("smart-city"), .province("dak-lak"), .agenda]
        func visit(_ cache: ViewBodyCache, _ list: [ViewID]) {
            for view in list {
                let state = NavigationState(view: view, language: .vi)
                let kept = ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 100, height: 24,
                                                  clock: clock, cache: cache)
                XCTAssertEqual(kept.grid, ScreenComposer.compose(navigator: Navigator(meeting: meeting), state: state, width: 100,
                                                                 height: 24, clock: clock).grid, "\(view)")
            }
        }
        let roomy = ViewBodyCache()
        visit(roomy, views + views.reversed())
        XCTAssertEqual(roomy.count, 4, "each view once, however often it was shown")
        let two = ViewBodyCache(maxEntries: 2)
        visit(two, views)
        XCTAssertEqual(two.count, 2)
        let small = ViewBodyCache(maxCells: 10)
        visit(small, views)
        XCTAssertEqual(small.count, 1, "over the cell budget only the newest body stays")
        roomy.meetingChanged()
        XCTAssertEqual(roomy.count, 0)
    }

    func testMeetingChangedDrawsTheNewMeeting() {
        let old = MeetingFixture.make()
        var renamed = MeetingFixture.make()
        renamed.provinces[0].name = "Huế (đã sửa)"
        let cache = ViewBodyCache()
        let state = NavigationState(view: .overview, language: .vi)
        let deck = PresenterDeck(meeting: old)
        _ = ScreenComposer.compose(navigator: Navigator(meeting: old), state: state, width: 100, height: 24, clock: clock, cache: cache)
        cache.meetingChanged()
        let frame = ScreenComposer.compose(navigator: Navigator(meeting: renamed), state: state, width: 100, height: 24,
                                           clock: clock, cache: cache)
        XCTAssertTrue(frame.grid.lines.contains { $0.contains("Huế (đã sửa)") })
        XCTAssertEqual(frame.grid, ScreenComposer.compose(navigator: Navigator(meeting: renamed), state: state, width: 100, height: 24,
                                                          clock: clock).grid)
    }
}
