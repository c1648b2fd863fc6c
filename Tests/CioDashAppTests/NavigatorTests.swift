import XCTest
import CioDashCore
import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Table tests: (state, key) → expected state or effect, for every key in every view.
final class NavigatorTests: XCTestCase {
    let meeting = MeetingFixture.make()
    lazy var nav = Navigator(meeting: meeting)

    func state(_ view: ViewID, _ configure: (inout NavigationState) -> Void = { _ in }) -> NavigationState {
        var s = NavigationState(view: view, language: .vi)
        configure(&s)
        return s
    }

    struct Row {
        let name: String
        let from: NavigationState
        let key: Key
        let check: (NavigationState, NavigationEffect?) -> Bool
    }

    func run(_ rows: [Row], file: StaticString = #filePath, line: UInt = #line) {
        for row in rows {
            let (s, effect) = nav.update(row.from, row.key)
            XCTAssertTrue(row.check(s, effect), "\(row.name): got view \(s.view), effect \(String(describing: effect)), state \(s)",
                          file: file, line: line)
        }
    }

    func testArrowsScrollTheHelpAndAnyOtherKeyClosesIt() {
        let open = state(.overview) { $0.showHelp = true }
        let (down, _) = nav.update(open, .down)
        XCTAssertTrue(down.showHelp)
        XCTAssertEqual(down.helpScroll, 1)
        let (up, _) = nav.update(down, .up)
        XCTAssertEqual(up.helpScroll, 0)
        let (closed, _) = nav.update(down, .character("x"))
        XCTAssertFalse(closed.showHelp)
        XCTAssertEqual(closed.helpScroll, 0, "the next help opens at its top")
        XCTAssertEqual(closed.view, .overview, "the closing key does nothing else")
    }

    /// Issue 25: the tasks view has its key in browse mode (before, only `--view tasks`, the presenter's
    /// slide and the province view reached it); Esc comes back.
    func testAOpensTheTasksViewAndEscComesBack() {
        let (tasks, _) = nav.update(state(.overview), .character("a"))
        XCTAssertEqual(tasks.view, .tasks)
        let (back, _) = nav.update(tasks, .escape)
        XCTAssertEqual(back.view, .overview)
        XCTAssertEqual(CommandTable.command(for: .character("a"), mode: .browse), .tasksView)
    }

    /// `u` opens the units; ↓ selects the next province, a search selects the match in place, Enter
    /// opens the selected province, Esc comes back.
    func testUOpensTheUnitsAndTheirRowsLeadToTheProvinces() {
        let (units, _) = nav.update(state(.overview), .character("u"))
        XCTAssertEqual(units.view, .units)
        XCTAssertEqual(nav.index.selectedRow(units), 0)
        let (down, _) = nav.update(units, .down)
        XCTAssertEqual(nav.index.selectedRow(down), 1)
        let (opened, _) = nav.update(down, .enter)
        XCTAssertEqual(opened.view, .province(nav.meeting.provinces[1].id))
        let (back, _) = nav.update(opened, .escape)
        XCTAssertEqual(back.view, .units)
        var searched = units
        for key in [Key.character("/")] + "dak lak".map { Key.character($0) } + [.enter] { searched = nav.update(searched, key).0 }
        XCTAssertEqual(searched.view, .units, "the units list the provinces: a match is selected, not opened")
        XCTAssertEqual(searched.province, "dak-lak")
    }

    func testEnterOnAPanelOpensItsHistoryAndEscComesBack() {
        let panel = state(.panel(province: "dak-lak", topic: "smart-city")) { $0.province = "dak-lak"; $0.topic = "smart-city" }
        let (history, _) = nav.update(panel, .enter)
        XCTAssertEqual(history.view, .history(province: "dak-lak", topic: "smart-city"))
        let (right, _) = nav.update(history, .right)
        XCTAssertEqual(right.view, .history(province: "kon-tum", topic: "smart-city"), "→ keeps the history view, next province")
        let (back, _) = nav.update(history, .escape)
        XCTAssertEqual(back.view, panel.view)
    }

