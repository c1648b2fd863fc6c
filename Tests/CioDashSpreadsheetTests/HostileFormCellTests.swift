import CioDashCore
@testable import CioDashSpreadsheet
import XCTest
import ZIPFoundation

/// Issue 28: what a returned form's cells did to `import` — an XML entity cut the text or vanished,
/// Excel's `_xHHHH_` escapes stayed literal, NaN and over-long texts were reported at a line of the
/// generated file instead of at their cell, and large valid parts were "not valid XML … error 1".
final class HostileFormCellTests: XCTestCase {
    private func inline(_ ref: String, _ text: String) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// A form for ha-tinh with one metric row (G10 value, H10 source) and `shared` strings.
    private func form(value: String = "<c r=\"G10\"><v>5</v></c>", source: String = "", shared: [String] = [],
                      sharedXML: String? = nil) throws -> String {
        var rows = "<row r=\"2\">\(inline("A2", FormLayout.provinceIDLabel))\(inline("B2", "ha-tinh"))</row>"
        rows += "<row r=\"8\">\(inline("A8", FormLayout.header[0]))</row>"
        rows += "<row r=\"9\">\(inline("A9", "smart-city"))</row>"
        rows += "<row r=\"10\">\(inline("A10", "smart-city"))\(inline("B10", "items"))\(value)\(source)</row>"
        let path = try WorkbookFixture.write([(FormLayout.instructionsSheet, ""), (FormLayout.formSheet, rows)],
                                             sharedStrings: shared, name: "ha-tinh.xlsx")
        guard let sharedXML else { return path }
        return try replacingPart(path, "xl/sharedStrings.xml", sharedXML)
    }

    private func replacingPart(_ path: String, _ part: String, _ xml: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive where entry.path != part {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        parts.append((part, Data(xml.utf8)))
        return try WorkbookFixture.zip(parts, name: "ha-tinh.xlsx")
    }

    private func source(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.filter { $0.severity == .error }.map { $0.description(in: .en) }, [], file: file, line: line)
        return try XCTUnwrap(form, file: file, line: line).topics.first?.metrics.first?.source
    }

    private func errors(_ path: String) -> [String] {
        ReturnedFormReader.read(path: path).1.filter { $0.severity == .error }.map { "\($0.place ?? "-"): \($0.message.en)" }
    }

    // MARK: 17. Entities and Excel's escapes

    func testXMLsOwnEntitiesAndCharacterReferencesAreDecodedWholeInEveryKindOfCell() throws {
        let text = "Sở KH&amp;CN &lt;Hà Tĩnh&gt; &#x41;&#66; &quot;số 5&quot; &apos;đợt 2&apos; hết"
        let expected = "Sở KH&CN <Hà Tĩnh> AB \"số 5\" 'đợt 2' hết"
        XCTAssertEqual(try source(try form(source: inline("H10", text))), expected, "inline string")
        XCTAssertEqual(try source(try form(source: "<c r=\"H10\" t=\"s\"><v>0</v></c>", shared: ["<si><t>\(text)</t></si>"])),
                       expected, "shared string")
        XCTAssertEqual(try source(try form(source: "<c r=\"H10\" t=\"str\"><f>A1</f><v>\(text)</v></c>")), expected, "formula text")
        XCTAssertEqual(try source(try form(source: inline("H10", "<![CDATA[a & b <c>]]> d"))), "a & b <c> d", "CDATA")
    }

