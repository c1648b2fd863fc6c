import Foundation
import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// A 19-province meeting (the region's real names and codes, illustrative figures), half of it NFD.
final class MixedNormalizationLoadTests: XCTestCase {
    static let provinces: [(id: String, name: String, code: String)] = [
        ("thanh-hoa", "Thanh Hóa", "38"), ("nghe-an", "Nghệ An", "40"), ("ha-tinh", "Hà Tĩnh", "42"),
        ("quang-binh", "Quảng Bình", "44"), ("quang-tri", "Quảng Trị", "45"), ("thua-thien-hue", "Thừa Thiên Huế", "46"),
        ("da-nang", "Đà Nẵng", "48"), ("quang-nam", "Quảng Nam", "49"), ("quang-ngai", "Quảng Ngãi", "51"),
        ("binh-dinh", "Bình Định", "52"), ("phu-yen", "Phú Yên", "54"), ("khanh-hoa", "Khánh Hòa", "56"),
        ("ninh-thuan", "Ninh Thuận", "58"), ("binh-thuan", "Bình Thuận", "60"), ("kon-tum", "Kon Tum", "62"),
        ("gia-lai", "Gia Lai", "64"), ("dak-lak", "Đắk Lắk", "66"), ("dak-nong", "Đắk Nông", "67"),
        ("lam-dong", "Lâm Đồng", "68"),
    ]
    static let topics = ["smart-city", "public-service-portal", "information-security", "digital-signatures"]

    /// Writes the meeting into `folder`: 4 topics × 4 metrics, highlights and obstacles per province,
    /// every other file in NFD (as from macOS), all figures marked illustrative.
    static func writeMeeting(into folder: TestFolder) throws {
        var meeting = "format: ciodash/1\ncouncil: Hội đồng Giám đốc CNTT miền Trung - Tây Nguyên\n"
            + "title: Phiên họp thường kỳ năm 2019\ndate: 2019-07-27\nstart: \"08:00\"\nvenue: Huế\ntopics:\n"
        for topic in topics { meeting += "  - id: \(topic)\n    title: Chủ đề \(topic)\n    minutes: 20\n    headline: \(topic)-1\n" }
        meeting += "provinces: [" + provinces.map(\.id).joined(separator: ", ") + "]\n"
        try folder.write("meeting.yaml", meeting)
        for (n, p) in provinces.enumerated() {
            var text = "format: ciodash/1\nid: \(p.id)\nname: \(p.name)\ncode: \"\(p.code)\"\nregion: Duyên hải Nam Trung Bộ\n"
                + "reported: 2019-07-0\(n % 9 + 1)\nsource: Sở Thông tin và Truyền thông \(p.name)\ntopics:\n"
            for topic in topics {
                text += "  \(topic):\n    status: \(["on-track", "at-risk", "behind", "not-started"][(n + topic.count) % 4])\n"
                text += "    summary: >\n      Tỉnh \(p.name) đã triển khai các nhiệm vụ về \(topic) theo kế hoạch năm 2019,\n"
                text += "      tiếp tục hoàn thiện hạ tầng và nâng cao chất lượng dịch vụ công trực tuyến.\n    metrics:\n"
                for m in 1...4 {
                    text += "      - id: \(topic)-\(m)\n        label: Chỉ số \(m) của \(topic)\n        value: \((n * 7 + m * 3) % 90)\n"
                        + "        target: \((n * 7 + m * 5) % 90 + 10)\n        unit: \"%\"\n        previous: \(n * 5 + m)\n"
                        + "        source: Minh họa\n        illustrative: true\n"
                }
                text += "    highlights:\n      - Kết nối liên thông văn bản 4 cấp chính quyền\n      - Ứng dụng công dân thông minh\n"
                text += "    issues:\n      - Thiếu nhân lực chuyên trách an toàn thông tin\n"
            }
            try folder.write("provinces/\(p.id).yaml", n % 2 == 0 ? text : text.decomposedStringWithCanonicalMapping)
        }
    }

    /// Speed is held by the benchmarks (Benchmarks/); this checks the mixed NFC/NFD folder loads whole.
    func testNineteenProvincesInMixedNFCAndNFDLoadWithoutProblems() throws {
        let folder = try TestFolder()
        try Self.writeMeeting(into: folder)
        let result = folder.load()
        XCTAssertEqual(result.diagnostics.count, 0, result.diagnostics.first?.description ?? "")
        XCTAssertEqual(result.meeting?.provinces.map(\.name), Self.provinces.map(\.name))
        XCTAssertEqual(result.meeting?.provinces.allSatisfy { $0.topics.count == 4 }, true)
        let names = result.meeting?.provinces.map { Array($0.name.unicodeScalars) } ?? []
        XCTAssertEqual(names, Self.provinces.map { Array($0.name.precomposedStringWithCanonicalMapping.unicodeScalars) },
                       "NFD files come out NFC, scalar for scalar")
    }
}
