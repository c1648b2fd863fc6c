import CioDashCore
import CioDashSamples
import XCTest
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// Issue 26 items 12, 13 and 15: the projector's agenda, closing slide, symbols and speaker view, as
/// a room sees them.
final class ProjectorSlideTests: XCTestCase {
    static let web = "HTTP://192.168.1.20:7421/J/RM2VABCDEFGH2345"

    private func screen(_ grid: Grid) -> [String] { (0..<grid.height).map { grid.line($0) } }

    private func sharingAgenda(_ folder: URL, language: Language = .vi, width: Int, height: Int) throws -> [String] {
        let meeting = try GoldenSnapshotTests.sample(folder)
        var app = AppCore.start(meeting: meeting, mode: .present, language: language, clock: .init(now: 0, wall: "08:00"))
        app.share = ShareState(addresses: ["192.168.1.20:7420"], code: "PHONG-HOP-2026")
        app.share?.webAddress = Self.web
        return screen(app.frame(width: width, height: height).grid)
    }

    // MARK: 12

    /// Item 12: at 80×24 a Vietnamese projector's agenda shows every item in Vietnamese only, the
    /// total, and the whole join line (command and browser address), on both samples.
    func testItem12TheAgendaAt80x24ShowsEveryItemTheTotalAndTheWholeJoinLine() throws {
        for folder in [SampleMeetings.council2026, SampleMeetings.hue2019] {
            let meeting = try GoldenSnapshotTests.sample(folder)
            let lines = try sharingAgenda(folder, width: 80, height: 24)
            let text = lines.joined(separator: "\n")
            for (i, topic) in meeting.topics.enumerated() {
                let start = String(topic.title.prefix(20))
                XCTAssertTrue(lines.contains { $0.contains("\(i + 1). ") && $0.contains(start) },
                              "\(folder.lastPathComponent): item \(i + 1) \(topic.title) on screen\n" + text)
                if let english = topic.titleEN {
                    XCTAssertFalse(text.contains(english), "no English subtitle on a full Vietnamese projector: \(english)\n" + text)
                }
            }
            let total = meeting.topics.compactMap(\.minutes).reduce(0, +)
            XCTAssertTrue(lines.contains { $0.contains("Tổng cộng") && $0.hasSuffix("\(total) │") || ($0.contains("Tổng cộng") && $0.contains(" \(total)")) },
                          "the total \(total) on screen\n" + text)
            XCTAssertTrue(text.contains("ciodash follow 192.168.1.20:7420 --code PHONG-HOP-2026"), "the whole follow command\n" + text)
            XCTAssertTrue(text.contains(Self.web), "the whole browser address\n" + text)
            let box = lines.suffix(2 + 4).dropLast(2)
            XCTAssertFalse(box.contains { $0.contains("…") }, "nothing of the join line cut\n" + box.joined(separator: "\n"))
        }
    }

    /// Item 12: where there is room the other language's titles stay under each title.
    func testItem12WithRoomTheAgendaKeepsTheEnglishSubtitles() throws {
        let lines = try sharingAgenda(SampleMeetings.hue2019, width: 120, height: 45)
        XCTAssertTrue(lines.contains { $0.contains("Smart-city services") }, lines.joined(separator: "\n"))
    }

    // MARK: 13

    /// Item 13: the session line compares the items held (planned against actual) and counts the
    /// items not held, so its figures add up.
    func testItem13TheSessionLineComparesTheItemsHeldAndCountsTheOthers() {
        let meeting = MeetingFixture.make()   // smart-city 30 min, digital-signatures 20 min
        let heldEarly = SessionTiming(spent: ["smart-city": 25 * 60], current: nil)
        XCTAssertEqual(heldEarly.summary(meeting, labels: .vi),
                       "Các mục đã họp (1/2): kế hoạch 30:00 · thực tế 25:00 · sớm 05:00 · chưa họp: 1 mục (kế hoạch 20:00)")
        XCTAssertEqual(heldEarly.summary(meeting, labels: .en),
                       "Items held (1 of 2): planned 30:00 · actual 25:00 · ahead 05:00 · not held: 1 item (planned 20:00)")
        let all = SessionTiming(spent: ["smart-city": 31 * 60, "digital-signatures": 20 * 60], current: nil)
        XCTAssertEqual(all.summary(meeting, labels: .vi), "Các mục đã họp (2/2): kế hoạch 50:00 · thực tế 51:00 · chậm 01:00")
    }

