import CioDashCore
import Foundation
import XCTest
import CioDashTestSupport

/// Issue 25's whole cycle with the real binary: a replayed session's journal assigns three tasks (one to
/// Kon Tum, merged into Quảng Ngãi on 1 July 2025) → `minutes` → `init --from` for a meeting after
/// 1 July 2025, finding the journal where `present --take-minutes` keeps it → `template` → the tasks
/// sheets filled with openpyxl → `import` → the next meeting's minutes list done and open → the meeting
/// after carries only what stays open.
final class TaskCycleEndToEndTests: XCTestCase {
    private var root = ""
    private let title = "Phiên họp thường kỳ năm 2025 của Hội đồng CIO miền Trung – Tây Nguyên"

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-tasks-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/ciodash-minutes", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs ciodash in `root`, as a secretary would from the folder the journals are kept in.
    @discardableResult
    private func ciodash(_ arguments: [String], expect status: Int32 = 0,
                         file: StaticString = #filePath, line: UInt = #line) throws -> (output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TmuxHarness.ciodashBinary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "\(TmuxHarness.sourceDateEpoch)"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        (process.standardOutput, process.standardError, process.standardInput) = (out, err, FileHandle.nullDevice)
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, status, "ciodash \(arguments.joined(separator: " ")):\n\(output)\n\(error)",
                       file: file, line: line)
        return (output, error)
    }

    /// The journal the presenter writes, as its lines: the header, the item's clock, the conclusion and
    /// three assignment rows typed into the minutes form (who · what · by when).
    private func replayedSession(date: LocalDate, rows: [(String, String, String)]) throws -> String {
        var at = 1_750_381_200.0
        var lines = [MinutesJournalFormat.line(.init(meetingTitle: title, meetingDate: date, utcOffset: 25200))]
        func add(_ entry: MinutesEntry) { lines.append(MinutesJournalFormat.line(entry)); at += 7 }
        add(.clock(MinutesClockEvent(.start, topic: "smart-city", at: at)))
        add(.set(.conclusions(topic: "smart-city"), "Các tỉnh gửi kế hoạch ĐTTM trước quý IV.", at: at))
        for (n, row) in rows.enumerated() {
            add(.set(.assignment(topic: "smart-city", row: n + 1, part: .who), row.0, at: at))
            add(.set(.assignment(topic: "smart-city", row: n + 1, part: .what), row.1, at: at))
            add(.set(.assignment(topic: "smart-city", row: n + 1, part: .due), row.2, at: at))
        }
        add(.clock(MinutesClockEvent(.end, topic: nil, at: at)))
        let path = root + "/ciodash-minutes/\(date).jsonl"
        try lines.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func fillTasks(_ form: String, _ out: String, _ answers: [String: [String]]) throws {
        let python = try TmuxHarness.requireTool("python3")
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Nhiệm vụ"]
            assert ws.protection.sheet, "the tasks sheet must be protected"
            answers = json.loads(sys.argv[3])
            for row in ws.iter_rows():
                if row[0].value in answers:
                    assert row[1].protection.locked and not row[4].protection.locked
                    for i, value in zip(range(4, 8), answers[row[0].value]):
                        if value: row[i].value = value
            wb.save(sys.argv[2])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, form, out, String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if error.contains("No module named 'openpyxl'") { throw XCTSkip("openpyxl is not installed") }
        XCTAssertEqual(process.terminationStatus, 0, error)
    }

    func testAssignedCarriedAskedImportedShownAndClosed() throws {
        // A meeting of 20 June 2025, before the mergers: Kon Tum is still a province.
        try ciodash(["init", "last", "--date", "2025-06-20"])
        let journal = try replayedSession(date: LocalDate(iso: "2025-06-20")!, rows: [
            ("Kon Tum", "Rà soát kế hoạch ĐTTM 2025–2026", "31/10/2025"),
            ("hue, da nang", "Chia sẻ tài liệu kiến trúc IOC", "30/9/2025"),
            ("Bưu điện các tỉnh", "Báo cáo tình hình BCCI", "quý IV"),
        ])
        let notice = try ciodash(["minutes", "last", "--journal", journal, "--kind", "ket-luan", "--format", "text"]).output
        XCTAssertTrue(notice.contains("Kon Tum") && notice.contains("Rà soát kế hoạch ĐTTM 2025–2026"), notice)

        // A journal named but missing, or of another meeting, stops init with nothing made.
        let missing = try ciodash(["init", "bad", "--from", "last", "--journal", "ciodash-minutes/none.jsonl", "--lang", "en"], expect: 2)
        XCTAssertTrue(missing.error.contains("cannot read the minutes journal ciodash-minutes/none.jsonl"), missing.error)
        let other = try replayedSession(date: LocalDate(iso: "2025-06-21")!, rows: [])
        let otherMeeting = try ciodash(["init", "bad", "--from", "last", "--journal", other], expect: 2)
        XCTAssertTrue(otherMeeting.error.contains("2025-06-21.jsonl"), otherMeeting.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/bad"), "nothing made")

        // After 1 July 2025: the journal is found where the presenter keeps it, Kon Tum's task is Quảng Ngãi's.
        let made = try ciodash(["init", "next", "--from", "last", "--date", "2025-11-15"]).output
        XCTAssertTrue(made.contains("nhiệm vụ: chuyển 3 nhiệm vụ chưa xong"), made)
        XCTAssertTrue(made.contains("2025-06-20-smart-city-1: Kon Tum → Quảng Ngãi"), made)
        let meetingYAML = try String(contentsOfFile: root + "/next/meeting.yaml", encoding: .utf8)
        XCTAssertTrue(meetingYAML.contains("    owners: [\"quang-ngai\"]\n    what: \"Rà soát kế hoạch ĐTTM 2025–2026\"\n    due: 2025-10-31\n"), meetingYAML)
        XCTAssertTrue(meetingYAML.contains("    was: [\"kon-tum\"]\n"), meetingYAML)
        let check = try ciodash(["check", "next", "--lang", "en"]).output
        XCTAssertTrue(check.contains(", 0 errors, "), check)

        // Asked and answered: Quảng Ngãi reports its task done, Huế its share in progress; Đà Nẵng is silent.
        try ciodash(["template", "next", "quang-ngai", "hue", "-o", "forms"])
        try fillTasks(root + "/forms/quang-ngai.xlsx", root + "/qn.xlsx", ["2025-06-20-smart-city-1": ["xong", "2025-07-10", "", "125/KH-UBND"]])
        try fillTasks(root + "/forms/hue.xlsx", root + "/hue.xlsx", ["2025-06-20-smart-city-2": ["dang lam", "", "Đã gửi dự thảo", ""]])
        // A wrong word first: named at its cell with the task, and nothing written.
        try fillTasks(root + "/forms/hue.xlsx", root + "/hue-bad.xlsx", ["2025-06-20-smart-city-2": ["gần xong", "", "", ""]])
        let refused = try ciodash(["import", "next", "qn.xlsx", "hue-bad.xlsx", "--lang", "en"], expect: 1).output
        XCTAssertTrue(refused.contains("hue-bad.xlsx:Nhiệm vụ!E5: error: status \"gần xong\" of task \"2025-06-20-smart-city-2\" is not known"), refused)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/next/provinces/quang-ngai.yaml"), "nothing written on any error")
        let imported = try ciodash(["import", "next", "qn.xlsx", "hue.xlsx"]).output
        XCTAssertTrue(imported.contains("nhiệm vụ 2025-06-20-smart-city-1 (Rà soát kế hoạch ĐTTM 2025–2026): — → xong 10/07/2025 (125/KH-UBND)"), imported)

        // Shown: the tasks view (golden, vi and en), by province and by meeting of origin; the province's own.
        try GoldenFile.assert(try ciodash(["snapshot", "next", "--view", "tasks", "--width", "80"]).output, name: "tasks-view-vi.txt")
        try GoldenFile.assert(try ciodash(["snapshot", "next", "--view", "tasks", "--width", "120", "--lang", "en"]).output,
                               name: "tasks-view-en.txt")
        let danang = try ciodash(["snapshot", "next", "--view", "province:da-nang", "--format", "markdown", "--lang", "en"]).output
        XCTAssertTrue(danang.contains("| Chia sẻ tài liệu kiến trúc IOC | 2025-09-30 | not reported; 46 days overdue |"), danang)
        // Every report format carries the tasks.
        for format in ["markdown", "csv", "html", "svg", "docx"] {
            try ciodash(["snapshot", "next", "--view", "tasks", "--format", format, "-o", "tasks.\(format)"])
        }
        let markdown = try String(contentsOfFile: root + "/tasks.markdown", encoding: .utf8)
        XCTAssertTrue(markdown.contains("| Đà Nẵng | Chia sẻ tài liệu kiến trúc IOC | 30/09/2025 | chưa báo cáo; quá hạn 46 ngày | 46 |"), markdown)
        let csv = try String(contentsOfFile: root + "/tasks.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains("tasks,da-nang,Đà Nẵng,smart-city,Phát triển dịch vụ đô thị thông minh (ĐTTM),2025-06-20-smart-city-2,"
                                   + "Chia sẻ tài liệu kiến trúc IOC,46,\"chưa báo cáo; quá hạn 46 ngày\",ngày quá hạn,,,,no-report,chưa báo cáo,,false"), csv)
        let html = try String(contentsOfFile: root + "/tasks.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<td>chưa báo cáo; quá hạn 46 ngày</td>"), html)
        let svg = try String(contentsOfFile: root + "/tasks.svg", encoding: .utf8)
        XCTAssertTrue(svg.contains("Kết quả thực hiện kết luận phiên trước"), svg)
        let docx = try TmuxHarness.output(of: try TmuxHarness.requireTool("unzip"), ["-p", root + "/tasks.docx", "word/document.xml"]).output
        XCTAssertTrue(docx.contains("chưa báo cáo; quá hạn 46 ngày") && docx.contains("Quảng Ngãi (trước đây Kon Tum)"), docx)

        // The presenter's slide before the agenda's topics: the third, after the agenda and the overview.
        for (language, title) in [("vi", "Kết quả thực hiện kết luận phiên trước"), ("en", "Follow-up of the previous session's conclusions")] {
            let h = try TmuxHarness.dashboard("present \(TmuxHarness.quote(root + "/next")) --lang \(language)", width: 80, height: 24)
            defer { h.close() }
            try h.waitFor("1/")
            try h.sendKeys("Right")
            try h.waitFor("2/")
            try h.sendKeys("Right")
            try h.waitFor(title)
            let frame = try h.capture().replacingOccurrences(of: #"\d\d:\d\d ─┘"#, with: "HH:MM ─┘", options: .regularExpression)
            try GoldenFile.assert(frame, name: "tasks-slide-\(language).txt")
            try h.type("q")
            XCTAssertEqual(try h.waitForExit(), 0)
        }

        // Closed in the next minutes: done, and still open (overdue with no report is overdue, never done).
        let nextJournal = try replayedSession(date: LocalDate(iso: "2025-11-15")!, rows: [("Gia Lai", "Kết nối LGSP", "31/3/2026")])
        let minutes = try ciodash(["minutes", "next", "--journal", nextJournal, "--format", "markdown"]).output
        let section = minutes.components(separatedBy: "### Kết quả thực hiện kết luận phiên trước").dropFirst().first ?? ""
        try GoldenFile.assert(String(section.prefix { $0 != "#" }), name: "tasks-follow-up-bien-ban-vi.md")
        let minutesEN = try ciodash(["minutes", "next", "--journal", nextJournal, "--format", "markdown", "--lang", "en", "--kind", "ket-luan"]).output
        XCTAssertTrue(minutesEN.contains("| 2 | Đà Nẵng | Chia sẻ tài liệu kiến trúc IOC | 2025-09-30 | not reported; 46 days overdue |"), minutesEN)
        XCTAssertTrue(minutesEN.contains("- Bưu điện các tỉnh;"), "a body with an open task receives the notice:\n\(minutesEN)")

        // The meeting after: what stays open, with the next session's own new assignment; not what was done.
        let after = try ciodash(["init", "after", "--from", "next", "--date", "2026-07-24", "--lang", "en"]).output
        XCTAssertTrue(after.contains("tasks: 3 carried (not done), 1 done left behind"), after)
        let afterYAML = try String(contentsOfFile: root + "/after/meeting.yaml", encoding: .utf8)
        XCTAssertFalse(afterYAML.contains("2025-06-20-smart-city-1"), "Quảng Ngãi's done task stays behind")
        XCTAssertTrue(afterYAML.contains("  - id: 2025-06-20-smart-city-2\n    owners: [\"hue\", \"da-nang\"]"), afterYAML)
        XCTAssertTrue(afterYAML.contains("  - id: 2025-11-15-smart-city-1\n    owners: [\"gia-lai\"]"), afterYAML)
    }
}