    func testEachViewKeepsItsScrollWhenLeftAndComeBackTo() {
        // The composer stores the scroll it used back into the state; 5 stands for a scrolled overview.
        let overview = state(.overview) { $0.province = "dak-lak"; $0.topic = "smart-city"; $0.scroll = 5 }
        let (panel, _) = nav.update(overview, .enter)
        XCTAssertEqual(panel.view, .panel(province: "dak-lak", topic: "smart-city"))
        XCTAssertEqual(panel.scroll, 0, "a view seen for the first time opens at its top")
        var scrolled = panel
        for _ in 0..<3 { scrolled = nav.update(scrolled, .down).0 }
        XCTAssertEqual(scrolled.scroll, 3)
        let (back, _) = nav.update(scrolled, .escape)
        XCTAssertEqual(back.view, .overview)
        XCTAssertEqual(back.scroll, 5, "Esc shows the overview scrolled as it was left")
        XCTAssertTrue(back.followSelection, "the selection is still kept on screen")
        let (again, _) = nav.update(back, .enter)
        XCTAssertEqual(again.scroll, 3, "the panel opens where it was left")
        let (tabbed, _) = nav.update(back, .tab)
        let (tabbedBack, _) = nav.update(nav.update(tabbed, .tab).0, .tab)
        XCTAssertEqual(tabbedBack.view, .overview)
        XCTAssertEqual(tabbedBack.scroll, 5, "Tab round the views comes back to the same place")
    }

    func testScrollMemoryStaysBounded() {
        var s = state(.overview) { $0.province = "dak-lak"; $0.topic = "smart-city"; $0.scroll = 4 }
        for i in 0..<(NavigationState.scrollMemoryLimit + 36) {
            s.scrollMemory[.panel(province: "gone-\(i)", topic: "smart-city")] = i
        }
        let (panel, _) = nav.update(s, .enter)
        XCTAssertLessThanOrEqual(panel.scrollMemory.count, NavigationState.scrollMemoryLimit)
        XCTAssertEqual(panel.scrollMemory[.overview], 4, "the views Esc goes back to keep their place")
        XCTAssertEqual(nav.update(panel, .escape).0.scroll, 4)
    }

    func testOverviewKeys() {
        run([
            Row(name: "down moves the province row", from: state(.overview), key: .down) { s, _ in s.province == "dak-lak" },
            Row(name: "j moves down too", from: state(.overview), key: .character("j")) { s, _ in s.province == "dak-lak" },
            Row(name: "up at the top stays", from: state(.overview), key: .up) { s, _ in s.province == "thua-thien-hue" },
            Row(name: "down at the bottom stays", from: state(.overview) { $0.province = "kon-tum" }, key: .down) { s, _ in s.province == "kon-tum" },
            Row(name: "right moves the topic column", from: state(.overview), key: .right) { s, _ in s.topic == "digital-signatures" },
            Row(name: "l moves right too", from: state(.overview), key: .character("l")) { s, _ in s.topic == "digital-signatures" },
            Row(name: "left at column 0 stays", from: state(.overview), key: .left) { s, _ in s.topic == "smart-city" },
            Row(name: "Enter opens the panel", from: state(.overview) { $0.topic = "digital-signatures" }, key: .enter) { s, _ in
                s.view == .panel(province: "thua-thien-hue", topic: "digital-signatures") && s.history == [.overview]
            },
            Row(name: "Enter on a broken file opens its province view", from: state(.overview) { $0.province = "kon-tum" }, key: .enter) { s, _ in
                s.view == .province("kon-tum")
            },
            Row(name: "Tab goes to the selected topic", from: state(.overview) { $0.topic = "digital-signatures" }, key: .tab) { s, _ in
                s.view == .topic("digital-signatures")
            },
            Row(name: "Shift-Tab goes to the selected province", from: state(.overview) { $0.province = "dak-lak" }, key: .backTab) { s, _ in
                s.view == .province("dak-lak")
            },
            Row(name: "2 opens agenda item 2", from: state(.overview), key: .character("2")) { s, _ in s.view == .topic("digital-signatures") },
            Row(name: "9 beyond the agenda does nothing", from: state(.overview), key: .character("9")) { s, _ in s.view == .overview },
            Row(name: "Esc at the overview stays", from: state(.overview), key: .escape) { s, _ in s.view == .overview },
            Row(name: "PgDn scrolls by a page", from: state(.overview) { $0.pageSize = 10 }, key: .pageDown) { s, _ in
                s.scroll == 9 && !s.followSelection
            },
            Row(name: "PgUp does not go above the top", from: state(.overview), key: .pageUp) { s, _ in s.scroll == 0 },
            Row(name: "Home scrolls to the top", from: state(.overview) { $0.scroll = 5 }, key: .home) { s, _ in s.scroll == 0 },
            Row(name: "End scrolls to the bottom", from: state(.overview), key: .end) { s, _ in s.scroll > 1000 },
        ])
    }

