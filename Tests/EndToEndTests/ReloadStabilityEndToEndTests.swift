import Foundation
import XCTest

/// Issue 16, classes 9, 6 and 1 with the real binary: provinces/ swapped away keeps every province,
/// a file truncated to a fraction keeps its last good data, and `q` answers while a reload runs.
final class ReloadStabilityEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    /// The dashboard (English) on a copy of the sample in the harness folder; `setup` runs after the copy.
    private func open(setup extra: String = "") throws -> TmuxHarness {
        let sample = TmuxHarness.quote(TmuxHarness.sampleFolder)
        let h = try TmuxHarness.dashboard(#""$HARNESS_DIR/hue-2019" --lang en"#, width: 120, height: 30,
                                          setup: #"cp -R \#(sample) "$HARNESS_DIR/hue-2019""# + extra)
        harness = h
        try h.waitFor("Đắk Lắk")
        return h
    }

    func testProvincesFolderSwappedAwayKeepsEveryProvince() throws {
        let h = try open()
        let provinces = h.file("hue-2019/provinces").path
        try FileManager.default.moveItem(atPath: provinces, toPath: provinces + "-syncing")
        let screen = try h.waitFor("provinces/ (could not be read)")
        XCTAssertTrue(screen.contains("Đắk Lắk") && screen.contains("Lâm Đồng"), "every province still shown:\n\(screen)")
        try FileManager.default.moveItem(atPath: provinces + "-syncing", toPath: provinces)
        try h.waitForLines("the warning gone after the folder is back") { !$0.joined().contains("could not be read") }
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0)
    }

    func testTruncatedFileKeepsItsLastGoodDataUntilRIsPressed() throws {
        let h = try open()
        let file = h.file("hue-2019/provinces/dak-lak.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        // Cut at a line boundary before the first topic: valid YAML, every figure gone.
        let cut = try XCTUnwrap(text.range(of: "topics:"))
        try (String(text[..<cut.lowerBound]) + "topics: {}\n").write(to: file, atomically: false, encoding: .utf8)
        try h.waitFor("provinces/dak-lak.yaml (lost")
        XCTAssertTrue(try h.capture().contains("Đắk Lắk         ▼"), "the last good figures stay on screen")
        try h.sendKeys("r")
        try h.waitForLines("r takes the file as it is") { !$0.joined().contains("(lost") }
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0)
    }

    func testQuitAnswersWhileAReloadRuns() throws {
        // 40,000 metrics.csv rows: a load of a few seconds in a debug build.
        let rows = #"i=0; while [ $i -lt 40000 ]; do echo "thua-thien-hue,smart-city,m$i,L$i,$i,,,,"; i=$((i+1)); done"#
        let h = try open(setup: #" && (\#(rows)) >> "$HARNESS_DIR/hue-2019/metrics.csv""#)
        let handle = try FileHandle(forWritingTo: h.file("hue-2019/metrics.csv"))
        handle.seekToEndOfFile()
        handle.write(Data("thua-thien-hue,smart-city,extra,Extra,1,,,,\n".utf8))
        try handle.close()
        // The change settles in one or two polls; then the reload starts on its own thread and says so.
        try h.waitFor("reading the folder again…")
        let start = Date()
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(timeout: 10), 0)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "q answered at once, not after the reload")
    }
}
