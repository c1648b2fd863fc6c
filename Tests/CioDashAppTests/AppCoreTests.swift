import XCTest
import CioDashCore
@testable import CioDashApp
@testable import CioDashRender
import CioDashTestSupport

/// The app core's rules for events other than plain navigation: reloads, the clock, remote
/// messages, effect results; and the identity rules that a rebuilt meeting must not break.
final class AppCoreTests: XCTestCase {
    let meeting = MeetingFixture.make()

    func start(_ mode: NavigationState.Mode, meeting: Meeting? = nil) -> AppState {
        AppCore.start(meeting: meeting ?? self.meeting, mode: mode, language: .vi, clock: .init(now: 0, wall: "08:00"))
    }

    func run(_ state: AppState, _ events: [AppEvent]) -> (AppState, [AppEffect]) {
        var s = state
        var effects: [AppEffect] = []
        for event in events {
            let (next, more) = AppCore.update(s, event)
            s = next
            effects += more
        }
        return (s, effects)
    }

    func keys(_ text: String) -> [AppEvent] { text.map { .key(.character($0)) } }

    func loaded(_ meeting: Meeting?) -> AppEvent {
        .folderReloaded(LoadResult(meeting: meeting, diagnostics: [], folderUnreadable: false, folderArgument: "/tmp/fixture"),
                        changed: ["provinces/quang-nam.yaml"])
    }

    /// The meeting with one more province, sorted before the others.
    func withLateProvince() -> Meeting {
        var more = meeting
        let quangBinh = ProvinceReport(id: "quang-binh", name: "Quảng Bình",
                                       topics: ["smart-city": TopicReport(status: .behind)], file: "provinces/quang-binh.yaml")
        more.provinces.insert(quangBinh, at: 0)
        return more
    }

    func testPresenterStaysOnItsSlideWhenAReloadAddsAProvince() {
        var (s, _) = run(start(.present), keys("2"))
        XCTAssertEqual(s.navigation.view, .topic("digital-signatures"))
        let number = s.navigator.deck.index(of: s.navigation.view)
        (s, _) = run(s, [loaded(withLateProvince())])
        XCTAssertEqual(s.navigation.view, .topic("digital-signatures"), "a new province file does not move the projector")
        XCTAssertNotEqual(s.navigator.deck.index(of: s.navigation.view), number, "the slide's number did change")
        XCTAssertEqual(s.navigation.timer.activeTopic, "digital-signatures")
    }

    func testPresenterOnARemovedProvincesPanelMovesToTheNextSlide() {
        var (s, _) = run(start(.present), keys("1") + [.key(.right), .key(.right)])
        XCTAssertEqual(s.navigation.view, .panel(province: "dak-lak", topic: "smart-city"))
        var fewer = meeting
        fewer.provinces.removeAll { $0.id == "dak-lak" }
        (s, _) = run(s, [loaded(fewer)])
        XCTAssertEqual(s.navigation.view, .panel(province: "kon-tum", topic: "smart-city"))
    }

    func testPresenterSearchMovesTheCountdown() {
        var (s, _) = run(start(.present), keys("1"))
        XCTAssertEqual(s.navigation.timer.activeTopic, "smart-city")
        (s, _) = run(s, [.tick(.init(now: 60, wall: "08:01"))] + keys("/chu ky so") + [.key(.enter)])
        XCTAssertEqual(s.navigation.view, .topic("digital-signatures"))
        XCTAssertEqual(s.navigation.timer.activeTopic, "digital-signatures", "the countdown follows the search jump")
        XCTAssertEqual(s.navigation.timer.elapsed("smart-city", now: 500), 60, accuracy: 0.001)
    }

    func testGoToSlidePromptMovesTheCountdown() {
        let s = run(start(.present), keys("g3") + [.key(.enter)]).0
        XCTAssertEqual(s.navigation.view, .topic("smart-city"))
        XCTAssertEqual(s.navigation.timer.activeTopic, "smart-city")
    }