    func testAnEntityADTDDeclaresIsAnErrorAtItsCellNeverExpanded() throws {
        let shared = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY co "Sở TT&amp;TT"><!ENTITY lol "&co;&co;&co;">]>\
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Báo cáo &co; số 5</t></si></sst>
            """
        let path = try form(source: "<c r=\"H10\" t=\"s\"><v>0</v></c>", sharedXML: shared)
        XCTAssertEqual(errors(path), ["Biểu mẫu!H10: the cell's text has the reference \"&co;\", which is none of XML's own "
                                      + "entities (&amp; &lt; &gt; &quot; &apos;) nor a valid character; type the cell again in Excel and save"])
        XCTAssertEqual(errors(try form(source: inline("H10", "a &nbsp; b"))).first?.hasPrefix("Biểu mẫu!H10: the cell's text has the reference \"&nbsp;\""), true)
        XCTAssertEqual(errors(try form(source: inline("H10", "a &#0; b"))).first?.hasPrefix("Biểu mẫu!H10: the cell's text has the reference \"&#0;\""), true)
        XCTAssertEqual(errors(try form(source: inline("H10", "a & b"))),
                       ["-: the part \"xl/worksheets/sheet2.xml\" is not valid XML at line 1 (an & that starts no entity (write &amp;))"])
    }

    func testExcelsEscapesAreDecoded() throws {
        XCTAssertEqual(try source(try form(source: inline("H10", "dòng 1_x000D_\ndòng 2_x0009_tab"))), "dòng 1\ndòng 2 tab", "a tab is a space in a status file")
        XCTAssertEqual(try source(try form(source: inline("H10", "mã _x005F_x000D_ giữ nguyên"))), "mã _x000D_ giữ nguyên",
                       "_x005F_ escapes the underscore of a literal _x000D_")
        XCTAssertEqual(try source(try form(source: "<c r=\"H10\" t=\"s\"><v>0</v></c>", shared: ["<si><t>A_x0042_C _xD83D__xDE00_</t></si>"])),
                       "ABC 😀", "a surrogate pair in two escapes")
        XCTAssertEqual(try source(try form(source: inline("H10", "_x00zz_ x_y"))), "_x00zz_ x_y", "not an escape: kept")
        XCTAssertEqual(errors(try form(source: inline("H10", "half _xD83D_ a face"))),
                       ["Biểu mẫu!H10: the cell's text has the escape \"_xD83D_\", which is half a character; type the cell again in Excel and save"])
    }

    // MARK: 19. Values and texts refused at their cell

    func testNaNInfinityAndNumbersPastTheLargestDoubleAreRefusedAtTheirCell() throws {
        for value in ["<c r=\"G10\"><v>NaN</v></c>", "<c r=\"G10\"><v>INF</v></c>", "<c r=\"G10\"><v>1e309</v></c>",
                      inline("G10", "1" + String(repeating: "0", count: 310))] {
            let found = errors(try form(value: value))
            XCTAssertEqual(found.count, 1, "\(value): \(found)")
            XCTAssertTrue(found.first?.hasPrefix("Biểu mẫu!G10: the value for smart-city/items is ") ?? false, "\(value): \(found)")
            XCTAssertTrue(found.first?.hasSuffix("not a figure; enter the figure") ?? false, "\(value): \(found)")
        }
    }

    func testATextLongerThanAStatusFileHoldsIsRefusedAtItsCell() throws {
        let limit = LoadLimits.default.maxStringLength
        XCTAssertEqual(try source(try form(source: inline("H10", String(repeating: "ạ", count: limit)))),
                       String(repeating: "ạ", count: limit))
        XCTAssertEqual(errors(try form(source: inline("H10", String(repeating: "ạ", count: limit + 1)))),
                       ["Biểu mẫu!H10: the text for smart-city/items is \(limit + 1) characters long, more than a status file's "
                        + "\(limit)-character limit; shorten it"])
    }

    // MARK: 20. Large valid parts

    /// A valid shared string of 12 MiB (libxml2 refused text nodes past 10 MB): read whole, and then
    /// refused at its cell for its length, not as invalid XML.
    func testALargeValidPartIsReadAndTheTotalLimitMessageAppears() throws {
        let big = String(repeating: "A", count: 12 << 20)
        let path = try form(source: "<c r=\"H10\" t=\"s\"><v>0</v></c>", shared: ["<si><t>\(big)</t></si>"])
        let found = errors(path)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("Biểu mẫu!H10: the text for smart-city/items is 12582912 characters long") ?? false, "\(found)")
        let (_, problems) = ReturnedFormReader.read(path: path, limits: XLSXLimits(maxTotalBytes: 8 << 20))
        XCTAssertEqual(problems.map { $0.message.en }, ["the file unpacks to more than 8 MiB in all (a zip bomb?); reading stopped"])
    }
}
