import Foundation
import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// Issue 16, class 1: every loading stage is linear in its input. Each test times n and 10n (files,
/// metrics, list items) after a warm-up; linear gives a ratio near 10, quadratic near 100. Asserted
/// loosely (below 35) so that a loaded machine does not fail it; the figures are in the message.
final class LoadScalingTests: XCTestCase {
    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func assertLinear(small: Double, large: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(large / max(small, 1e-6), 35, "\(what): n took \(small) s, 10n took \(large) s", file: file, line: line)
    }

    func testProvinceFilesLoadInLinearTime() throws {
        func folder(_ n: Int) throws -> TestFolder {
            let f = try TestFolder(["meeting.yaml": sampleMeeting])
            for i in 0..<n { try f.write("provinces/p\(i).yaml", provinceFile(id: "p\(i)", name: "Tỉnh \(i)")) }
            return f
        }
        let (warm, small, large) = (try folder(20), try folder(200), try folder(2_000))
        _ = warm.load()
        var counts: [Int] = []
        let a = seconds { counts.append(small.load().meeting?.provinces.count ?? 0) }
        let b = seconds { counts.append(large.load().meeting?.provinces.count ?? 0) }
        XCTAssertEqual(counts, [202, 2_002], "the files, and the agenda's two listed provinces as not yet reported")
        assertLinear(small: a, large: b, "province files")
    }

    func testMetricsAndListItemsInOneFileLoadInLinearTime() throws {
        func folder(_ n: Int) throws -> TestFolder {
            var text = "format: ciodash/1\nid: thua-thien-hue\nname: Huế\ntopics:\n  smart-city:\n    status: on-track\n"
            text += "    highlights:\n" + (0..<n).map { "      - \"Điểm nổi bật \($0)\"\n" }.joined()
            text += "    metrics:\n" + (0..<n).map { "      - {id: m\($0), label: \"Chỉ tiêu \($0)\", value: \($0)}\n" }.joined()
            return try TestFolder(["meeting.yaml": sampleMeeting, "provinces/thua-thien-hue.yaml": text])
        }
        let (warm, small, large) = (try folder(50), try folder(1_000), try folder(10_000))
        _ = warm.load()
        var counts: [Int] = []
        let a = seconds { counts.append(small.load().meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metrics.count ?? 0) }
        let b = seconds { counts.append(large.load().meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metrics.count ?? 0) }
        XCTAssertEqual(counts, [1_000, 10_000])
        assertLinear(small: a, large: b, "metrics and highlights in one topic")
    }
}
