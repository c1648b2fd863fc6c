import CioDashCore
@testable import CioDashSpreadsheet
import XCTest

/// Hostile and broken workbooks: each gives its message, in bounded time and memory, and no form.
final class BadWorkbookTests: XCTestCase {
    private func failure(_ path: String, limits: XLSXLimits = .default) -> FormProblem? {
        let (form, problems) = ReturnedFormReader.read(path: path, limits: limits)
        XCTAssertNil(form, "a broken workbook gives no form")
        return problems.first
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = WorkbookFixture.temporaryPath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testACorruptZip() throws {
        let path = try write(Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 0x41, count: 300), "corrupt.xlsx")
        let problem = try XCTUnwrap(failure(path))
        XCTAssertTrue(problem.description(in: .en).hasPrefix("\(path): error: the .xlsx file is damaged (the zip cannot be opened"),
                      problem.description(in: .en))
        XCTAssertTrue(problem.description(in: .vi).contains("tệp .xlsx bị hỏng"))
    }

    func testAPasswordProtectedWorkbookIsAnOLEFile() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let path = try write(ole, "encrypted.xlsx")
        XCTAssertEqual(failure(path)?.description(in: .en),
                       "\(path): error: the workbook is password-protected (encrypted) or an old .xls; remove the password and save it as .xlsx")
    }

    func testTextThatIsNotAWorkbook() throws {
        let path = try write(Array("province,topic\n".utf8), "form.xlsx")
        XCTAssertEqual(failure(path)?.description(in: .en),
                       "\(path): error: this is not an .xlsx file (not a zip archive); save it as an Excel Workbook (.xlsx)")
    }

    /// A small file that inflates far past the per-entry limit: refused on its claimed size.
    func testAZipBombIsStoppedAtTheEntryLimit() throws {
        let zeros = Data(count: 40 << 20)
        let path = try WorkbookFixture.zip([("_rels/.rels", Data(WorkbookFixture.rootRels.utf8)), ("xl/workbook.xml", zeros)], name: "bomb.xlsx")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertLessThan(size, 100_000, "the bomb must be small on disk")
        let limits = XLSXLimits(maxEntryBytes: 16 << 20)
        XCTAssertEqual(failure(path, limits: limits)?.message.en,
                       "the part \"xl/workbook.xml\" unpacks to more than 16 MiB (a zip bomb?); reading stopped")
    }

    /// A bomb whose headers lie about the size: the inflated bytes are counted and stopped.
    func testAZipBombThatUnderstatesItsSizeIsStoppedWhileInflating() throws {
        let zeros = Data(count: 40 << 20)
        let path = try WorkbookFixture.zip([("_rels/.rels", Data(WorkbookFixture.rootRels.utf8)), ("xl/workbook.xml", zeros)], name: "liar.xlsx")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Claim 1,000 bytes in the local (offset 22) and central (offset 24) headers of every entry.
        let claim: [UInt8] = [0xE8, 0x03, 0, 0]
        for i in 0..<(bytes.count - 4) {
            if bytes[i...i + 3] == [0x50, 0x4B, 0x03, 0x04] { bytes.replaceSubrange(i + 22..<i + 26, with: claim) }
            if bytes[i...i + 3] == [0x50, 0x4B, 0x01, 0x02] { bytes.replaceSubrange(i + 24..<i + 28, with: claim) }
        }
        let liar = try write(bytes, "liar2.xlsx")
        // The claim (1,000 bytes) passes the first check; the bytes counted while inflating stop it.
        XCTAssertEqual(failure(liar, limits: XLSXLimits(maxEntryBytes: 16 << 20))?.message.en,
                       "the part \"xl/workbook.xml\" unpacks to more than 16 MiB (a zip bomb?); reading stopped")
    }

    func testTheTotalOfAllEntriesIsBounded() throws {
        let path = try WorkbookFixture.write([("Biểu mẫu", "")], name: "total.xlsx")
        XCTAssertEqual(failure(path, limits: XLSXLimits(maxTotalBytes: 500))?.message.en,
                       "the file unpacks to more than 500 bytes in all (a zip bomb?); reading stopped")
    }

    /// A million rows: reading stops at the row limit with a message; time and peak memory are printed.
    func testAMillionRowsStopAtTheRowLimit() throws {
        var rows = ""
        rows.reserveCapacity(40_000_000)
        for r in 1...1_000_000 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r)</v></c></row>" }
        let path = try WorkbookFixture.write([("Biểu mẫu", rows)], name: "million.xlsx")
        rows = ""
        let start = Date()
        let problem = failure(path)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(problem?.description(in: .en),
                       "\(path): error: the sheet \"Biểu mẫu\" has more than 10000 rows; a form has a few dozen, so reading stopped")
        print("million-row sheet: refused in \(String(format: "%.2f", seconds)) s")
    }
}