    func testTopicViewKeys() {
        run([
            Row(name: "down moves in the ranking", from: state(.topic("smart-city")), key: .down) { s, _ in s.province == "dak-lak" },
            Row(name: "right goes to the next topic", from: state(.topic("smart-city")), key: .right) { s, _ in
                s.view == .topic("digital-signatures") && s.topic == "digital-signatures"
            },
            Row(name: "left at the first topic stays", from: state(.topic("smart-city")), key: .left) { s, _ in s.view == .topic("smart-city") },
            Row(name: "Enter opens the ranked province's panel", from: state(.topic("smart-city")) { $0.province = "dak-lak" }, key: .enter) { s, _ in
                // Ranked by IOC services: Huế 10, Đắk Lắk 2, broken Kon Tum last.
                s.view == .panel(province: "dak-lak", topic: "smart-city")
            },
            Row(name: "Tab goes on to the province view", from: state(.topic("smart-city")), key: .tab) { s, _ in
                s.view == .province("thua-thien-hue")
            },
            Row(name: "Esc with no history returns to the overview", from: state(.topic("smart-city")), key: .escape) { s, _ in
                s.view == .overview
            },
        ])
    }

    func testProvinceViewKeys() {
        run([
            Row(name: "down selects the next topic", from: state(.province("thua-thien-hue")), key: .down) { s, _ in s.topic == "digital-signatures" },
            Row(name: "right goes to the next province", from: state(.province("thua-thien-hue")), key: .right) { s, _ in
                s.view == .province("dak-lak") && s.province == "dak-lak"
            },
            Row(name: "Enter opens the panel of the selected topic", from: state(.province("dak-lak")) { $0.topic = "digital-signatures" }, key: .enter) { s, _ in
                s.view == .panel(province: "dak-lak", topic: "digital-signatures")
            },
            Row(name: "Tab returns to the overview", from: state(.province("dak-lak")), key: .tab) { s, _ in s.view == .overview },
            Row(name: "Backspace goes back", from: state(.province("dak-lak")) { $0.history = [.topic("smart-city")] }, key: .backspace) { s, _ in
                s.view == .topic("smart-city") && s.history.isEmpty
            },
        ])
    }

    func testPanelAndAgendaKeys() {
        run([
            Row(name: "panel: right goes to the next province, same topic",
                from: state(.panel(province: "thua-thien-hue", topic: "smart-city")), key: .right) { s, _ in
                s.view == .panel(province: "dak-lak", topic: "smart-city")
            },
            Row(name: "panel: down scrolls", from: state(.panel(province: "dak-lak", topic: "smart-city")), key: .down) { s, _ in
                s.scroll == 1 && !s.followSelection
            },
            Row(name: "panel: Esc goes back", from: state(.panel(province: "dak-lak", topic: "smart-city")) { $0.history = [.overview] },
                key: .escape) { s, _ in s.view == .overview },
            Row(name: "agenda: down selects item 2", from: state(.agenda), key: .down) { s, _ in s.topic == "digital-signatures" },
            Row(name: "agenda: Enter opens the topic", from: state(.agenda) { $0.topic = "digital-signatures" }, key: .enter) { s, _ in
                s.view == .topic("digital-signatures") && s.history == [.agenda]
            },
        ])
    }