    func testRightToTheNextTopicKeepsTheSelectedProvince() {
        // Digital signatures ranked by signatures: Đắk Lắk first there, Huế first in smart-city.
        var ranked = meeting
        ranked.provinces[1].topics["digital-signatures"] = TopicReport(status: .onTrack, metrics: [
            Metric(id: "cks", label: "CKS", value: 5000, illustrative: true)])
        var s = start(.browse, meeting: ranked)
        s.navigation.view = .topic("smart-city")
        s = run(s, [.key(.right)]).0
        XCTAssertEqual(s.navigation.view, .topic("digital-signatures"))
        XCTAssertEqual(s.index.selectedProvince(s.navigation), "thua-thien-hue", "Huế stays selected")
        XCTAssertEqual(s.index.selectedRow(s.navigation), 1, "on the row where Huế ranks in this topic")
    }

    func testBrowsingSelectionSurvivesAReorderingReload() {
        var s = run(start(.browse), [.key(.down)]).0
        XCTAssertEqual(s.index.selectedProvince(s.navigation), "dak-lak")
        s = run(s, [loaded(withLateProvince())]).0
        XCTAssertEqual(s.index.selectedProvince(s.navigation), "dak-lak")
        XCTAssertEqual(s.index.selectedRow(s.navigation), 2, "Đắk Lắk's row moved down by one")
        XCTAssertEqual(s.navigation.message, "Đã tải lại: provinces/quang-nam.yaml")
    }

    func testABrokenFileKeepsTheLastGoodDataAndSaysSo() {
        var broken = meeting
        broken.provinces[0] = ProvinceReport(id: "thua-thien-hue", name: "thua-thien-hue", file: "provinces/thua-thien-hue.yaml",
                                             brokenReason: "half-written")
        let s = run(start(.browse), [loaded(broken)]).0
        XCTAssertFalse(s.meeting.provinces[0].isBroken, "Huế's last good report stays on screen")
        XCTAssertEqual(s.notice, "Tải lại lỗi, giữ số liệu cũ: provinces/thua-thien-hue.yaml")
        XCTAssertNil(s.navigation.message)
        let failed = run(start(.browse), [loaded(nil)]).0
        XCTAssertEqual(failed.meeting.provinces.count, 3, "an unusable meeting file keeps the whole meeting")
        XCTAssertEqual(failed.notice, "Tải lại lỗi, giữ số liệu cũ")

        // The reason, in the screen's language, with its place.
        let reason = Diagnostic(.error, file: "/tmp/fixture/meeting.yaml", line: 4, column: 1,
                                message: BilingualText(vi: "ở đây dùng ký tự tab để thụt lề", en: "a tab is used for indentation here"))
        let result = LoadResult(meeting: nil, diagnostics: [reason], folderUnreadable: false, folderArgument: "/tmp/fixture")
        let said = run(start(.browse), [.folderReloaded(result, changed: ["meeting.yaml"])]).0
        XCTAssertEqual(said.notice, "Tải lại lỗi, giữ số liệu cũ: /tmp/fixture/meeting.yaml, dòng 4, cột 1: ở đây dùng ký tự tab để thụt lề")
    }

    /// The reload rule runs in the core, on what the reload event carries: a file that lost most of
    /// its bytes at once keeps its last good report until a reload asked for with `r` takes it.
    func testAFileThatShrankAtOnceKeepsItsLastGoodReportUntilAskedFor() {
        let file = "provinces/dak-lak.yaml"
        let shown = AppCore.start(meeting: meeting, mode: .browse, language: .en, clock: .init(now: 0, wall: "08:00"),
                                  sizes: [file: 4_000])
        var cut = meeting
        let dakLak = cut.provinces.firstIndex { $0.id == "dak-lak" }!
        cut.provinces[dakLak].topics = [:]
        let fresh = LoadResult(meeting: cut, diagnostics: [], folderUnreadable: false, folderArgument: "/tmp/fixture")
        let watched = run(shown, [.folderReloaded(fresh, changed: [file], asked: false, sizes: [file: 300])]).0
        XCTAssertEqual(watched.meeting.province("dak-lak"), meeting.province("dak-lak"), "the last good figures stay")
        XCTAssertEqual(watched.notice, "Reload failed, keeping last good data: provinces/dak-lak.yaml (lost 93% of its size; press r to accept)")
        let asked = run(watched, [.folderReloaded(fresh, changed: [], asked: true, sizes: [file: 300])]).0
        XCTAssertEqual(asked.meeting.province("dak-lak")?.topics, [:], "r takes the file as it is")
        XCTAssertNil(asked.notice)
        let grown = run(shown, [.folderReloaded(fresh, changed: [file], asked: false, sizes: [file: 3_000])]).0
        XCTAssertEqual(grown.meeting.province("dak-lak")?.topics, [:], "a file that lost a quarter is taken")
    }

