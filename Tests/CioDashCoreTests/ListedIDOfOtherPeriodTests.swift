import CioDashCore
import XCTest

/// Issue 26, item 9: a meeting that lists an id of the other period (a 2026 meeting listing
/// `bac-lieu`) is told what became of it, not only that it has not reported.
final class ListedIDOfOtherPeriodTests: XCTestCase {
    func testAFormerUnitListedAtA2026MeetingIsExplained() throws {
        let folder = NSTemporaryDirectory() + "ciodash-listed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2026
            date: 2026-07-24
            provinces: [ca-mau, bac-lieu, da-nang]
            topics:
              - id: smart-city
                title: Đô thị thông minh

            """.write(toFile: folder + "/meeting.yaml", atomically: true, encoding: .utf8)
        let result = MeetingLoader().load(folder: folder)
        let lines = result.diagnostics.map { $0.description(in: .vi) }
        let bacLieu = try XCTUnwrap(lines.first { $0.contains("bac-lieu") }, "\(lines)")
        XCTAssertTrue(bacLieu.contains("Bạc Liêu đã nhập vào") && bacLieu.contains("Cà Mau") && bacLieu.contains("01/07/2025"), bacLieu)
        XCTAssertTrue(bacLieu.contains(": cảnh báo: "), bacLieu)
        let daNang = try XCTUnwrap(lines.first { $0.contains("Đà Nẵng") }, "\(lines)")
        XCTAssertTrue(daNang.contains("Đà Nẵng có trong danh sách nhưng chưa có tệp provinces/da-nang.yaml"), daNang)
        XCTAssertFalse(daNang.contains("\"da-nang\""), "a name, not an id: \(daNang)")
        let en = result.diagnostics.map { $0.description(in: .en) }.first { $0.contains("bac-lieu") } ?? ""
        XCTAssertTrue(en.contains("has been part of Cà Mau") && en.contains(": warning: "), en)
    }
}
