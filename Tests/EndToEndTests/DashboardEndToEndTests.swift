import Foundation
import XCTest

/// The live dashboard (`ciodash [DIR]`, `ciodash present [DIR]`) on the bundled sample in a real
/// terminal: what it shows, the keys a delegate and a presenter use, resizing, and plain output.
final class DashboardEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    private var sample: String { TmuxHarness.quote(TmuxHarness.sampleFolder) }

    /// Starts browsing the sample and waits for the overview's header.
    @discardableResult
    private func browse(width: Int = 80, height: Int = 24, environment: String = "", setup: String? = nil) throws -> TmuxHarness {
        let h = try TmuxHarness.dashboard(sample, width: width, height: height, environment: environment, setup: setup)
        harness = h
        try h.waitForHeader(" Tổng quan │ 27/07/2019 · ")
        return h
    }

    // MARK: Start-up

    func testStartupAt80x24ShowsTheOverviewAsTheSnapshotDrawsIt() throws {
        let h = try browse()
        try h.waitFor("Thừa Thiên Huế  ●    68%*")
        try h.waitFor("Đắk Lắk         ▼    18%*")
        // Header, 21 rows of body, status line, key hints.
        try h.waitForBody(try TmuxHarness.snapshotBody(view: "overview", width: 78), rows: 1..<22, what: "the overview")
        try h.waitForLines("the key hints on the last row") {
            $0.count == 24 && $0[23].hasPrefix(" ? trợ giúp · q thoát · ↑↓←→ chọn · Enter mở · Esc quay lại")
        }
    }

    func testStartupAt240x70ShowsTheWholeOverview() throws {
        let h = try browse(width: 240, height: 70)
        try h.waitFor("Lâm Đồng")
        try h.waitForBody(try TmuxHarness.snapshotBody(view: "overview", width: 238), rows: 1..<68, what: "the whole overview")
        try h.waitForLines("every key hint on the last of 70 rows") { $0.count == 70 && $0[69].hasSuffix("/ tìm · s lưu · L English") }
    }

    // MARK: Navigation

    func testArrowsAndEnterOpenAPanelAndEscapeReturns() throws {
        let h = try browse()
        try h.sendKeys("Down", "Right", "Enter")
        try h.waitForHeader(" Nghệ An · Cổng dịch vụ công và bưu chính công ích │ ")
        try h.waitFor(" Nghệ An (40)\n")
        try h.waitFor(" Tình trạng: ▲ có rủi ro\n")
        try h.waitForBody(try TmuxHarness.snapshotBody(view: "panel:nghe-an/public-service-portal", width: 78),
                          rows: 1..<22, what: "Nghệ An's panel for the portal topic")
        try h.sendKeys("Escape")
        try h.waitForHeader(" Tổng quan │ ")
        try h.waitFor("Đắk Lắk         ▼")
    }

    func testSearchWithoutDiacriticsFindsDakLak() throws {
        let h = try browse()
        try h.sendKeys("/")
        try h.type("dak lak")
        try h.waitFor(" Tìm: dak lak▏")
        try h.sendKeys("Enter")
        try h.waitForAbsence(of: "Tìm: ")
        // The selection is only an attribute on screen: opening it shows which province it is on.
        try h.sendKeys("Enter")
        try h.waitForHeader(" Đắk Lắk · Phát triển dịch vụ đô thị thông minh (ĐTTM) │ ")
        try h.waitFor(" Đắk Lắk (66)\n")
    }

    func testSearchWithoutDiacriticsFindsThuaThienHue() throws {
        let h = try browse()
        try h.sendKeys("/")
        try h.type("hue")
        try h.sendKeys("Enter", "Enter")
        try h.waitForHeader(" Thừa Thiên Huế · Phát triển dịch vụ đô thị thông minh (ĐTTM) │ ")
        try h.waitFor(" Tình trạng: ")
    }

    func testHelpListsTheKeysAndAnyKeyClosesIt() throws {
        let h = try browse()
        let overview = try h.screenLines()
        try h.sendKeys("?")
        try h.waitFor("┌─ Trợ giúp ─")
        try h.waitFor("│ / rồi n                tìm tỉnh, chủ đề (gõ không dấu được)")
        // Taller than 24 rows: PgDn, a key of the help's own row, scrolls to its end.
        try h.sendKeys("PgDn")
        try h.waitFor("│ ↑ ↓ PgUp PgDn          trong trợ giúp: cuộn khi trợ giúp dài hơn màn hình;")
        try h.waitFor("│ q, Q, Ctrl-C           thoát")
        try h.sendKeys("x")
        try h.waitForLines("the overview back as it was before the help") { $0 == overview }
    }

    func testLanguageToggleSwitchesToEnglishAndBack() throws {
        let h = try browse()
        try h.sendKeys("L")
        try h.waitForHeader(" Overview │ 2019-07-27 · ")
        try h.waitFor(" EN\n")
        try h.waitFor(" ? help · q quit · ↑↓←→ select · Enter open")
        try h.sendKeys("L")
        try h.waitForHeader(" Tổng quan │ ")
        try h.waitFor(" VI\n")
    }

    // MARK: Snapshot key

    func testSaveKeyWritesTheSnapshotOfTheViewIntoTheWorkingDirectory() throws {
        let width = 200
        let h = try browse(width: width, height: 30, environment: "SOURCE_DATE_EPOCH=\(TmuxHarness.sourceDateEpoch)",
                           setup: #"mkdir -p "$HARNESS_DIR/work" && cd "$HARNESS_DIR/work""#)
        try h.sendKeys("/")
        try h.type("dak lak")
        try h.sendKeys("Enter", "Enter")
        try h.waitForHeader(" Đắk Lắk · ")
        try h.sendKeys("s")
        let folder = h.file("work/ciodash-snapshots")
        // The atomic writer's temporary file comes first: wait for the final name, then for the
        // status line, which is said after the rename.
        let suffix = "-panel-dak-lak-smart-city.txt"
        var name = ""
        try h.waitUntil("a file named after the view in \(folder.path)") {
            let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            name = listed.first { $0.hasSuffix(suffix) && !$0.hasPrefix(".") } ?? ""
            return !name.isEmpty
        }
        try h.waitFor(" Đã lưu: ./ciodash-snapshots/\(name)")
        let saved = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(saved, [name], "exactly one snapshot, no temporary file left")
        let path = folder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = try TmuxHarness.snapshotText(view: "panel:dak-lak/smart-city", width: width)
        XCTAssertEqual(Array(text.unicodeScalars), Array(expected.unicodeScalars),
                       "expected the saved file to equal `ciodash snapshot --view panel:dak-lak/smart-city --width \(width)`;\n"
                       + "saved:\n\(text)\nsnapshot:\n\(expected)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: TmuxHarness.sampleFolder + "/ciodash-snapshots"),
                       "the dashboard must never write into the meeting folder")
    }

    // MARK: Resize

    func testResizeRedrawsAndTooSmallRecovers() throws {
        let h = try browse()
        let overview = try h.screenLines()
        try h.resize(width: 120, height: 40)
        try h.waitForBody(try TmuxHarness.snapshotBody(view: "overview", width: 118), rows: 1..<38, what: "the overview at 120×40")
        try h.resize(width: 30, height: 8)
        try h.waitFor("Cửa sổ quá nhỏ (30×8)")
        try h.waitFor("40×12")
        try h.resize(width: 80, height: 24)
        try h.waitForLines("the same overview as at start-up after 30×8") { $0 == overview }
    }

    // MARK: Presenter

    func testPresenterStepsThroughSlidesWithCountdownAndPause() throws {
        let h = try TmuxHarness.dashboard("present " + sample)
        harness = h
        try h.waitFor("│                                 Chương trình ")
        try h.waitFor(" Trang 1/83 · ")
        try h.sendKeys("Space")
        try h.waitFor(" Trang 2/83 · ")
        try h.waitFor("  Tổng quan  ")
        try h.sendKeys("]")
        try h.waitFor("Phát triển dịch vụ đô thị thông minh (ĐTTM)")
        try h.waitForLines("slide 3/83 with the topic's 30-minute countdown") { lines in
            lines.contains { $0.range(of: #" Trang 3/83 · \d\d:\d\d · còn (30:00|29:[0-5]\d) "#, options: .regularExpression) != nil }
        }
        try h.sendKeys("t")
        try h.waitFor(" (tạm dừng) ")
        try h.sendKeys("t")
        try h.waitForAbsence(of: "tạm dừng")
    }

    // MARK: Not a terminal

    func testPipedOutputIsTheOverviewAsPlainText() throws {
        let binary = try TmuxHarness.ciodashBinary()
        // Standard input stays the pane's terminal: the app must still leave it alone.
        let h = try TmuxHarness(command: "env -u COLUMNS SOURCE_DATE_EPOCH=\(TmuxHarness.sourceDateEpoch) "
                                + "\(TmuxHarness.quote(binary)) \(sample) | cat > \"$HARNESS_DIR/piped.txt\"")
        harness = h
        XCTAssertEqual(try h.waitForExit(), 0, "expected exit status 0 with standard output a pipe")
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack, "expected the terminal untouched")
        let data = try Data(contentsOf: h.file("piped.txt"))
        XCTAssertFalse(data.contains(0x1B), "expected no ESC byte in piped output")
        let expected = try TmuxHarness.snapshotText(view: "overview", width: 100)
        XCTAssertEqual(Array(String(decoding: data, as: UTF8.self).unicodeScalars), Array(expected.unicodeScalars),
                       "expected the piped output to be `ciodash snapshot --view overview --width 100`")
    }
}