    func testTheClockAsksForAFolderCheckOnceASecond() {
        let (_, effects) = run(start(.browse), [0.25, 0.5, 1.0, 1.5, 2.1].map { .tick(.init(now: $0, wall: "08:00")) })
        XCTAssertEqual(effects, [.checkFolder, .checkFolder])
    }

    func testKeysAskForEffectsAndResultsComeBackAsMessages() {
        var (s, effects) = run(start(.browse), keys("srq") + [.key(.resize)])
        XCTAssertEqual(effects, [.saveSnapshot(.overview, .vi), .reloadFolder, .quit, .repaintAll])
        (s, _) = run(s, [.effectFinished(.snapshotSaved("./ciodash-snapshots/a.txt"))])
        XCTAssertEqual(s.navigation.message, "Đã lưu: ./ciodash-snapshots/a.txt")
        (s, _) = run(s, [.effectFinished(.snapshotFailed("disk full"))])
        XCTAssertEqual(s.navigation.message, "Không lưu được: disk full")
    }

    func testASpeakersCommandTakesTheSamePathAsThePresentersKey() {
        let ticked = run(start(.present), [.tick(.init(now: 10, wall: "08:00"))]).0
        for (key, command) in [(Key.character("]"), Command.nextTopic), (.right, .nextSlide), (.character("t"), .toggleTimer)] {
            let byKey = run(ticked, [.key(key)]).0
            let byCommand = run(ticked, [.command(command)]).0
            XCTAssertEqual(byCommand.navigation, byKey.navigation, "\(command) from the network does what \(key) does")
        }
        let moved = run(ticked, [.command(.nextTopic)]).0
        XCTAssertEqual(moved.navigation.view, .topic("smart-city"))
        XCTAssertEqual(moved.navigation.timer.activeTopic, "smart-city", "the countdown moves as with a key")
    }

    func testACommandFromTheNetworkIsNeverTypedIntoAnOpenPrompt() {
        let searching = run(start(.present), keys("/")).0
        XCTAssertEqual(searching.navigation.prompt, .search(""))
        let s = run(searching, [.command(.nextSlide)]).0
        XCTAssertEqual(s.navigation.prompt, .search(""), "the prompt keeps what the presenter typed")
        XCTAssertNotEqual(s.navigation.view, searching.navigation.view, "the slide still turns")
    }
}

extension AppCoreTests {
    func testEnterOnARankingRowOpensThatProvincesPanelWhenPresenting() {
        var s = run(start(.present), keys("1")).0
        XCTAssertEqual(s.index.selectedRow(s.navigation), 0, "Huế first in the smart-city ranking")
        s = run(s, [.key(.down), .key(.enter)]).0
        XCTAssertEqual(s.navigation.view, .panel(province: "dak-lak", topic: "smart-city"), "the second ranked province")
        XCTAssertEqual(s.navigation.timer.activeTopic, "smart-city")
    }
}

extension AppCoreTests {
    func testEachTopicGetsTheSlidesTheAgendaChose() {
        var chosen = meeting
        chosen.topics[0].slides = .provinces(["dak-lak", "nowhere"])
        chosen.topics[1].slides = .none
        XCTAssertEqual(PresenterDeck(meeting: chosen).slides,
                       [.agenda, .overview, .topic("smart-city"), .panel(province: "dak-lak", topic: "smart-city"), .closing])
        chosen.topics[1].slides = .ranking
        XCTAssertEqual(PresenterDeck(meeting: chosen).slides.suffix(2), [.topic("digital-signatures"), .closing])
    }
}
