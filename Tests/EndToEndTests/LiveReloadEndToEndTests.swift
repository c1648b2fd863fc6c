import Foundation
import Glibc
import XCTest

/// The dashboard watching a copy of the sample while a province file changes under it: changes
/// appear, a broken file keeps the last good data with a warning naming it, and a file rewritten
/// hundreds of times (often caught half-written) neither crashes it nor leaves a wrong screen.
final class LiveReloadEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    private static let originalSummary = "Đề án ĐTTM TP. Buôn Ma Thuột đang được xây dựng; chưa thống nhất mô hình trung tâm điều hành."

    /// Opens the dashboard on a copy of the sample, on Đắk Lắk's smart-city panel. The 2018 meeting
    /// the sample compares with is copied next to it, as in the source tree.
    private func openDakLakPanel() throws -> (TmuxHarness, URL) {
        let samples = URL(fileURLWithPath: TmuxHarness.sampleFolder).deletingLastPathComponent()
        let copy = ["hue-2019", "gia-lai-2018"].map { TmuxHarness.quote(samples.appendingPathComponent($0).path) }
        let h = try TmuxHarness.dashboard(#""$HARNESS_DIR/hue-2019""#,
                                          setup: #"cp -R \#(copy.joined(separator: " ")) "$HARNESS_DIR/""#)
        harness = h
        try h.waitForHeader(" Tổng quan │ ")
        try h.sendKeys("/")
        try h.type("dak lak")
        try h.sendKeys("Enter", "Enter")
        try h.waitForHeader(" Đắk Lắk · Phát triển dịch vụ đô thị thông minh (ĐTTM) │ ")
        try h.waitFor(" Tình trạng: ▼ chậm\n")
        return (h, h.file("hue-2019/provinces/dak-lak.yaml"))
    }

    /// Đắk Lắk's file with the smart-city topic on track and `summary` in place of the original one.
    private static func dakLak(summary: String, from original: String) throws -> String {
        var text = original
        let old = "status: behind\n    summary: \"\(originalSummary)\""
        guard let range = text.range(of: old) else { throw TmuxHarness.Failure(description: "the sample's Đắk Lắk file changed") }
        text.replaceSubrange(range, with: "status: on-track\n    summary: \"\(summary)\"")
        return text
    }

    /// The first `count` bytes of `text`: a file caught while being written.
    private static func halfWritten(_ text: String, bytes count: Int) -> Data {
        Data(Array(text.utf8).prefix(count))
    }

    func testChangeAppearsBrokenFileKeepsLastGoodDataWithAWarningAndRestoreClearsIt() throws {
        let (h, file) = try openDakLakPanel()
        let original = try String(contentsOf: file, encoding: .utf8)

        let summary = "Trung tâm điều hành ĐTTM Buôn Ma Thuột đã vận hành thử."
        let changed = try Self.dakLak(summary: summary, from: original)
        try Data(changed.utf8).write(to: file)
        try h.waitFor(" Tình trạng: ● đúng tiến độ\n", timeout: 5)
        try h.waitFor(" \(summary)\n", timeout: 5)
        try h.waitFor(" Đã tải lại: provinces/dak-lak.yaml")

        // Cut inside the summary's quotes: a YAML syntax error, as when a save is caught halfway.
        let cut = try XCTUnwrap(changed.range(of: "Buôn Ma Thuột đã")).lowerBound
        try Data(changed[..<cut].utf8).write(to: file)
        try h.waitFor(" ‼ Tải lại lỗi, giữ số liệu cũ: provinces/dak-lak.yaml", timeout: 5)
        try h.waitFor(" Tình trạng: ● đúng tiến độ\n")
        try h.waitFor(" \(summary)\n")

        try Data(original.utf8).write(to: file)
        try h.waitFor(" Tình trạng: ▼ chậm\n", timeout: 5)
        try h.waitFor(" Đã tải lại: provinces/dak-lak.yaml")
        try h.waitForAbsence(of: "‼")
        try h.waitForBody(try TmuxHarness.snapshotBody(view: "panel:dak-lak/smart-city", width: 78),
                          rows: 1..<22, what: "Đắk Lắk's panel as in the sample again")
    }

    func testFileRewrittenFiveHundredTimesWhileOpenLeavesTheDashboardAliveAndRight() throws {
        let (h, file) = try openDakLakPanel()
        let pid = try h.appPID()
        let original = try String(contentsOf: file, encoding: .utf8)
        for i in 0..<500 {
            let good = try Self.dakLak(summary: "Lần ghi số \(i).", from: original)
            // Every other write is cut short anywhere, also inside a UTF-8 sequence or to nothing.
            let data = i % 2 == 0 ? Data(good.utf8) : Self.halfWritten(good, bytes: (i * 997) % good.utf8.count)
            try data.write(to: file)
            // Pacing only, so the once-a-second poll meets several of the states: ~2.5 s in all.
            usleep(4_000)
            if i % 100 == 99 { XCTAssertTrue(h.appIsAlive(pid), "expected the dashboard alive after \(i + 1) rewrites") }
        }
        let last = "Lần ghi cuối cùng, sau 500 lần ghi."
        try Data(try Self.dakLak(summary: last, from: original).utf8).write(to: file)
        try h.waitFor(" \(last)\n", timeout: 5)
        try h.waitForAbsence(of: "‼")
        try h.waitForHeader(" Đắk Lắk · Phát triển dịch vụ đô thị thông minh (ĐTTM) │ ")
        try h.waitForBody(try TmuxHarness.snapshotBody(view: "panel:dak-lak/smart-city", folder: h.file("hue-2019").path, width: 78),
                          rows: 1..<22, what: "Đắk Lắk's panel from the last write")
        XCTAssertTrue(h.appIsAlive(pid), "expected the same dashboard process alive after the rewrites")
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0, "expected q to quit normally after the rewrites")
    }
}
