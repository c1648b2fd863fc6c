import CioDashSamples
import Foundation
import XCTest

/// Issue 26's secretariat desk with the real binary: importing the folder of returned forms again
/// (item 1), one bad form among good ones (item 2).
final class SecretariatDeskEndToEndTests: XCTestCase {
    private var root = ""
    private var meeting: String { root + "/hue-2019" }

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-desk-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/returned", withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SampleMeetings.hue2019, to: URL(fileURLWithPath: meeting))
        try FileManager.default.copyItem(at: SampleMeetings.giaLai2018, to: URL(fileURLWithPath: root + "/gia-lai-2018"))
        let template = try CiodashProcess.run(["template", meeting, "ha-tinh", "da-nang", "hue", "-o", root + "/forms"])
        XCTAssertEqual(template.status, 0, template.errors)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    /// Fills `province`'s form with openpyxl as its clerk would (value by metric id; a leading ' keeps
    /// it text) and saves it into returned/.
    private func fill(_ province: String, _ values: [String: String]) throws {
        let python = try TmuxHarness.requireTool("python3")
        let script = """
            import json, sys, openpyxl
            form, out, values = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
            wb = openpyxl.load_workbook(form)
            ws = wb["Biểu mẫu"]
            for row in ws.iter_rows():
                if row[1].value in values:
                    v = values[row[1].value]
                    row[6].value = v[1:] if v.startswith("'") else float(v)
            wb.save(out)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
        let name = province == "hue" ? "thua-thien-hue" : province
        process.arguments = ["-c", script, root + "/forms/\(name).xlsx", root + "/returned/\(province).xlsx", json]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if text.contains("No module named 'openpyxl'") { throw XCTSkip("openpyxl is not installed") }
            XCTFail("openpyxl could not fill \(province): \(text)")
        }
    }

    private func returned(_ names: [String]) -> [String] { names.map { root + "/returned/\($0).xlsx" } }

    private func statusFile(_ id: String) throws -> String {
        try String(contentsOfFile: meeting + "/provinces/\(id).yaml", encoding: .utf8)
    }

    /// Item 1: the folder imported again when a third form arrives. The two forms already imported are
    /// "no changes" and skipped (they were refused as "changed after the form was saved"); the third
    /// is written; a real hand edit since the import is named as one and not replaced.
    func testImportingTheFolderAgainSkipsUnchangedFormsAndNamesAHandEdit() throws {
        try fill("ha-tinh", ["level34-share": "40"])
        try fill("da-nang", ["signed-doc-share": "97.5"])
        let first = try CiodashProcess.run(["import", meeting] + returned(["da-nang", "ha-tinh"]) + ["--lang", "en"])
        XCTAssertEqual(first.status, 0, first.output)
        XCTAssertTrue(first.output.hasSuffix("2 file(s) written\n"), first.output)

        try fill("hue", ["attt-incidents": "3"])
        let again = try CiodashProcess.run(["import", meeting] + returned(["da-nang", "ha-tinh", "hue"]) + ["--lang", "en"])
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertFalse(again.output.contains("was changed after this form was saved"), again.output)
        XCTAssertTrue(again.output.contains("\(root)/returned/da-nang.xlsx: no changes; skipped (nothing to write)\n"), again.output)
        XCTAssertTrue(again.output.contains("\(root)/returned/ha-tinh.xlsx: no changes; skipped (nothing to write)\n"), again.output)
        XCTAssertTrue(again.output.contains("\(root)/returned/hue.xlsx: written: \(meeting)/provinces/thua-thien-hue.yaml\n"), again.output)
        XCTAssertTrue(again.output.hasSuffix("1 file(s) written\n"), again.output)

        // A hand edit since the import, then a corrected form from Hà Tĩnh.
        let edited = try statusFile("ha-tinh").replacingOccurrences(of: "\nsource: ", with: "\nsource: \"Sở (sửa tay)\"\nx_old_source: ")
            .replacingOccurrences(of: "\nx_old_source: .*", with: "", options: .regularExpression)
        try edited.write(toFile: meeting + "/provinces/ha-tinh.yaml", atomically: true, encoding: .utf8)
        try fill("ha-tinh", ["level34-share": "45"])
        let refused = try CiodashProcess.run(["import", meeting] + returned(["ha-tinh"]))
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("provinces/ha-tinh.yaml đã được sửa tay sau lần nhập trước"), refused.output)
        XCTAssertTrue(refused.output.contains("ha-tinh.xlsx: lỗi: "), "the severity word in Vietnamese: \(refused.output)")
        XCTAssertEqual(try statusFile("ha-tinh"), edited, "a hand edit is not replaced without --force")
        let forced = try CiodashProcess.run(["import", meeting] + returned(["ha-tinh"]) + ["--force"])
        XCTAssertEqual(forced.status, 0, forced.output)
    }

    /// Item 2: one bad form among good ones. Each form's outcome is said; nothing is said as written
    /// when nothing was; --only-clean writes the good ones and still refuses the bad one.
    func testOneBadFormIsRefusedAndTheCleanOnesAreWrittenWithOnlyClean() throws {
        try fill("ha-tinh", ["level34-share": "40"])
        try fill("da-nang", ["level34-share": "'812.345"])
        let before = try statusFile("ha-tinh")
        let blocked = try CiodashProcess.run(["import", meeting] + returned(["da-nang", "ha-tinh"]) + ["--lang", "en"])
        XCTAssertEqual(blocked.status, 1, blocked.output)
        XCTAssertTrue(blocked.output.contains("each form:\n  \(root)/returned/da-nang.xlsx: refused: 1 error above\n"
            + "  \(root)/returned/ha-tinh.xlsx: ready, not written: another form has errors\n"), blocked.output)
        XCTAssertTrue(blocked.output.hasSuffix("nothing written: fix the errors above and import again, or add --only-clean "
            + "to write the forms without errors\n"), blocked.output)
        XCTAssertFalse(blocked.output.contains(": written:"), blocked.output)
        XCTAssertEqual(try statusFile("ha-tinh"), before)

        let clean = try CiodashProcess.run(["import", meeting] + returned(["da-nang", "ha-tinh"]) + ["--only-clean"])
        XCTAssertEqual(clean.status, 1, "a form was refused: \(clean.output)")
        XCTAssertTrue(clean.output.contains("da-nang.xlsx: không nhập: 1 lỗi ở trên\n"), clean.output)
        XCTAssertTrue(clean.output.contains("ha-tinh.xlsx: đã ghi: \(meeting)/provinces/ha-tinh.yaml\n"), clean.output)
        XCTAssertTrue(clean.output.hasSuffix("đã ghi 1 tệp\n"), clean.output)
        XCTAssertTrue(try statusFile("ha-tinh").contains("value: 40\n"))
    }

    /// Item 7: `template` says, in the language asked, which province each file is for and what to do next.
    func testTemplateNamesEachFormsProvinceAndTheNextStepInTheLanguageAsked() throws {
        let vi = try CiodashProcess.run(["template", meeting, "ha-tinh", "-o", root + "/vi"])
        XCTAssertEqual(vi.status, 0, vi.errors)
        XCTAssertEqual(vi.outputLines, ["\(root)/vi/ha-tinh.xlsx  Hà Tĩnh", "đã ghi 1 biểu mẫu vào \(root)/vi",
                                        "tiếp theo: gửi mỗi tỉnh tệp của mình; để các biểu mẫu nhận lại vào một thư mục, rồi: "
                                            + "ciodash import \(meeting) returned/*.xlsx"])
        let en = try CiodashProcess.run(["template", meeting, "ha-tinh", "-o", root + "/en", "--lang", "en"])
        XCTAssertEqual(en.outputLines.dropFirst().first, "1 form(s) written into \(root)/en")
        XCTAssertTrue(en.output.contains("next: send each province its own file"), en.output)
    }

    /// Item 7: the board's file times in the machine's zone (UTC+7 in Vietnam), said so; the English
    /// board's words whole at 140 columns.
    func testTheBoardShowsLocalTimesAndWholeWords() throws {
        try fill("ha-tinh", ["level34-share": "40"])
        XCTAssertEqual(try CiodashProcess.run(["import", meeting] + returned(["ha-tinh"])).status, 0)
        let stamp = Date(timeIntervalSince1970: 1_785_000_000)  // 2026-07-25 17:20 UTC, 26/07/2026 00:20 in UTC+7
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: meeting + "/provinces/ha-tinh.yaml")
        try FileManager.default.removeItem(atPath: meeting + "/provinces/quang-binh.yaml")  // listed, not yet reported
        let board = try CiodashProcess.run(["status", meeting, "--width", "140", "--lang", "en"],
                                           environment: ["TZ": "Asia/Ho_Chi_Minh"])
        XCTAssertEqual(board.status, 0, board.errors)
        XCTAssertTrue(board.output.contains("Quảng Bình            ○ not yet reported\n"), board.output)
        XCTAssertTrue(board.output.contains("Err/warn"), board.output)
        XCTAssertTrue(board.output.contains("2026-07-26 00:20"), board.output)
        XCTAssertTrue(board.output.contains("local time (UTC+7)"), board.output)
        let utc = try CiodashProcess.run(["status", meeting, "--width", "140", "--utc"], environment: ["TZ": "Asia/Ho_Chi_Minh"])
        XCTAssertTrue(utc.output.contains("25/07/2026 17:20"), utc.output)
        XCTAssertTrue(utc.output.contains("giờ UTC"), utc.output)
        // The meeting's title once, in `status` and in the snapshot of the board alike.
        let title = "Phiên họp thường kỳ năm 2019 của Hội đồng CIO miền Trung – Tây Nguyên"
        XCTAssertEqual(utc.output.components(separatedBy: title).count - 1, 1, utc.output)
        let snapshot = try CiodashProcess.run(["snapshot", meeting, "--view", "status", "--width", "140"])
        XCTAssertEqual(snapshot.output.components(separatedBy: title).count - 1, 1, snapshot.output)
    }

    /// Item 7: `init` takes `--sample` as every command does.
    func testInitTakesABundledSampleAsTheEarlierMeeting() throws {
        let made = try CiodashProcess.run(["init", root + "/m", "--sample", "council-2026", "--date", "2026-11-20"])
        XCTAssertEqual(made.status, 0, made.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/m/meeting.yaml"))
        let both = try CiodashProcess.run(["init", root + "/n", "--sample", "council-2026", "--from", meeting])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.errors.contains("--sample and --from cannot be used together"), both.errors)
    }

    /// Item 8: a province that has not reported yet opens on its figures of the previous meeting (a
    /// unit merged in 2025: its parts' figures, named) and the command that makes its form; it was empty.
    func testAProvinceNotYetReportedShowsItsLastFiguresAndTheTemplateCommand() throws {
        let m26 = root + "/m26"
        XCTAssertEqual(try CiodashProcess.run(["init", m26, "--from", meeting, "--date", "2026-07-24"]).status, 0)
        let page = try CiodashProcess.run(["snapshot", m26, "--view", "province:quang-tri", "--width", "300"])
        XCTAssertEqual(page.status, 0, page.errors)
        XCTAssertTrue(page.output.contains("○ chưa báo cáo\n"), page.output)
        XCTAssertTrue(page.output.contains("Biểu mẫu báo cáo cho tỉnh này: ciodash template \(m26) quang-tri -o forms/"), page.output)
        XCTAssertTrue(page.output.contains("Tỷ lệ văn bản đi được ký số: Kỳ trước (27/07/2019): Quảng Bình 50%; Quảng Trị 45%"),
                      page.output)
        let same = try CiodashProcess.run(["snapshot", m26, "--view", "province:ha-tinh", "--width", "120", "--lang", "en"])
        XCTAssertTrue(same.output.contains("○ not yet reported\n"), same.output)
        XCTAssertTrue(same.output.contains("Last meeting (2019-07-27): "), same.output)
    }

    /// Item 6: the form's header row tall enough for its wrapped titles, the as-of label wrapped in its
    /// own cell, a unit merged in 2025 given its parts' last-meeting figures, named, and each
    /// province's own earlier target (forms had none). Read back with openpyxl.
    func testTheFormsHeaderFitsAndAMergedUnitHasItsPartsLastFiguresAndTargets() throws {
        let m26 = root + "/m26"
        XCTAssertEqual(try CiodashProcess.run(["init", m26, "--from", meeting, "--date", "2026-07-24"]).status, 0)
        XCTAssertEqual(try CiodashProcess.run(["template", m26, "quang-tri", "-o", root + "/f26"]).status, 0)
        let python = try TmuxHarness.requireTool("python3")
        let script = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Biểu mẫu"]
            print(ws.row_dimensions[8].height, ws["A5"].alignment.wrap_text)
            for row in ws.iter_rows(min_row=9):
                if row[1].value == "dttm-items-deployed": print(repr(row[4].value), repr(row[5].value))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, root + "/f26/quang-tri.xlsx"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0 { throw XCTSkip("openpyxl is not installed") }
        XCTAssertEqual(text, "45.0 True\n30 'Quảng Bình: 12\\nQuảng Trị: 10'\n")
    }
}