    func testGlobalKeysInEveryView() {
        let views: [ViewID] = [.overview, .agenda, .topic("smart-city"), .province("dak-lak"),
                               .panel(province: "dak-lak", topic: "smart-city")]
        for view in views {
            run([
                Row(name: "\(view) q quits", from: state(view), key: .character("q")) { _, e in e == .quit },
                Row(name: "\(view) Q quits", from: state(view), key: .character("Q")) { _, e in e == .quit },
                Row(name: "\(view) Ctrl-C quits", from: state(view), key: .interrupt) { _, e in e == .quit },
                Row(name: "\(view) ? opens help", from: state(view), key: .character("?")) { s, _ in s.showHelp },
                Row(name: "\(view) a key that does not scroll closes help", from: state(view) { $0.showHelp = true }, key: .character("x")) { s, _ in
                    !s.showHelp && s.view == view
                },
                Row(name: "\(view) L toggles English", from: state(view), key: .character("L")) { s, _ in s.language == .en },
                Row(name: "\(view) s asks to save this view", from: state(view), key: .character("s")) { _, e in e == .saveSnapshot(view) },
                Row(name: "\(view) r asks to reload", from: state(view), key: .character("r")) { _, e in e == .reload },
                Row(name: "\(view) / opens the search prompt", from: state(view), key: .character("/")) { s, _ in s.prompt == .search("") },
                Row(name: "\(view) resize changes nothing", from: state(view), key: .resize) { s, e in s == self.state(view) && e == nil },
            ])
        }
    }

    func testSearchWithoutDiacritics() {
        var s = state(.overview)
        for key: Key in [.character("/"), .character("d"), .character("a"), .character("k"), .character(" "),
                         .character("l"), .character("a"), .character("k"), .enter] {
            s = nav.update(s, key).0
        }
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.search, "dak lak")
        XCTAssertEqual(s.province, "dak-lak", "'dak lak' selects Đắk Lắk")

        var h = state(.topic("smart-city"))
        for key: Key in [.character("/"), .character("h"), .character("u"), .character("x"), .backspace, .character("e"), .enter] {
            h = nav.update(h, key).0
        }
        XCTAssertEqual(h.province, "thua-thien-hue", "'hue' selects Thừa Thiên Huế in the ranking")

        let none = [Key.character("/"), .character("z"), .character("z"), .enter].reduce(state(.overview)) { nav.update($0, $1).0 }
        XCTAssertEqual(none.message, "không tìm thấy: zz")

        let cancelled = [Key.character("/"), .character("x"), .escape].reduce(state(.overview)) { nav.update($0, $1).0 }
        XCTAssertNil(cancelled.prompt)
        XCTAssertNil(cancelled.search)
    }

    func testNextMatchCyclesProvincesThenTopics() {
        // "th" folds into Thừa Thiên Huế and the topic "Phát triển … thông minh".
        var s = [Key.character("/"), .character("t"), .character("h"), .enter].reduce(state(.overview)) { nav.update($0, $1).0 }
        XCTAssertEqual(s.province, "thua-thien-hue")
        s = nav.update(s, .character("n")).0
        XCTAssertEqual(s.topic, "smart-city", "second match is the smart-city topic column")
        XCTAssertEqual(s.view, .overview)
    }

    func testPresenterDeckAndKeys() {
        let deck = nav.deck
        XCTAssertEqual(deck.slides.count, 2 + 2 * (1 + 3) + 1, "agenda, overview, then per topic: topic view + 3 panels; the time summary")
        XCTAssertEqual(deck.slides.last, .closing)
        XCTAssertEqual(deck.slides[2], .topic("smart-city"))
        XCTAssertEqual(deck.slides[3], .panel(province: "thua-thien-hue", topic: "smart-city"))

        func present(_ configure: (inout NavigationState) -> Void = { _ in }) -> NavigationState {
            var s = NavigationState(mode: .present, language: .vi)
            configure(&s)
            return s
        }
        run([
            Row(name: "space goes to the next slide", from: present(), key: .character(" ")) { s, _ in s.view == .overview },
            Row(name: "PgDn too", from: present(), key: .pageDown) { s, _ in s.view == deck.slides[1] },
            Row(name: "Backspace at slide 1 stays", from: present(), key: .backspace) { s, _ in s.view == deck.slides[0] },
            Row(name: "PgUp goes back", from: present { $0.view = deck.slides[3] }, key: .pageUp) { s, _ in s.view == deck.slides[2] },
            Row(name: "] jumps to the next topic", from: present { $0.view = deck.slides[3] }, key: .character("]")) { s, _ in
                s.view == .topic("digital-signatures")
            },
            Row(name: "[ inside a topic returns to its start", from: present { $0.view = deck.slides[4] }, key: .character("[")) { s, _ in
                s.view == deck.slides[2]
            },
            Row(name: "2 jumps to topic 2", from: present(), key: .character("2")) { s, _ in s.view == .topic("digital-signatures") },
            Row(name: "the last slide is the end", from: present { $0.view = deck.slides[10] }, key: .character(" ")) { s, _ in
                s.view == deck.slides[10]
            },
            Row(name: "g opens the slide prompt", from: present(), key: .character("g")) { s, _ in s.prompt == .goToSlide("") },
        ])
        let jumped = [Key.character("g"), .character("x"), .character("5"), .enter].reduce(present()) { nav.update($0, $1).0 }
        XCTAssertEqual(jumped.view, deck.slides[4], "g 5 Enter goes to slide 5; letters are ignored in the number")
    }

    func testTopicTimerCountsPausesAndKeepsPerTopicTime() {
        var s = NavigationState(mode: .present, language: .vi)
        s = nav.update(s, .character("1"), now: 100).0
        XCTAssertEqual(s.timer.activeTopic, "smart-city")
        XCTAssertEqual(s.timer.elapsed("smart-city", now: 160), 60, accuracy: 0.001)
        s = nav.update(s, .character("t"), now: 160).0
        XCTAssertTrue(s.timer.paused)
        XCTAssertEqual(s.timer.elapsed("smart-city", now: 400), 60, accuracy: 0.001, "paused time does not count")
        s = nav.update(s, .character("t"), now: 400).0
        s = nav.update(s, .character("2"), now: 430).0
        XCTAssertEqual(s.timer.elapsed("smart-city", now: 1000), 90, accuracy: 0.001, "time stops when the topic changes")
        XCTAssertEqual(s.timer.elapsed("digital-signatures", now: 445), 15, accuracy: 0.001)
    }

    func testClampingAfterAReloadRemovedAProvince() {
        var s = state(.panel(province: "kon-tum", topic: "smart-city")) { $0.province = "kon-tum"; $0.history = [.province("kon-tum")] }
        var smaller = meeting
        smaller.provinces.removeLast()
        s = Navigator(meeting: smaller).carried(s, from: nav)
        XCTAssertEqual(s.view, .overview)
        XCTAssertEqual(s.province, "dak-lak", "the province now at the removed one's place (the last)")
        XCTAssertTrue(s.history.isEmpty)
    }
}

