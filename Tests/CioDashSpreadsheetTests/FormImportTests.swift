import CioDashCore
@testable import CioDashSpreadsheet
import XCTest

/// A returned form merged into the current file: formulas, injection-looking text, bad values.
final class FormImportTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-import-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2019
            date: 2019-07-27
            topics:
              - id: smart-city
                title: Đô thị thông minh
                metrics:
                  - id: ioc-services
                    label: Dịch vụ IOC
                    unit: dịch vụ

            """.write(toFile: folder + "/meeting.yaml", atomically: true, encoding: .utf8)
        try """
            format: ciodash/1
            id: ha-tinh
            name: Hà Tĩnh
            topics:
              smart-city:
                status: at-risk
                metrics:
                  - id: items
                    label: Hạng mục
                    value: 25
                    unit: "%"
                    illustrative: true

            """.write(toFile: folder + "/provinces/ha-tinh.yaml", atomically: true, encoding: .utf8)
        // The form is older than nothing: give the status file an old time so the newer-file rule stays quiet.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                              ofItemAtPath: folder + "/provinces/ha-tinh.yaml")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    private func inline(_ ref: String, _ text: String) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// A form as a province returns it: the header, a topic row, and metric rows with `cells` (G, H).
    private func form(_ metricRows: [String]) throws -> String {
        var rows = "<row r=\"2\">\(inline("A2", FormLayout.provinceIDLabel))\(inline("B2", "ha-tinh"))</row>"
        rows += "<row r=\"8\">\(inline("A8", FormLayout.header[0]))</row>"
        rows += "<row r=\"9\">\(inline("A9", "smart-city"))\(inline("G9", "Đúng tiến độ"))</row>"
        rows += metricRows.joined()
        return try WorkbookFixture.write([(FormLayout.instructionsSheet, ""), (FormLayout.formSheet, rows)], name: "ha-tinh.xlsx")
    }

    private func prepare(_ path: String) throws -> FormImport {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: folder).meeting)
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertFalse(problems.contains { $0.severity == .error }, problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        return FormImport.prepare(try XCTUnwrap(form), formPath: path, meeting: meeting, folder: folder, force: false, language: .en)
    }

    func testAFormulaCellGivesItsCachedValueAndSaysSo() throws {
        let path = try form(["<row r=\"10\">\(inline("A10", "smart-city"))\(inline("B10", "items"))<c r=\"G10\"><f>20+21</f><v>41</v></c></row>"])
        let (_, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.map { $0.description(in: .en) },
                       ["\(path):Biểu mẫu!G10: warning: the cell holds a formula; its saved value \"41\" is used, the formula is not evaluated"])
        let prepared = try prepare(path)
        XCTAssertEqual(prepared.changes, [FormImport.Change(item: "Đô thị thông minh: status", old: "có rủi ro", new: "đúng tiến độ"),
                                          FormImport.Change(item: "Đô thị thông minh — Hạng mục", old: "25", new: "41")])
        XCTAssertTrue(prepared.text.contains("value: 41\n"), prepared.text)
        XCTAssertTrue(prepared.text.contains("illustrative: false"), "a returned figure is a reported one")
    }

    func testInjectionLookingTextIsKeptAsQuotedTextWithAWarning() throws {
        let link = "=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"
        let path = try form([
            "<row r=\"10\">\(inline("A10", "smart-city"))\(inline("B10", "items"))<c r=\"G10\"><v>30</v></c>\(inline("H10", link))</row>",
            "<row r=\"11\">\(inline("A11", "smart-city"))\(inline("B11", "ioc-services"))<c r=\"G11\"><v>9</v></c>\(inline("H11", "+cmd|' /C calc'!A0"))</row>",
        ])
        let (_, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.map(\.place), ["Biểu mẫu!H10", "Biểu mẫu!H11"])
        XCTAssertTrue(problems[0].message.en.hasPrefix("the text \"=HYPERLINK("), problems[0].message.en)
        XCTAssertTrue(problems[0].message.en.hasSuffix("looks like a formula; it is kept as text and never run as one"))
        let prepared = try prepare(path)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.text.contains("source: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"\n"), prepared.text)
        XCTAssertTrue(prepared.text.contains("source: \"+cmd|' /C calc'!A0\"\n"), prepared.text)
        // A metric the agenda declares but the file lacked is added with the agenda's label and unit.
        XCTAssertTrue(prepared.text.contains("label: \"Dịch vụ IOC\"\n        value: 9\n        unit: \"dịch vụ\""), prepared.text)
    }

    func testBadValuesNameTheirCell() throws {
        let path = try form([
            "<row r=\"10\">\(inline("A10", "smart-city"))\(inline("B10", "items"))\(inline("G10", "khoảng 40"))</row>",
            "<row r=\"11\">\(inline("A11", "smart-city"))\(inline("B11", "ioc-services"))<c r=\"G11\" t=\"e\"><v>#REF!</v></c></row>",
        ])
        let (_, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.map { $0.description(in: .en) }, [
            "\(path):Biểu mẫu!G10: error: value \"khoảng 40\" is not a number; write a number without its unit, e.g. 45 or 0.6045",
            "\(path):Biểu mẫu!G11: error: the cell holds the formula error \"#REF!\"; enter the figure",
        ])
        XCTAssertEqual(problems[0].description(in: .vi),
                       "\(path):Biểu mẫu!G10: lỗi: giá trị \"khoảng 40\" không phải là số; ghi số không kèm đơn vị, ví dụ 45 hoặc 0,6045")
    }

    func testAWorkbookWithoutTheFormSheet() throws {
        let path = try WorkbookFixture.write([("Sheet1", "")], name: "other.xlsx")
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertNil(form)
        XCTAssertEqual(problems.first?.message.en,
                       "the workbook has no sheet \"Biểu mẫu\"; use the form ciodash template made, without renaming sheets")
    }

    func testAYAMLFormFromTheSkeleton() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: folder).meeting)
        let skeleton = ReturnFormYAML.text(ReturnForm(meeting: meeting, province: try XCTUnwrap(meeting.province("ha-tinh"))))
        let filled = skeleton.replacingOccurrences(of: "      - id: items\n        label: \"Hạng mục\"\n        value:",
                                                   with: "      - id: items\n        label: \"Hạng mục\"\n        value: 0,5")
        XCTAssertNotEqual(filled, skeleton, "the skeleton lists the metric with an empty value:\n\(skeleton)")
        let path = folder + "/ha-tinh-form.yaml"
        try filled.write(toFile: path, atomically: true, encoding: .utf8)
        let prepared = try prepare(path)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.changes.contains(FormImport.Change(item: "Đô thị thông minh — Hạng mục", old: "25", new: "0.5")), "\(prepared.changes)")
    }

    /// The form sheet saved as CSV by Excel in a Vietnamese locale: semicolons, decimal commas, a BOM.
    private func csvForm(_ metricRows: [String], separator: String = ";") throws -> String {
        let rows = [["Mã tỉnh (province id)", "ha-tinh"], [FormLayout.header[0], FormLayout.header[1]],
                    ["smart-city", "", "Đô thị thông minh", "", "", "", "Có rủi ro", ""]].map { $0.joined(separator: separator) }
        let path = folder + "/ha-tinh-\(UUID().uuidString).csv"
        try Data([0xEF, 0xBB, 0xBF] + Array((rows + metricRows).joined(separator: "\r\n").utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testACSVFormInTheVietnameseDialect() throws {
        let path = try csvForm(["smart-city;items;Hạng mục;%;;25;41,5;Báo cáo 7/BC", "smart-city;ioc-services;Dịch vụ IOC;;;;9;"])
        let prepared = try prepare(path)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.changes.contains(FormImport.Change(item: "Đô thị thông minh — Hạng mục", old: "25", new: "41.5")), "\(prepared.changes)")
        XCTAssertTrue(prepared.text.contains("value: 41.5\n"), prepared.text)
        XCTAssertTrue(prepared.text.contains("source: \"Báo cáo 7/BC\""), prepared.text)
    }

    /// Issue 28, class 20: Excel's `sep=` line may name any separator; `sep=|` was told "header row missing".
    func testACSVFormWhoseSepLineNamesAPipe() throws {
        let rows = ["sep=|", "Mã tỉnh (province id)|ha-tinh", "\(FormLayout.header[0])|\(FormLayout.header[1])",
                    "smart-city||Đô thị thông minh||||Có rủi ro|", "smart-city|items|Hạng mục|%||25|41,5|Báo cáo 7/BC, 2019"]
        let path = folder + "/ha-tinh-pipe.csv"
        try rows.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let prepared = try prepare(path)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.changes.contains(FormImport.Change(item: "Đô thị thông minh — Hạng mục", old: "25", new: "41.5")), "\(prepared.changes)")
        XCTAssertTrue(prepared.text.contains("source: \"Báo cáo 7/BC, 2019\""), prepared.text)
    }

    func testACSVFormNumberThatReadsTwoWaysNamesItsLineAndColumn() throws {
        let path = try csvForm(["smart-city,items,Hạng mục,%,,25,\"1,349\",", "smart-city,ioc-services,Dịch vụ IOC,,,,812.345,"],
                               separator: ",")
        let (_, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.map { $0.description(in: .en) }, [
            "\(path):4:33 — Hạng mục: error: value \"1,349\" reads two ways: 1349 (with a thousands separator) or 1.349 (with a decimal mark); enter it as a number cell, not as text",
            "\(path):5:40 — Dịch vụ IOC: error: value \"812.345\" reads two ways: 812345 (with a thousands separator) or 812.345 (with a decimal mark); enter it as a number cell, not as text",
        ])
    }

    /// "As of" typed as Vietnamese forms write dates: always day first, also when the day is 12 or less
    /// (issue 26, item 4: 05/07/2019 was refused as ambiguous).
    func testAnAsOfDateTypedDayFirst() throws {
        func form(_ date: String) throws -> String {
            let path = try csvForm(["smart-city;items;Hạng mục;%;;25;41,5;"])
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: "ha-tinh\r\n", with: "ha-tinh\r\n\(FormLayout.reportedLabel);\(date)\r\n")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        for (typed, iso) in [("26/07/2019", "2019-07-26"), ("26-7-2019", "2019-07-26"), ("26.07.2019", "2019-07-26"),
                             ("07/07/2019", "2019-07-07"), ("2019-07-26", "2019-07-26"), ("05/07/2019", "2019-07-05"),
                             ("1/2/2019", "2019-02-01"), ("12.11.2019", "2019-11-12")] {
            let (read, problems) = ReturnedFormReader.read(path: try form(typed))
            XCTAssertEqual(problems.map { $0.description(in: .en) }, [], typed)
            XCTAssertEqual(read?.reported?.description, iso, typed)
        }
        let (_, impossible) = ReturnedFormReader.read(path: try form("31/02/2019"))
        XCTAssertEqual(impossible.count, 1)
        XCTAssertEqual(impossible.first?.description(in: .en).contains("date \"31/02/2019\" is not valid; write it day first"), true)
        XCTAssertEqual(impossible.first?.description(in: .vi).contains(": lỗi: ngày \"31/02/2019\" không hợp lệ"), true)
    }

    func testACSVFormInUnicodeText() throws {
        let rows = ["Mã tỉnh (province id)\tha-tinh", FormLayout.header[0], "smart-city\t\t\t\t\t\tĐúng tiến độ\t",
                    "smart-city\titems\tHạng mục\t%\t\t25\t0,5\t"].joined(separator: "\r\n")
        let path = folder + "/ha-tinh.txt"
        try Data([0xFF, 0xFE] + rows.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: path))
        let prepared = try prepare(path)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.changes.contains(FormImport.Change(item: "Đô thị thông minh — Hạng mục", old: "25", new: "0.5")), "\(prepared.changes)")
    }
}
