import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// `metrics.csv` as Excel writes it in each locale and encoding: one reader for every dialect.
final class CSVDialectTests: XCTestCase {
    private let columns = ["province", "topic", "metric", "label", "value", "target", "unit", "previous", "source"]

    private func load(bytes: [UInt8]) throws -> (TestFolder, LoadResult) {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
        try folder.write("metrics.csv", bytes: bytes)
        return (folder, folder.load())
    }

    private func messages(_ result: LoadResult, _ folder: TestFolder) -> [String] {
        result.diagnostics.filter { $0.file == folder.file("metrics.csv") }.map(\.description)
            .map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    private func value(_ result: LoadResult, _ metric: String) -> Double? {
        result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric(metric)?.value
    }

    private func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    func testSemicolonsAndDecimalCommasOfAVietnameseLocale() throws {
        let csv = columns.joined(separator: ";") + "\r\n"
            + "thua-thien-hue;smart-city;dti;Chỉ số DTI;0,6045;;điểm;0,5;DTI 2024\r\n"
            + "thua-thien-hue;smart-city;budget;Kinh phí;1.349,5;;tỷ đồng;;\r\n"
        let (folder, result) = try load(bytes: [0xEF, 0xBB, 0xBF] + Array(csv.utf8))
        XCTAssertEqual(messages(result, folder), [])
        XCTAssertEqual(value(result, "dti"), 0.6045)
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("dti")?.previous, 0.5)
        XCTAssertEqual(value(result, "budget"), 1349.5)
    }

    func testCommasAndDecimalDotsWithoutBOM() throws {
        let csv = columns.joined(separator: ",") + "\n" + "thua-thien-hue,smart-city,dti,Chỉ số DTI,0.6045,,điểm,,\n"
        let (folder, result) = try load(bytes: Array(csv.utf8))
        XCTAssertEqual(messages(result, folder), [])
        XCTAssertEqual(value(result, "dti"), 0.6045)
    }

    /// Excel's "Unicode text": UTF-16 LE with a byte-order mark, cells separated by tabs.
    func testUnicodeTextIsUTF16WithTabs() throws {
        let csv = columns.joined(separator: "\t") + "\r\n" + "thua-thien-hue\tsmart-city\tdti\tChỉ số chuyển đổi số\t0,7951\t\t\t\t\r\n"
        let (folder, result) = try load(bytes: utf16LE(csv))
        XCTAssertEqual(messages(result, folder), [])
        XCTAssertEqual(value(result, "dti"), 0.7951)
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("dti")?.label, "Chỉ số chuyển đổi số")
    }

    func testExcelsSepLineChoosesTheSeparator() throws {
        let csv = "sep=;\n" + columns.joined(separator: ";") + "\n" + "thua-thien-hue;smart-city;dti;DTI;0,6;;;;\n"
        let (folder, result) = try load(bytes: Array(csv.utf8))
        XCTAssertEqual(messages(result, folder), [])
        XCTAssertEqual(value(result, "dti"), 0.6)
    }

    /// A Vietnamese thousands dot where decimals are commas: 812345, or 812.345? Never guessed.
    func testAThousandsDotReadsTwoWaysInASemicolonFile() throws {
        let csv = columns.joined(separator: ";") + "\n" + "thua-thien-hue;smart-city;people;Dân số;812.345;;người;;\n"
        let (folder, result) = try load(bytes: Array(csv.utf8))
        XCTAssertEqual(messages(result, folder), [
            "metrics.csv:2:41: error: value \"812.345\" reads two ways: 812345 (a thousands separator) or 812.345 (a decimal mark); "
                + "write it without thousands separators (812345) or with more decimals (812.3450)",
        ])
        XCTAssertNil(value(result, "people"), "the row is left out, not guessed")
    }

    /// An English thousands comma where decimals are dots: 1349, or 1.349? Never guessed.
    func testAThousandsCommaReadsTwoWaysInACommaFile() throws {
        let csv = columns.joined(separator: ",") + "\n" + "thua-thien-hue,smart-city,tthc,TTHC,\"1,349\",,,,\n"
        let (folder, result) = try load(bytes: Array(csv.utf8))
        XCTAssertEqual(messages(result, folder), [
            "metrics.csv:2:37: error: value \"1,349\" reads two ways: 1349 (a thousands separator) or 1.349 (a decimal mark); "
                + "write it without thousands separators (1349) or with more decimals (1.3490)",
        ])
        XCTAssertNil(value(result, "tthc"))
    }

    func testLeadingZeroIsNeverAThousandsGroup() {
        XCTAssertEqual(NumberText.read("0.727"), .number(0.727))
        XCTAssertEqual(NumberText.read("0,727"), .number(0.727))
    }

    func testUTF16WithoutBOMIsNamed() throws {
        let csv = columns.joined(separator: ",") + "\n"
        let (folder, result) = try load(bytes: Array(utf16LE(csv).dropFirst(2)))
        XCTAssertEqual(messages(result, folder), [
            "metrics.csv:1: error: the file looks like UTF-16 text without its byte-order mark; save it again as \"CSV UTF-8\"",
        ])
    }

    /// CSV injection: a cell that a spreadsheet would run stays text, shown as written.
    func testFormulaLookingTextStaysText() throws {
        let csv = columns.joined(separator: ",") + "\n"
            + "thua-thien-hue,smart-city,x,\"=HYPERLINK(\"\"http://evil\"\",\"\"bấm\"\")\",1,,,,+cmd|' /C calc'!A0\n"
        let (folder, result) = try load(bytes: Array(csv.utf8))
        XCTAssertEqual(messages(result, folder), [])
        let metric = try XCTUnwrap(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("x"))
        XCTAssertEqual(metric.label, "=HYPERLINK(\"http://evil\",\"bấm\")")
        XCTAssertEqual(metric.source, "+cmd|' /C calc'!A0")
    }

    /// A row citing a real source replaces an illustrative figure with a reported one.
    func testARowWithASourceDropsTheIllustrativeMark() throws {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
        let before = try XCTUnwrap(folder.load().meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("online-share"))
        XCTAssertTrue(before.illustrative, "the fixture's figure starts illustrative")
        let header = columns.joined(separator: ",") + ",illustrative\n"
        try folder.write("metrics.csv", header + "thua-thien-hue,smart-city,\(before.id),,40,,,,Báo cáo 12/BC-STTTT,\n")
        let cited = try XCTUnwrap(folder.load().meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric(before.id))
        XCTAssertEqual(cited.source, "Báo cáo 12/BC-STTTT")
        XCTAssertFalse(cited.illustrative)
        try folder.write("metrics.csv", header + "thua-thien-hue,smart-city,\(before.id),,40,,,,Ước tính,có\n")
        XCTAssertEqual(folder.load().meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric(before.id)?.illustrative, true,
                       "the row's own illustrative cell wins")
        try folder.write("metrics.csv", header + "thua-thien-hue,smart-city,\(before.id),,40,,,,,\n")
        XCTAssertEqual(folder.load().meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric(before.id)?.illustrative, true,
                       "a row without a source keeps the mark")
    }
}
