import Foundation
import XCTest

/// What the dashboard costs on the sample at 80×24: launch to first frame, key to redrawn frame,
/// and bytes sent to the terminal. Prints the figures; asserts only generous bounds, since CI
/// machines vary (the targets, 100 ms and 10 ms in a release build, are checked by
/// `scripts/measure-dashboard.sh`).
final class DashboardMeasurementTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
        super.tearDown()
    }

    /// Browses the sample with the frame log on, and waits for the overview.
    private func browseLogging() throws -> TmuxHarness {
        let h = try TmuxHarness.dashboard(TmuxHarness.quote(TmuxHarness.sampleFolder),
                                          environment: #"CIODASH_FRAME_LOG="$HARNESS_DIR/frames.log""#)
        harness = h
        try h.waitFor("Đắk Lắk         ▼")
        return h
    }

    private func frameLines(_ h: TmuxHarness) -> [Substring] {
        let log = (try? String(contentsOf: h.file("frames.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.hasPrefix("frame ") }
    }

    /// Sends `key` and waits for the frame that answers it; returns that frame's log line.
    @discardableResult
    private func press(_ key: String, _ h: TmuxHarness) throws -> Substring {
        let before = frameLines(h).filter { $0.contains(" key=") }.count
        try h.sendKeys(key)
        var answered: [Substring] = []
        try h.waitUntil("a logged frame after \(key)") {
            answered = frameLines(h).filter { $0.contains(" key=") }
            return answered.count > before
        }
        return answered[before]
    }

    private static func field(_ name: String, in line: Substring) -> Int? {
        line.split(separator: " ").first { $0.hasPrefix(name + "=") }.flatMap { Int($0.dropFirst(name.count + 1)) }
    }

    func testStartupAndKeyRedrawTimes() throws {
        let h = try browseLogging()
        let log = try String(contentsOf: h.file("frames.log"), encoding: .utf8)
        let launched = Int64(try String(contentsOf: h.file("launched"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        let firstFrame = log.split(separator: "\n").first { $0.hasPrefix("first-frame ") }.flatMap { Int64($0.dropFirst(12)) }
        guard let launched, let firstFrame else { return XCTFail("expected the launch time and a first-frame line; log:\n\(log)") }
        let startup = Double(firstFrame - launched) / 1e6

        var redraws: [Double] = [], paints: [Double] = []
        for key in ["Down", "Right", "Up", "Left", "Down", "Down", "Right", "Right", "Up", "Left"] {
            let line = try press(key, h)
            redraws.append(Double(Self.field("key", in: line) ?? 0) / 1e6)
            paints.append(Double(line.split(separator: " ")[1]).map { $0 / 1e6 } ?? 0)
        }
        redraws.sort()
        paints.sort()
        print(String(format: "dashboard, sample, 80×24 (%@): launch to first frame %.1f ms; key to frame median %.2f ms, "
                     + "max %.2f ms; of which paint median %.2f ms", try TmuxHarness.ciodashBinary(), startup,
                     redraws[redraws.count / 2], redraws.last!, paints[paints.count / 2]))
        XCTAssertLessThan(startup, 2000, "expected the first frame within 2 s of launch")
        XCTAssertGreaterThan(redraws.first!, 0, "expected a key= time on each frame that answers a key")
        XCTAssertLessThan(redraws.last!, 500, "expected each key redrawn within 500 ms")
    }

    func testMovingTheSelectionOneCellSendsFarFewerBytesThanAFullRepaint() throws {
        let h = try browseLogging()
        _ = try h.startRecording()
        var total = try h.settledRecordedBytes()
        func cost(_ step: () throws -> Void) throws -> Int {
            try step()
            let now = try h.settledRecordedBytes()
            defer { total = now }
            return now - total
        }
        let right = try cost { try press("Right", h) }
        let down = try cost { try press("Down", h) }
        // A resize repaints everything; the second one brings back 80×24, which is measured.
        func resize(height: Int) throws {
            let fullFrames = frameLines(h).filter { $0.contains(" full=1") }.count
            try h.resize(width: 80, height: height)
            try h.waitUntil("a full repaint at 80×\(height)") { frameLines(h).filter { $0.contains(" full=1") }.count > fullFrames }
        }
        _ = try cost { try resize(height: 25) }
        let full = try cost { try resize(height: 24) }
        print("dashboard, sample, 80×24: bytes to the terminal for the selection one cell right \(right), "
              + "one row down \(down), full repaint \(full)")
        XCTAssertGreaterThan(min(right, down), 0, "expected each selection move to reach the terminal")
        XCTAssertLessThan(max(right, down) * 10, full, "expected a one-cell move to cost under a tenth of a full repaint")
    }
}
