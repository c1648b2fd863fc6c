import CioDashSamples
import Foundation
import XCTest

/// Signed returns with the real binary: `init`, `template`, the forms filled by openpyxl, signed with
/// `openssl cms -sign -binary -outform DER` under a throw-away PKI (make-test-pki.sh), `import`, then
/// the board, the province view, `check`, and a status file edited after its signed import.
final class SignedReturnEndToEndTests: XCTestCase {
    private var root = ""
    private var pki = ""

    override func setUpWithError() throws {
        _ = try TmuxHarness.requireTool("openssl")
        let python = try TmuxHarness.requireTool("python3")
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import openpyxl"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        if probe.terminationStatus != 0 { throw XCTSkip("openpyxl is not installed (.ci/run installs it)") }
        root = NSTemporaryDirectory() + "ciodash-signed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SampleMeetings.hue2019, to: URL(fileURLWithPath: root + "/hue-2019"))
        try FileManager.default.copyItem(at: SampleMeetings.giaLai2018, to: URL(fileURLWithPath: root + "/gia-lai-2018"))
        pki = root + "/pki"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CioDashSignatureTests/make-test-pki.sh").path
        try shell("/bin/bash", [script, pki])
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func shell(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments): " + String(decoding: said, as: UTF8.self))
    }