    /// Item 13: the closing slide's totals add up: the items held, then the items not held.
    func testItem13TheClosingSlidesTotalsAddUp() {
        let meeting = MeetingFixture.make()
        var context = RenderContext(language: .vi, width: 80)
        context.timing = SessionTiming(spent: ["smart-city": 25 * 60], current: nil)
        let lines = ClosingView.render(meeting, context: context).grid.lines
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("Các mục đã họp (1/2)") && $0.contains("30:00") && $0.contains("25:00") && $0.contains("−05:00") },
                      text)
        XCTAssertTrue(lines.contains { $0.contains("Chưa họp (1)") && $0.contains("20:00") }, text)
        XCTAssertFalse(lines.contains { $0.contains("50:00") }, "no total of the whole agenda set against the time of some items\n" + text)
    }

    // MARK: 15

    /// Item 15: the screens draw no symbol that a common terminal font lacks: `⚠` is a box in the
    /// bitmap font (xterm -fn fixed: misc-fixed 6x13) and in Noto Sans Mono; `⇄` in Noto Sans Mono.
    func testItem15NoSymbolThatCommonFontsLack() throws {
        let meeting = try GoldenSnapshotTests.sample()
        let navigator = Navigator(meeting: meeting)
        var seen = Set<Unicode.Scalar>()
        for mode in [NavigationState.Mode.browse, .present] {
            for view in [ViewID.overview, .agenda, .topic("smart-city"), .closing] {
                for help in [false, true] {
                    var state = NavigationState(mode: mode, view: view, language: .vi)
                    state.showHelp = help
                    state.timer.activate(view.topicID, now: 0)
                    for now in [0.0, 1790, 1900] {
                        let grid = ScreenComposer.compose(navigator: navigator, state: state, width: 100, height: 30,
                                                          clock: .init(now: now, wall: "08:00"), notice: "thư mục").grid
                        for y in 0..<grid.height { seen.formUnion(grid.line(y).unicodeScalars) }
                    }
                }
            }
        }
        let card = TestCard(sizeText: "100×30", terminalName: "xterm", localeCodeset: "UTF-8", colour: true, themeName: "projector")
            .render(width: 100, height: 30)
        for y in 0..<card.height { seen.formUnion(card.line(y).unicodeScalars) }
        XCTAssertFalse(seen.contains("⚠"), "⚠ is a box in misc-fixed and Noto Sans Mono")
        XCTAssertFalse(seen.contains("⇄"), "⇄ is a box in Noto Sans Mono")
    }

    /// Item 15: the panels on the projector do not end with their file's path.
    func testItem15NoFilePathAtTheFootOfAPanelOnTheProjector() throws {
        let meeting = try GoldenSnapshotTests.sample()
        let navigator = Navigator(meeting: meeting)
        let panel = try XCTUnwrap(navigator.deck.slides.first { $0.name == "panel" })
        let state = NavigationState(mode: .present, view: panel, language: .vi)
        let grid = ScreenComposer.compose(navigator: navigator, state: state, width: 100, height: 40, clock: .init(now: 0, wall: "08:00")).grid
        let text = screen(grid).joined(separator: "\n")
        XCTAssertFalse(text.contains("Tệp: provinces/"), text)
        XCTAssertFalse(text.contains("provinces/"), text)
    }

    /// Item 15: an illustrative figure's source line says "minh họa" once.
    func testItem15TheIllustrativeSourceIsSaidOnce() throws {
        let meeting = try GoldenSnapshotTests.sample(SampleMeetings.council2026)
        let text = Snapshot(meeting: meeting, language: .vi, width: 120, generatedAt: 0).text(for: ViewRenderer.allViews(of: meeting))
        XCTAssertFalse(text.contains("Minh họa (illustrative)"), "the source line repeats the mark")
        for line in text.components(separatedBy: "\n") where line.contains("Nguồn:") {
            XCTAssertLessThanOrEqual(line.lowercased().components(separatedBy: "minh họa").count - 1, 1, line)
        }
    }

    /// Item 15: the speaker view speaks to a presenter when a topic has no notes, and the slide's
    /// title is whole at 80×24.
    func testItem15TheSpeakerViewsEmptyNotesAndWholeTitle() throws {
        let meeting = try GoldenSnapshotTests.sample(SampleMeetings.council2026)
        let navigator = Navigator(meeting: meeting)
        for view in navigator.deck.slides {
            guard view.name == "panel" else { continue }
            let state = NavigationState(mode: .present, view: view, language: .vi)
            let lines = screen(SpeakerView.compose(navigator: navigator, state: state, width: 80, height: 24,
                                                   clock: .init(now: 0, wall: "08:00"), notice: nil, notesScroll: 0).grid)
            let text = lines.joined(separator: "\n")
            XCTAssertFalse(text.contains("meeting.yaml"), "a presenter's words, not a developer's hint\n" + text)
            let title = view.title(in: meeting, labels: .vi, language: .vi)
            // The slide's box, read on its own: from the left edge to its top-right corner.
            let right = try XCTUnwrap(Array(lines[1]).firstIndex(of: "┐"))
            let box = lines.map { String(Array($0).prefix(right + 1)) }
            let flat = box.joined(separator: " ").replacingOccurrences(of: "│", with: " ").replacingOccurrences(of: "─", with: " ")
                .split(separator: " ").joined(separator: " ")
            XCTAssertTrue(flat.contains(title.split(separator: " ").joined(separator: " ")), "the slide's title whole: \(title)\n" + text)
            XCTAssertFalse(lines[1].contains("…"), lines[1])
            return
        }
        XCTFail("the 2026 sample has a panel slide")
    }
}
