import CioDashCore
@testable import CioDashSpreadsheet
import XCTest

/// What the reader makes of the ways spreadsheet programs store cells.
final class XLSXReaderTests: XCTestCase {
    private func rows(_ path: String, sheet: String = "S") throws -> [XLSXRow] {
        var rows: [XLSXRow] = []
        let workbook = try XLSXWorkbook(path: path)
        _ = try workbook.readSheet(sheet) { rows.append($0) }
        return rows
    }

    func testSharedRichInlineNumbersBooleansFormulasAndSparseCells() throws {
        let shared = ["<si><t>Huế</t></si>", "<si><r><rPr><b/></rPr><t>Đắk </t></r><r><t>Lắk</t></r><rPh><t>x</t></rPh></si>"]
        let path = try WorkbookFixture.write([("S", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
            <row r="4"><c r="C4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="D4"><v>0.6045</v></c></row>\
            <row r="12"><c r="AA12" t="b"><v>1</v></c><c r="AB12"><f>SUM(1,2)</f><v>3</v></c>\
            <c r="AC12" t="str"><f>A1&amp;"!"</f><v>Huế!</v></c><c r="AD12" t="e"><v>#DIV/0!</v></c></row>
            """)], sharedStrings: shared)
        let read = try rows(path)
        XCTAssertEqual(read.map(\.number), [1, 4, 12], "empty rows 2, 3 and 5–11 are skipped")
        XCTAssertEqual(read[0].cell(1)?.value, .text("Huế"))
        XCTAssertEqual(read[0].cell(2)?.value, .text("Đắk Lắk"), "rich text runs joined, phonetic guide left out")
        XCTAssertEqual(read[1].cell(3)?.value, .text("inline"))
        XCTAssertEqual(read[1].cell(4)?.value, .number(0.6045))
        XCTAssertEqual(read[2].cell(27)?.value, .boolean(true), "AA is column 27")
        XCTAssertEqual(read[2].cell(28), XLSXCell(reference: CellReference("AB12")!, value: .number(3), isFormula: true))
        XCTAssertEqual(read[2].cell(29)?.value, .text("Huế!"), "a formula's cached text is used")
        XCTAssertEqual(read[2].cell(30)?.value, .error("#DIV/0!"))
    }

    func testDatesInThe1900AndThe1904Systems() throws {
        let styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">\
            <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>\
            <xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>
            """
        let row = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43672</v></c><c r=\"B1\" s=\"2\"><v>43672.75</v></c><c r=\"C1\"><v>43672</v></c></row>"
        let path1900 = try WorkbookFixture.write([("S", row)], styles: styles)
        let read = try rows(path1900)
        XCTAssertEqual(read[0].cell(1)?.value, .date(LocalDate(year: 2019, month: 7, day: 26)!))
        XCTAssertEqual(read[0].cell(2)?.value, .date(LocalDate(year: 2019, month: 7, day: 26)!), "the time of day is dropped")
        XCTAssertEqual(read[0].cell(3)?.value, .number(43672), "a number without a date format stays a number")
        let path1904 = try WorkbookFixture.write([("S", row)], styles: styles, date1904: true)
        XCTAssertEqual(try rows(path1904)[0].cell(1)?.value, .date(LocalDate(year: 2023, month: 7, day: 27)!))
        XCTAssertEqual(SpreadsheetDate.date(serial: 1, uses1904: false), LocalDate(year: 1900, month: 1, day: 1))
        XCTAssertNil(SpreadsheetDate.date(serial: 60, uses1904: false), "29 Feb 1900 never existed")
        XCTAssertEqual(SpreadsheetDate.date(serial: 61, uses1904: false), LocalDate(year: 1900, month: 3, day: 1))
    }

    func testCellReferences() {
        XCTAssertEqual(CellReference("F7"), CellReference(column: 6, row: 7))
        XCTAssertEqual(CellReference("AA12"), CellReference(column: 27, row: 12))
        XCTAssertEqual(CellReference(column: 16_384, row: 1).description, "XFD1")
        XCTAssertNil(CellReference("7F"))
        XCTAssertNil(CellReference("A0"))
    }

    func testNumbersTypedAsText() {
        XCTAssertEqual(NumberText.read("45"), .number(45))
        XCTAssertEqual(NumberText.read("0,6045"), .number(0.6045))
        XCTAssertEqual(NumberText.read("1.349,5"), .number(1349.5))
        XCTAssertEqual(NumberText.read("1,349.5"), .number(1349.5))
        XCTAssertEqual(NumberText.read("1.234.567"), .number(1_234_567))
        XCTAssertEqual(NumberText.read("812.345"), .ambiguous(812_345, 812.345))
        XCTAssertEqual(NumberText.read("1,349"), .ambiguous(1349, 1.349))
        XCTAssertEqual(NumberText.read("45%"), .invalid)
        XCTAssertEqual(NumberText.read("1.2.3"), .invalid)
    }

    func testStatusWordsWithOrWithoutDiacritics() {
        XCTAssertEqual(StatusWords.status("Đúng tiến độ"), .onTrack)
        XCTAssertEqual(StatusWords.status("co rui ro"), .atRisk)
        XCTAssertEqual(StatusWords.status("CHẬM"), .behind)
        XCTAssertEqual(StatusWords.status("not-started"), .notStarted)
        XCTAssertNil(StatusWords.status("tốt"))
    }
}
