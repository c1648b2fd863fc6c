import CioDashCore
@testable import CioDashSpreadsheet
import XCTest

/// Issue 26's secretariat items at the library's level: what import decides about a file it wrote
/// (item 1), a province kept as JSON (item 3), what a Vietnamese clerk types (item 4) and how a problem
/// names its item (item 5).
final class SecretariatDeskTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-desk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2019
            date: 2019-07-27
            topics:
              - id: smart-city
                title: Đô thị thông minh
                title_en: Smart city
                metrics:
                  - id: items
                    label: Hạng mục đã triển khai
                    label_en: Items deployed
                    unit: "%"

            """.write(toFile: folder + "/meeting.yaml", atomically: true, encoding: .utf8)
        try """
            {"format": "ciodash/1", "id": "da-nang", "name": "Đà Nẵng",
             "topics": {"smart-city": {"status": "at-risk",
               "metrics": [{"id": "items", "label": "Hạng mục đã triển khai", "value": 25, "unit": "%"}]}}}

            """.write(toFile: folder + "/provinces/da-nang.json", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                              ofItemAtPath: folder + "/provinces/da-nang.json")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    /// A CSV form for `province` (the form sheet saved by Excel in a Vietnamese locale), with its rows.
    private func csvForm(_ province: String, status: String = "Có rủi ro", _ metricRows: [String]) throws -> String {
        let rows = [["Mã tỉnh (province id)", province], [FormLayout.header[0], FormLayout.header[1]],
                    ["smart-city", "", "Đô thị thông minh", "", "", "", status, ""]].map { $0.joined(separator: ";") }
        let path = folder + "/\(province)-\(UUID().uuidString).csv"
        try Data(Array((rows + metricRows).joined(separator: "\r\n").utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func prepare(_ path: String, language: Language = .en) throws -> FormImport {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: folder).meeting)
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertFalse(problems.contains { $0.severity == .error }, problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        return FormImport.prepare(try XCTUnwrap(form), formPath: path, meeting: meeting, folder: folder, force: false, language: language)
    }

    // MARK: Item 1: the import record

    func testTheImportRecordTellsAFileAsImportedFromOneEditedSince() {
        let written = ImportRecord.stamped("format: ciodash/1\nid: hue\n")
        XCTAssertEqual(ImportRecord.state(of: Array(written.utf8)), .asImported)
        let edited = written.replacingOccurrences(of: "id: hue", with: "id: hue\nsource: \"sửa tay\"")
        XCTAssertEqual(ImportRecord.state(of: Array(edited.utf8)), .editedSinceImport)
        XCTAssertEqual(ImportRecord.state(of: Array("format: ciodash/1\nid: hue\n".utf8)), .noRecord)
        XCTAssertEqual(ImportRecord.state(of: []), .noRecord)
    }

    func testAFileImportWroteIsReplacedByALaterFormWhateverItsTime() throws {
        try ProvinceYAMLWriter.text(ProvinceReport(id: "ha-tinh", name: "Hà Tĩnh", file: "provinces/ha-tinh.yaml"),
                                    topicOrder: [], header: "Nhập từ biểu mẫu ha-tinh.xlsx bằng ciodash import.")
            .write(toFile: folder + "/provinces/ha-tinh.yaml", atomically: true, encoding: .utf8)
        // The file is newer than the form (import wrote it after the form was saved): that is no edit.
        let path = try csvForm("ha-tinh", ["smart-city;items;Hạng mục;%;;;41,5;"])
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: path)
        let prepared = try prepare(path)
        XCTAssertEqual(prepared.problems.map { $0.description(in: .en) }, [])
        XCTAssertFalse(prepared.isUnchanged)

        // Edited by hand since: named as such, not replaced.
        var text = try String(contentsOfFile: folder + "/provinces/ha-tinh.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "name: \"Hà Tĩnh\"", with: "name: \"Hà Tĩnh\"\nsource: \"Sở KH&CN\"")
        try text.write(toFile: folder + "/provinces/ha-tinh.yaml", atomically: true, encoding: .utf8)
        let refused = try prepare(path)
        XCTAssertEqual(refused.problems.map { $0.description(in: .en) }, [
            "\(path): error: \(folder)/provinces/ha-tinh.yaml was edited by hand since the last import (it differs from what "
                + "ciodash import wrote); it is not replaced, so the edit is not lost (look at the file, then use --force to replace it)",
        ])
    }

    func testAFormThatChangesNothingIsUnchanged() throws {
        let path = try csvForm("da-nang", ["smart-city;items;Hạng mục;%;;;25;"])
        XCTAssertTrue(try prepare(path).isUnchanged)
        XCTAssertFalse(try prepare(try csvForm("da-nang", ["smart-city;items;Hạng mục;%;;;26;"])).isUnchanged)
    }

    // MARK: Item 3: a province kept as JSON

    func testAProvinceKeptAsJSONIsWrittenAsJSONInItsOwnFile() throws {
        let path = try csvForm("da-nang", status: "Đúng tiến độ", ["smart-city;items;Hạng mục;%;;;41,5;Báo cáo 7\\BC"])
        let prepared = try prepare(path)
        XCTAssertEqual(prepared.problems.map { $0.description(in: .en) }, [])
        XCTAssertEqual(prepared.target, folder + "/provinces/da-nang.json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(prepared.text.utf8)) as? [String: Any], prepared.text)
        XCTAssertEqual(json["id"] as? String, "da-nang")
        let topic = try XCTUnwrap((json["topics"] as? [String: Any])?["smart-city"] as? [String: Any])
        XCTAssertEqual(topic["status"] as? String, "on-track")
        let metric = try XCTUnwrap((topic["metrics"] as? [[String: Any]])?.first)
        XCTAssertEqual(metric["value"] as? Double, 41.5)
        XCTAssertEqual(metric["source"] as? String, "Báo cáo 7\\BC")
        XCTAssertEqual(prepared.changes.map(\.item), ["Smart city: status", "Smart city — Items deployed"])
    }

    func testASignedImportIntoAJSONProvinceKeepsItsDataDigestCheckable() throws {
        var report = ProvinceReport(id: "da-nang", name: "Đà Nẵng", file: "provinces/da-nang.json")
        report.signature = SignatureRecord(verdict: .valid, file: "da-nang.xlsx", fileSHA256: "ab")
        try ProvinceJSONWriter.text(report, topicOrder: []).write(toFile: folder + "/provinces/da-nang.json", atomically: true, encoding: .utf8)
        let result = MeetingLoader().load(folder: folder)
        XCTAssertEqual(result.diagnostics.filter { $0.file.hasSuffix("da-nang.json") && $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(result.meeting?.province("da-nang")?.signature?.dataIntact, true)
    }

    // MARK: Item 4: what a Vietnamese clerk types

    func testAPercentSignInAPercentRowAndAStatusInOtherWordsAreReadWithAWarning() throws {
        let path = try csvForm("da-nang", status: "chậm tiến độ", ["smart-city;items;Hạng mục;%;;;62%;"])
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(form?.topics.first?.status, .behind)
        XCTAssertEqual(form?.topics.first?.metrics.first?.value, 62)
        XCTAssertEqual(problems.map { $0.severity }, [.warning, .warning])
        XCTAssertEqual(problems.map { $0.description(in: .vi) }, [
            "\(path):3:34 — Đô thị thông minh: cảnh báo: trạng thái \"chậm tiến độ\" được đọc là \"chậm\"; lần sau hãy chọn trong danh sách",
            "\(path):4:31 — Hạng mục: cảnh báo: giá trị \"62%\" có dấu %; đọc là 62 (đơn vị của dòng này đã là %); lần sau chỉ ghi số",
        ])
        // Not in a row of another unit, and not a status text naming two statuses.
        let other = try csvForm("da-nang", status: "chưa rõ, đúng tiến độ", ["smart-city;items;Hạng mục;dịch vụ;;;62%;"])
        XCTAssertEqual(ReturnedFormReader.read(path: other).1.map { $0.severity }, [.error, .error])
    }

    func testANumberThatReadsTwoWaysWritesTheDecimalReadingTheVietnameseWay() throws {
        let path = try csvForm("da-nang", ["smart-city;items;Hạng mục;%;;;812.345;"])
        let problems = ReturnedFormReader.read(path: path).1
        XCTAssertEqual(problems.count, 1)
        let vi = try XCTUnwrap(problems.first?.description(in: .vi))
        XCTAssertTrue(vi.contains("đọc được hai cách: 812345 (có dấu ngăn cách hàng nghìn) hoặc 812,345 (số thập phân)"), vi)
        XCTAssertFalse(vi.contains("812.345 ("), vi)
    }

    // MARK: Item 5: names, not ids; severity words in Vietnamese

    func testAProblemNamesTheItemBesideItsCellAndChangesNameTopicsAndMetrics() throws {
        let rows = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>\(FormLayout.provinceIDLabel)</t></is></c>"
            + "<c r=\"B2\" t=\"inlineStr\"><is><t>da-nang</t></is></c></row>"
            + "<row r=\"8\"><c r=\"A8\" t=\"inlineStr\"><is><t>\(FormLayout.header[0])</t></is></c></row>"
            + "<row r=\"22\"><c r=\"A22\" t=\"inlineStr\"><is><t>smart-city</t></is></c><c r=\"B22\" t=\"inlineStr\"><is><t>items</t></is></c>"
            + "<c r=\"C22\" t=\"inlineStr\"><is><t>Chứng thư số đã cấp</t></is></c><c r=\"G22\" t=\"inlineStr\"><is><t>khoảng 40</t></is></c></row>"
        let path = try WorkbookFixture.write([(FormLayout.instructionsSheet, ""), (FormLayout.formSheet, rows)], name: "da-nang.xlsx")
        let problems = ReturnedFormReader.read(path: path).1
        XCTAssertEqual(problems.map { $0.description(in: .vi) }, [
            "\(path):Biểu mẫu!G22 — Chứng thư số đã cấp: lỗi: giá trị \"khoảng 40\" không phải là số; ghi số không kèm đơn vị, ví dụ 45 hoặc 0,6045",
        ])
        let vi = try prepare(try csvForm("da-nang", status: "Đúng tiến độ", ["smart-city;items;Hạng mục;%;;;30;"]), language: .vi)
        XCTAssertEqual(vi.changes.map(\.item), ["Đô thị thông minh: trạng thái", "Đô thị thông minh — Hạng mục đã triển khai"])
    }
}
