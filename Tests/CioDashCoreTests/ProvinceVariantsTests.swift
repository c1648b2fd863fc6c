import Foundation
import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// One province file written as NFC, NFD, CRLF, with a BOM, and as JSON must load to the same model.
final class ProvinceVariantsTests: XCTestCase {
    private func loadProvince(named fileName: String, bytes: [UInt8]) throws -> (ProvinceReport, LoadResult) {
        let folder = try TestFolder(["meeting.yaml": sampleMeeting])
        try folder.write("provinces/" + fileName, bytes: bytes)
        // Every variant carries the same modification time, so the comparisons with the reference are
        // of what was read, not of two writes that a loaded machine may put a second apart.
        let path = folder.path + "/provinces/" + fileName
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_564_214_400)], ofItemAtPath: path)
        let result = folder.load()
        let province = try XCTUnwrap(result.meeting?.province("thua-thien-hue"))
        return (province, result)
    }

    private func reference() throws -> ProvinceReport {
        let (province, result) = try loadProvince(named: "thua-thien-hue.yaml", bytes: Array(provinceFile().utf8))
        XCTAssertEqual(result.errorCount, 0, "\(result.diagnostics)")
        XCTAssertFalse(province.isBroken)
        return province
    }

    func testReferenceLoadsEveryField() throws {
        let p = try reference()
        XCTAssertEqual(p.name, "Thừa Thiên Huế")
        XCTAssertEqual(p.code, "46")
        XCTAssertEqual(p.reported, LocalDate(year: 2019, month: 7, day: 1))
        let smart = try XCTUnwrap(p.topics["smart-city"])
        XCTAssertEqual(smart.status, .onTrack)
        XCTAssertEqual(smart.summary, "Trung tâm IOC khai trương ngày 25/7/2019.\nHơn 85 cơ quan kết nối.\n")
        XCTAssertEqual(smart.metrics.map(\.id), ["ioc-services", "online-share"])
        XCTAssertEqual(smart.metrics[0].value, 10)
        XCTAssertEqual(smart.metrics[0].target, 12)
        XCTAssertEqual(smart.metrics[1].unit, "%")
        XCTAssertEqual(smart.metrics[1].previous, 8)
        XCTAssertTrue(smart.metrics[1].illustrative)
        XCTAssertFalse(smart.metrics[0].illustrative)
        XCTAssertEqual(smart.highlights, ["Ứng dụng Hue-S"])
        XCTAssertEqual(smart.issues, ["Thiếu nhân lực ATTT"])
        XCTAssertEqual(p.topics["digital-signatures"]?.status, .atRisk)
    }

    func testNFDLoadsAsNFC() throws {
        let nfd = provinceFile().decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array(provinceFile().utf8), "the NFD variant must differ in bytes")
        let (province, _) = try loadProvince(named: "thua-thien-hue.yaml", bytes: Array(nfd.utf8))
        let expected = try reference()
        XCTAssertEqual(province, expected)
        XCTAssertEqual(Array(province.name.unicodeScalars), Array("Thừa Thiên Huế".precomposedStringWithCanonicalMapping.unicodeScalars))
        XCTAssertEqual(Array(province.topics["smart-city"]!.issues[0].unicodeScalars),
                       Array(expected.topics["smart-city"]!.issues[0].unicodeScalars))
    }

    func testCRLFLoadsTheSame() throws {
        let crlf = provinceFile().replacingOccurrences(of: "\n", with: "\r\n")
        let (province, result) = try loadProvince(named: "thua-thien-hue.yaml", bytes: Array(crlf.utf8))
        XCTAssertEqual(province, try reference())
        XCTAssertEqual(result.errorCount, 0)
    }

    func testByteOrderMarkLoadsTheSame() throws {
        let (province, result) = try loadProvince(named: "thua-thien-hue.yaml",
                                                  bytes: [0xEF, 0xBB, 0xBF] + Array(provinceFile().utf8))
        XCTAssertEqual(province, try reference())
        XCTAssertEqual(result.errorCount, 0)
    }

    func testBOMAndCRLFAndNFDTogether() throws {
        let text = provinceFile().decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
        let (province, _) = try loadProvince(named: "thua-thien-hue.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(province, try reference())
    }

    /// JSON with tab indentation (which libyaml rejects before the first brace), escapes and a BOM.
    static let json = "\u{FEFF}\t{\n\t\"format\": \"ciodash/1\",\n\t\"id\": \"thua-thien-hue\",\n"
        + "\t\"name\": \"Th\\u1eeba Thi\\u00ean Hu\\u1ebf\",\n\t\"code\": \"46\",\n\t\"region\": \"Bắc Trung Bộ\",\n"
        + "\t\"reported\": \"2019-07-01\",\n\t\"source\": \"Sở TT&TT\",\n\t\"topics\": {\n"
        + "\t\t\"smart-city\": {\n\t\t\t\"status\": \"on-track\",\n"
        + "\t\t\t\"summary\": \"Trung tâm IOC khai trương ngày 25\\/7\\/2019.\\nHơn 85 cơ quan kết nối.\\n\",\n"
        + "\t\t\t\"metrics\": [\n"
        + "\t\t\t\t{\"id\":\"ioc-services\",\"label\":\"Dịch vụ IOC\",\"value\":10,\"target\":1.2e1,\"source\":\"Báo Mới\"},\n"
        + "\t\t\t\t{\"id\": \"online-share\", \"label\": \"Tỷ lệ hồ sơ trực tuyến\", \"value\": 12.5, \"unit\": \"%\",\n"
        + "\t\t\t\t \"previous\": 8, \"illustrative\": true}\n\t\t\t],\n"
        + "\t\t\t\"highlights\": [\"Ứng dụng Hue-S\"],\n\t\t\t\"issues\": [\"Thiếu nhân lực ATTT\"]\n\t\t},\n"
        + "\t\t\"digital-signatures\": {\"status\": \"at-risk\", \"metrics\": []}\n\t}\n}\n"

    func testJSONLoadsTheSame() throws {
        let (province, result) = try loadProvince(named: "thua-thien-hue.json", bytes: Array(Self.json.utf8))
        XCTAssertEqual(result.errorCount, 0, "\(result.diagnostics)")
        var expected = try reference()
        expected.file = "provinces/thua-thien-hue.json"
        XCTAssertEqual(province, expected)
    }

    func testJSONSurrogatePairEscapeIsDecoded() throws {
        let text = #"{"format": "ciodash/1", "id": "x", "name": "A \ud83d\ude00 B", "topics": {}}"#
        let outcome = YAMLReader.parse(Array(text.utf8), file: "x.json", isJSON: true)
        XCTAssertNil(outcome.fatal)
        guard case .mapping(let entries)? = outcome.root?.content else { return XCTFail("no mapping") }
        XCTAssertEqual(entries.first { $0.key == "name" }?.value.scalarText, "A 😀 B")
    }

    func testJSONMeetingFileLoads() throws {
        let meeting = #"""
        {
        	"format": "ciodash/1", "council": "Hội đồng", "title": "Phiên họp", "date": "2019-07-27",
        	"topics": [{"id": "smart-city", "title": "ĐTTM", "minutes": 20}],
        	"provinces": ["thua-thien-hue"]
        }
        """#
        let folder = try TestFolder(["meeting.json": meeting])
        let result = folder.load()
        XCTAssertEqual(result.meeting?.topics.map(\.id), ["smart-city"])
        XCTAssertEqual(result.meeting?.topics.first?.minutes, 20)
        XCTAssertEqual(result.meeting?.date, LocalDate(year: 2019, month: 7, day: 27))
    }
}
