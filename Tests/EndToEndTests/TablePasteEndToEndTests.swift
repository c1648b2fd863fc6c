import Foundation
import XCTest

/// A table of an HTML report copied in Chromium and pasted into LibreOffice Writer (issue 24):
/// Tests/Browser/table_paste_to_writer.py opens `snapshot --format html` in headless Chromium, unfolds
/// the tables, selects the overview's table, sends Ctrl+C, reads the clipboard's text/html, runs it
/// through Writer's HTML import and reads the .docx with python-docx: one row per province. Needs
/// chromium, soffice (libreoffice-writer), python3's websocket-client and python-docx.
final class TablePasteEndToEndTests: XCTestCase {
    func testAnHTMLTableCopiedInChromiumIsATableInWriter() throws {
        for tool in ["chromium", "soffice", "python3"] { _ = try TmuxHarness.requireTool(tool) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Browser/table_paste_to_writer.py").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-paste-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, try CiodashProcess.binary().path, out]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "table_paste_to_writer.py:\n\(output)")
        XCTAssertTrue(output.contains("ok   a header row and one row per province (20 rows for 19 provinces)"), output)
        XCTAssertTrue(output.contains("all checks held"), output)
    }
}