    /// Fills every form with openpyxl: the date, the reporter, a status per topic, 10.5, 11.5, … as values.
    private func fillAll(_ forms: String, _ out: String) throws {
        let script = #"""
            import datetime, os, sys, openpyxl
            forms, out = sys.argv[1], sys.argv[2]
            for name in sorted(os.listdir(forms)):
                wb = openpyxl.load_workbook(os.path.join(forms, name))
                ws = wb["Biểu mẫu"]
                province, header, n = None, None, 0
                for row in ws.iter_rows():
                    a = row[0].value
                    if header is None:
                        if a == "Mã tỉnh (province id)": province = row[1].value
                        elif a == "Số liệu đến ngày (figures as of, YYYY-MM-DD)": row[1].value = datetime.date(2026, 7, 20)
                        elif a == "Đơn vị báo cáo (reported by)": row[1].value = "Sở KH&CN " + province
                        elif a == "Mã chủ đề (topic)": header = row[0].row
                        continue
                    if not a: continue
                    if not row[1].value:
                        row[6].value = "đúng tiến độ"
                    else:
                        n += 1
                        row[6].value = 9.5 + n
                wb.save(os.path.join(out, province + ".xlsx"))
            """#
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try shell(try TmuxHarness.requireTool("python3"), ["-c", script, forms, out])
    }

    private func sign(_ file: String, cert: String, key: String, options: [String] = []) throws {
        try shell(try TmuxHarness.requireTool("openssl"),
                  ["cms", "-sign", "-binary", "-in", file, "-signer", pki + "/" + cert, "-inkey", pki + "/" + key,
                   "-outform", "DER", "-out", file + ".p7s"] + options)
    }

    func testSignedReturnsImportedShownOnTheBoardAndAnEditAfterwardsFlagged() throws {
        let meeting = root + "/meeting-2026", forms = root + "/forms", returned = root + "/returned"
        let made = try CiodashProcess.run(["init", meeting, "--from", root + "/hue-2019", "--date", "2026-07-24"])
        XCTAssertEqual(made.status, 0, made.output + made.errors)
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "-o", forms]).status, 0)
        try fillAll(forms, returned)
        try FileManager.default.copyItem(atPath: pki + "/trust-full", toPath: meeting + "/trust")
        // Quảng Ngãi signs with ECDSA P-256 (its O is "UBND TINH QUANG NGAI"); Hà Tĩnh with RSA-PSS under
        // a certificate of Quảng Ngãi (a warning); Quảng Trị's signature is Quảng Ngãi's, copied.
        try sign(returned + "/quang-ngai.xlsx", cert: "good-ec.pem", key: "good-ec.key")
        try sign(returned + "/ha-tinh.xlsx", cert: "good-rsa.pem", key: "good-rsa.key",
                 options: ["-keyopt", "rsa_padding_mode:pss", "-certfile", pki + "/inter.pem"])
        try FileManager.default.copyItem(atPath: returned + "/quang-ngai.xlsx.p7s", toPath: returned + "/quang-tri.xlsx.p7s")
        let files = try FileManager.default.contentsOfDirectory(atPath: returned).filter { $0.hasSuffix(".xlsx") }
            .sorted().map { returned + "/" + $0 }

        // The copied signature stops the import, naming its file; nothing is written.
        let refused = try CiodashProcess.run(["import", meeting] + files + ["--lang", "en"])
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains(returned + "/quang-tri.xlsx.p7s: error: signature: invalid"), refused.output)
        XCTAssertTrue(refused.output.contains("the file was changed after signing (or this is the signature of another file)"), refused.output)
        XCTAssertTrue(refused.output.contains("nothing written"), refused.output)

        let imported = try CiodashProcess.run(["import", meeting] + files + ["--lang", "en", "--force"])
        XCTAssertEqual(imported.status, 0, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains(returned + "/quang-ngai.xlsx.p7s: signature: valid; signer "), imported.output)
        XCTAssertTrue(imported.output.contains(returned + "/ha-tinh.xlsx.p7s: warning: signature: valid;"), imported.output)
        XCTAssertTrue(imported.output.contains("the signer's organisation does not match the province"), imported.output)
        XCTAssertTrue(imported.output.contains(returned + "/da-nang.xlsx: signature: unsigned"), imported.output)

        let recorded = try String(contentsOfFile: meeting + "/provinces/quang-ngai.yaml", encoding: .utf8)
        XCTAssertTrue(recorded.contains("signature:\n  verdict: valid\n  file: \"quang-ngai.xlsx\"\n"), recorded)
        XCTAssertTrue(recorded.contains("  data_sha256: "), recorded)

        let check = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertEqual(check.output, "11 provinces loaded, 0 errors, 0 warnings\n", "the signature blocks load cleanly")

        let board = try CiodashProcess.run(["status", meeting, "--lang", "en", "--width", "120"])
        let line = { (name: String) in board.output.split(separator: "\n").first { $0.hasPrefix(name) }.map(String.init) ?? "" }
        XCTAssertTrue(line("Quảng Ngãi").contains("√ valid"), board.output)
        XCTAssertTrue(line("Quảng Trị").contains("× invalid"), board.output)
        XCTAssertTrue(line("Đà Nẵng").contains("unsigned"), board.output)
        let markdown = try CiodashProcess.run(["snapshot", meeting, "--view", "status", "--format", "markdown", "--lang", "en"])
        XCTAssertTrue(markdown.output.contains("| Signature |"), markdown.output)
        XCTAssertTrue(markdown.output.contains("| valid |"), markdown.output)

        let province = try CiodashProcess.run(["snapshot", meeting, "--view", "province:quang-ngai", "--width", "100"])
        XCTAssertTrue(province.output.contains("√ Số liệu từ báo cáo có chữ ký số hợp lệ"), province.output)

        // TT 15/2025's "the certificate's period", on the board and in the province's line.
        XCTAssertTrue(board.output.contains("Quảng Ngãi: valid · signer "), board.output)
        XCTAssertTrue(board.output.contains("certificate valid from "), board.output)
        XCTAssertTrue(board.output.contains(" — the file was changed after signing"), "Quảng Trị's reason\n" + board.output)
        let viBoard = try CiodashProcess.run(["status", meeting, "--lang", "vi", "--width", "120"])
        XCTAssertNotNil(viBoard.output.range(of: #"chứng thư số có hiệu lực từ \d\d/\d\d/\d{4} đến \d\d/\d\d/\d{4}"#,
                                              options: .regularExpression), viBoard.output)
        XCTAssertTrue(province.output.contains("chứng thư số có hiệu lực từ "), province.output)

        // A figure edited by hand after the signed import.
        let edited = recorded.replacingOccurrences(of: "value: 10.5", with: "value: 99")
        XCTAssertNotEqual(edited, recorded)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: meeting + "/provinces/quang-ngai.yaml"))
        let flagged = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertTrue(flagged.output.contains("provinces/quang-ngai.yaml:"), flagged.output)
        XCTAssertTrue(flagged.output.contains("edited after its signed return was imported"), flagged.output)
        let after = try CiodashProcess.run(["status", meeting, "--lang", "en", "--width", "120"])
        XCTAssertTrue(after.output.split(separator: "\n").contains { $0.hasPrefix("Quảng Ngãi") && $0.contains("× edited") },
                      after.output)
    }

    func testCheckHashesAgainASignedReturnStillInTheMeetingFolder() throws {
        let meeting = root + "/meeting-2026", forms = root + "/forms", returned = meeting + "/returned"
        let made = try CiodashProcess.run(["init", meeting, "--from", root + "/hue-2019", "--date", "2026-07-24"])
        XCTAssertEqual(made.status, 0, made.output + made.errors)
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "quang ngai", "-o", forms]).status, 0)
        try fillAll(forms, returned)
        try FileManager.default.copyItem(atPath: pki + "/trust-full", toPath: meeting + "/trust")
        let file = returned + "/quang-ngai.xlsx"
        try sign(file, cert: "good-ec.pem", key: "good-ec.key")
        let imported = try CiodashProcess.run(["import", meeting, file, "--lang", "en"])
        XCTAssertEqual(imported.status, 0, imported.output + imported.errors)
        let recorded = try String(contentsOfFile: meeting + "/provinces/quang-ngai.yaml", encoding: .utf8)
        XCTAssertTrue(recorded.contains("  file: \"returned/quang-ngai.xlsx\"\n"), "the path inside the meeting folder\n" + recorded)
        // Only Quảng Ngãi has reported: the other ten are warnings of their own, none about its file.
        let clean = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertTrue(clean.output.hasSuffix("1 province loaded, 10 not yet reported, 0 errors, 10 warnings\n"), clean.output)
        XCTAssertFalse(clean.output.contains("quang-ngai"), clean.output)

        // The province sends its return again (or someone opens and saves it): the imported figures are
        // intact, but the file in the folder is no longer the one signed.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        let flagged = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertTrue(flagged.output.contains(meeting + "/provinces/quang-ngai.yaml:"), flagged.output)
        XCTAssertTrue(flagged.output.contains("warning: the return \"returned/quang-ngai.xlsx\" in the folder is no longer the signed file that was imported"),
                      flagged.output)
        let vi = try CiodashProcess.run(["check", meeting, "--lang", "vi"])
        XCTAssertTrue(vi.output.contains("báo cáo \"returned/quang-ngai.xlsx\" trong thư mục đã khác tệp có chữ ký đã nhập"), vi.output)

        // Moved away, it is not looked for.
        try FileManager.default.removeItem(atPath: file)
        XCTAssertEqual(try CiodashProcess.run(["check", meeting, "--lang", "en"]).output, clean.output)
    }
}