/// Every key in every view and mode: the state stays valid and only the keys that ask for an
/// effect produce one.
final class NavigatorExhaustiveTests: XCTestCase {
    static let keys: [Key] = [.up, .down, .left, .right, .enter, .escape, .backspace, .tab, .backTab,
                              .pageUp, .pageDown, .home, .end, .function(1), .function(5), .interrupt, .resize]
        + "hjkl?LsrnqQ/gt[]0123456789 xẾđ".map { .character($0) }

    func testEveryKeyInEveryViewAndModeKeepsAValidState() {
        let meeting = MeetingFixture.make()
        let nav = Navigator(meeting: meeting)
        let views = ViewRenderer.allViews(of: meeting)
        for mode in [NavigationState.Mode.browse, .present] {
            // The presenter only ever shows slides of its deck.
            for view in views where mode == .browse || nav.deck.slides.contains(view) {
                for key in Self.keys {
                    let start = NavigationState(mode: mode, view: view, language: .vi)
                    let (s, effect) = nav.update(start, key, now: 10)
                    XCTAssertEqual(nav.clamped(s), s, "\(mode) \(view) \(key): state left the meeting")
                    switch key {
                    case .character("q"), .character("Q"), .interrupt:
                        XCTAssertEqual(effect, .quit, "\(mode) \(view) \(key)")
                    case .character("s"):
                        XCTAssertEqual(effect, .saveSnapshot(view), "\(mode) \(view) \(key)")
                    case .character("r"):
                        XCTAssertEqual(effect, .reload, "\(mode) \(view) \(key)")
                    default:
                        XCTAssertNil(effect, "\(mode) \(view) \(key) asked for \(String(describing: effect))")
                    }
                    if mode == .present {
                        XCTAssertNotNil(nav.deck.index(of: s.view), "\(view) \(key): the presenter shows a slide of its deck")
                    }
                    // A prompt or help opened by this key must close again with Esc and leave no prompt behind.
                    let closed = nav.update(nav.update(s, .escape).0, .escape).0
                    XCTAssertNil(closed.prompt, "\(mode) \(view) \(key): Esc closes the prompt")
                    XCTAssertFalse(closed.showHelp, "\(mode) \(view) \(key): Esc closes help")
                }
            }
        }
    }
}
