import XCTest
@testable import CioDashCore
import CioDashTestSupport

final class MetricsCSVTests: XCTestCase {
    private let header = "province,topic,metric,label,value,target,unit,previous,source\n"

    private func load(csv: String) throws -> (TestFolder, LoadResult) {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
            "metrics.csv": csv,
        ])
        return (folder, folder.load())
    }

    private func messages(_ result: LoadResult, _ folder: TestFolder) -> [String] {
        result.diagnostics.filter { $0.file == folder.file("metrics.csv") }
            .map { "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-") \($0.severity.rawValue): \($0.message)" }
    }

    func testRowsAddAndOverrideMetrics() throws {
        let csv = header
            + "thua-thien-hue,smart-city,ioc-services,,11,,,,SGGP\n"
            + "thua-thien-hue,smart-city,citizen-reports,\"Phản ánh, kiến nghị\",3500,,,,Báo Mới\n"
            + "da-nang,digital-signatures,certificates,Chứng thư số,1200,2000,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), [])
        let hue = try XCTUnwrap(result.meeting?.province("thua-thien-hue")?.topics["smart-city"])
        let ioc = try XCTUnwrap(hue.metric("ioc-services"))
        XCTAssertEqual(ioc.value, 11)
        XCTAssertEqual(ioc.label, "Dịch vụ IOC", "an empty label cell keeps the file's label")
        XCTAssertEqual(ioc.target, 12, "an empty target cell keeps the file's target")
        XCTAssertEqual(ioc.source, "SGGP")
        XCTAssertEqual(hue.metric("citizen-reports")?.label, "Phản ánh, kiến nghị")
        XCTAssertEqual(hue.metrics.map(\.id), ["ioc-services", "online-share", "citizen-reports"])
        let signatures = try XCTUnwrap(result.meeting?.province("da-nang")?.topics["digital-signatures"])
        XCTAssertEqual(signatures.metric("certificates")?.target, 2000)
    }

    /// A spreadsheet cell is text like any other: the 10,000-character limit of YAML text holds.
    func testAHugeLabelIsAnErrorWithItsLineAndColumn() throws {
        let label = String(repeating: "chữ ", count: 5_000)
        let csv = header + "thua-thien-hue,smart-city,huge,\(label),1,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder),
                       ["2:32 error: a text value is 20,000 characters long, more than the 10,000-character limit; it is left out"])
        XCTAssertNil(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("huge"), "the row is left out")
    }

    func testRowLinesCountQuotedNewlines() throws {
        let csv = header
            + "thua-thien-hue,smart-city,a,\"two\nlines\",1,,,,\n"
            + "thua-thien-hue,smart-city,b,\"three\r\nlines\r\nhere\",2,,,,\n"
            + "hue,smart-city,c,C,3,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), ["7:1 error: province \"hue\" has no file in provinces/; the row is ignored"])
    }

    /// Each problem points at its cell: after quoted commas and doubled quotes, and on the line a
    /// cell starts on when an earlier cell of its row holds line breaks.
    func testProblemsNameTheCellsLineAndColumn() throws {
        let csv = header
            + "thua-thien-hue,smart-city,x,\"Phản ánh, \"\"kiến nghị\"\"\",nhiều,,,,\n"
            + "thua-thien-hue,smart-city,y,\"hai\r\ndòng\",5,,,-,\n"
            + "thua-thien-hue,bad topic,z,Z,1,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), [
            "2:55 error: value \"nhiều\" is not a number",
            "4:11 error: previous \"-\" is not a number",
            "5:16 error: topic \"bad topic\" is not on the meeting's agenda; the row is ignored",
        ])
        var records = CSVRecords("a,\"b\nc\",d\r\ne")
        var places: [Int: [String]] = [:]
        while let record = records.next() { places[record.line] = record.places.map { "\($0.line):\($0.column)" } }
        XCTAssertEqual(places, [1: ["1:1", "1:3", "2:4"], 3: ["3:1"]])
    }

    func testCRLFAndBOMFiles() throws {
        let csv = "\u{FEFF}" + (header + "hue,smart-city,c,C,3,,,,\n").replacingOccurrences(of: "\n", with: "\r\n")
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), ["2:1 error: province \"hue\" has no file in provinces/; the row is ignored"])
    }

    func testRowErrors() throws {
        let csv = header
            + "thua-thien-hue,budget,x,X,1,,,,\n"
            + "thua-thien-hue,smart-city,x,X,\"1.349,x\",,,,\n"
            + "thua-thien-hue,smart-city,x,X,12%,,,,\n"
            + "thua-thien-hue,smart-city,x,X,1,,,\n"
            + "thua-thien-hue,smart-city,new-one,,1,,,,\n"
            + "thua-thien-hue,smart-city,x,X,,,,,\n"
            + "thua-thien-hue,smart-city,x,X,150,,%,,\n"
            + "thua-thien-hue,smart-city,x,X,50,,%,,\n"
            + ",,,,,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), [
            "2:16 error: topic \"budget\" is not on the meeting's agenda; the row is ignored",
            "3:31 error: value \"1.349,x\" is not a number; use a dot for decimals and no thousands separator",
            "4:31 error: value \"12%\" is not a number; write the number alone (12) and put % in unit",
            "5:- error: this row has 8 fields but the header has 9; the row is ignored",
            "6:27 error: metric \"new-one\" is new, so the row needs a label; the row is ignored",
            "7:31 error: the value cell is empty; the row is ignored",
            "8:31 warning: value 150 lies outside 0–100 although the unit is % (a share)",
            "9:- warning: this row repeats the metric of line 8 and overrides it",
        ])
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("x")?.value, 50)
    }

    func testHeaderProblems() throws {
        let (folder, result) = try load(csv: "province,topic,metric,label,valu,target\nthua-thien-hue,smart-city,x,X,1,2\n")
        XCTAssertEqual(messages(result, folder), [
            "1:- error: metrics.csv lacks the columns value, unit, previous, source; the header must be province,topic,metric,label,value,target,unit,previous,source",
            "1:29 error: metrics.csv has the unknown column \"valu\"; the header must be province,topic,metric,label,value,target,unit,previous,source",
        ])
        XCTAssertNil(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("x"))

        let (folder2, result2) = try load(csv: "province,topic,metric,value\nthua-thien-hue,smart-city,ioc-services,13\n")
        XCTAssertEqual(messages(result2, folder2), [
            "1:- error: metrics.csv lacks the columns label, target, unit, previous, source; the header must be province,topic,metric,label,value,target,unit,previous,source",
        ])
        XCTAssertEqual(result2.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("ioc-services")?.value, 13,
                       "rows still apply when only optional columns are missing")
    }

    func testEmptyAndBinaryFiles() throws {
        let (folder, result) = try load(csv: "")
        XCTAssertEqual(messages(result, folder), [
            "1:- error: metrics.csv is empty; it needs at least the header line province,topic,metric,label,value,target,unit,previous,source",
        ])
        let (folder2, _) = try load(csv: header)
        try folder2.write("metrics.csv", bytes: Array(header.utf8) + [0x68, 0xFE, 0x0A])
        XCTAssertEqual(messages(folder2.load(), folder2),
                       ["2:2 error: the file is not valid UTF-8 text (byte 0xFE); save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\")"])
    }

    func testNewTopicReportFromCSV() throws {
        let text = provinceFile()
        let cut = try XCTUnwrap(text.range(of: "  digital-signatures:"))
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": String(text[..<cut.lowerBound]),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
            "metrics.csv": header + "thua-thien-hue,digital-signatures,certificates,Chứng thư số,800,,,,\n",
        ])
        let result = folder.load()
        let report = try XCTUnwrap(result.meeting?.province("thua-thien-hue")?.topics["digital-signatures"])
        XCTAssertEqual(report.status, .unknown)
        XCTAssertEqual(report.metrics.map(\.value), [800])
        XCTAssertEqual(result.diagnostics, [], "figures from the CSV count as reporting on the topic")
    }

    // MARK: Issue 16, class 7: a quoting mistake names its row and never merges or swallows rows.

    func testUnterminatedQuoteCostsOnlyItsRow() throws {
        let csv = header
            + "thua-thien-hue,smart-city,a,\"never closed,1,,,,\n"
            + "thua-thien-hue,smart-city,b,B,2,,,,\n"
            + "da-nang,smart-city,c,C,3,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), [
            "2:29 error: this quote is never closed; the row is ignored and reading goes on at the next line",
        ])
        let hue = result.meeting?.province("thua-thien-hue")?.topics["smart-city"]
        XCTAssertNil(hue?.metric("a"))
        XCTAssertEqual(hue?.metric("b")?.value, 2, "the rows after it are read")
        XCTAssertEqual(result.meeting?.province("da-nang")?.topics["smart-city"]?.metric("c")?.value, 3)
    }

    func testUndoubledQuoteIsAnError() throws {
        let csv = header
            + "thua-thien-hue,smart-city,a,\"Phản ánh \"nóng\" 24/7\",1,,,,\n"
            + "thua-thien-hue,smart-city,b,\"Đúng \"\"cách\"\"\",2,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), [
            "2:39 error: a quote inside a quoted cell must be doubled (\"\"); the row is ignored",
        ])
        let hue = result.meeting?.province("thua-thien-hue")?.topics["smart-city"]
        XCTAssertNil(hue?.metric("a"), "no half-read label")
        XCTAssertEqual(hue?.metric("b")?.label, "Đúng \"cách\"")
    }

    func testStrayQuoteNeverMergesTwoRows() throws {
        let csv = header
            + "thua-thien-hue,smart-city,a,Nhãn 5\" màn hình,1,,,,\n"
            + "thua-thien-hue,smart-city,b,B,2,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder), [
            "2:35 error: a quote (\") inside a cell that does not start with one; quote the whole cell and double the quote (\"\"); the row is ignored",
        ])
        let hue = result.meeting?.province("thua-thien-hue")?.topics["smart-city"]
        XCTAssertNil(hue?.metric("a"))
        XCTAssertEqual(hue?.metric("b")?.value, 2, "the next row is its own row")
    }

    func testEveryRowWithAProblemIsNamed() throws {
        let csv = header
            + "thua-thien-hue,smart-city,a,A\"1,1,,,,\n"
            + "thua-thien-hue,smart-city,b,\"B\"x,2,,,,\n"
            + "thua-thien-hue,smart-city,c,C,3,,,\n"
            + "thua-thien-hue,smart-city,d,\"D,4,,,,\n"
            + "thua-thien-hue,smart-city,e,E,5,,,,\n"
        let (folder, result) = try load(csv: csv)
        XCTAssertEqual(messages(result, folder).map { String($0.prefix(while: { $0 != ":" })) }, ["2", "3", "4", "5"])
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("e")?.value, 5)
    }

    // MARK: Issue 16, class 1: linear in the rows.

    /// Rows that each add a metric to one province's topic: the quadratic case. Times n and 10n
    /// rows; linear gives a ratio near 10, quadratic near 100. Asserted loosely (below 35).
    func testManyMetricsOnOneTopicLoadInLinearTime() throws {
        func seconds(rows n: Int) throws -> Double {
            var csv = header
            for i in 0..<n { csv += "thua-thien-hue,smart-city,m\(i),Chỉ tiêu \(i),\(i),,,,\n" }
            let (folder, _) = try load(csv: header)
            try folder.write("metrics.csv", csv)
            let start = DispatchTime.now().uptimeNanoseconds
            let result = folder.load()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metrics.count, n + 2)
            return elapsed
        }
        _ = try seconds(rows: 500)  // warm up
        let small = try seconds(rows: 3_000)
        let large = try seconds(rows: 30_000)
        XCTAssertLessThan(large / small, 35, "3,000 rows: \(small) s; 30,000 rows: \(large) s")
    }
}
