import Foundation
import XCTest
import CioDashCore
@testable import CioDashRender

/// Each input the fuzzer (Fuzz/) crashed on, minimised, loaded and drawn the way the fuzz target does:
/// every view, text and Markdown, at the width of the crash. See Fuzz/README.md for the findings.
final class FuzzRegressionTests: XCTestCase {
    private static let meeting = """
        format: ciodash/1
        council: Hội đồng CIO
        title: Phiên họp 2019
        date: 2019-07-27
        topics:
          - id: smart-city
            title: Đô thị thông minh
            headline: m

        """

    /// Loads a folder with the agenda above and `files`, then draws every view.
    private func loadAndDraw(_ files: [String: String], width: Int) throws -> String {
        let folder = NSTemporaryDirectory() + "ciodash-fuzz-regression-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files.merging(["meeting.yaml": Self.meeting], uniquingKeysWith: { a, _ in a }) {
            let url = URL(fileURLWithPath: folder + "/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: folder).meeting)
        let views = ViewRenderer.everyView(of: meeting)
        var out = ""
        for language in [Language.vi, .en] {
            let snapshot = Snapshot(meeting: meeting, language: language, width: width, generatedAt: 0)
            out += snapshot.text(for: views) + snapshot.markdown(for: views)
        }
        return out
    }

    /// Finding 1: a share of 1e308 trapped in NumberFormatting (1e308 × 10 overflowed to infinity,
    /// then to Int). Seed `json` of Fuzz/corpus, width 80.
    func testHugeShareValue() throws {
        let province = #"{"format": "ciodash/1", "id": "quang-tri", "name": "Quảng Trị", "topics": {"smart-city": "#
            + #"{"status": "at-risk", "metrics": [{"id": "m", "label": "L", "value": 1e308, "target": -5, "unit": "%"}]}}}"#
        let text = try loadAndDraw(["provinces/quang-tri.json": province], width: 80)
        XCTAssertTrue(text.contains("1e+308%"), text)
    }
}
