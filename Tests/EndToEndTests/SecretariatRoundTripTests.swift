import CioDashSamples
import Foundation
import XCTest

/// The secretariat's round trip with the real binary: `template` to .xlsx from the 2019 sample, the
/// workbooks filled by openpyxl as a province's clerk would, `import`, then `check` and `snapshot`.
final class SecretariatRoundTripTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-secretariat-" + UUID().uuidString
        // The sample and the meeting its previous: names, side by side as in fixtures/.
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SampleMeetings.hue2019, to: URL(fileURLWithPath: root + "/hue-2019"))
        try FileManager.default.copyItem(at: SampleMeetings.giaLai2018, to: URL(fileURLWithPath: root + "/gia-lai-2018"))
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func requireOpenpyxl() throws -> String {
        let python = try TmuxHarness.requireTool("python3")
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import openpyxl"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        if probe.terminationStatus != 0 {
            throw XCTSkip("openpyxl is not installed (python3 -m pip install openpyxl; .ci/run installs it)")
        }
        return python
    }

    /// Fills a form: value (a number, or text after a leading ') and source by metric id, status by topic id, with openpyxl.
    private func fill(_ form: String, _ out: String, values: [String: String], statuses: [String: String]) throws {
        let python = try requireOpenpyxl()
        let script = """
            import json, sys, openpyxl
            form, out, values, statuses = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
            wb = openpyxl.load_workbook(form)
            ws = wb["Biểu mẫu"]
            assert ws.protection.sheet, "the form sheet must be protected"
            for row in ws.iter_rows():
                topic, metric = row[0].value, row[1].value
                if metric in values:
                    assert not row[6].protection.locked and row[2].protection.locked
                    value, source = values[metric]
                    row[6].value = value
                    row[7].value = source
                elif metric is None and topic in statuses:
                    row[6].value = statuses[topic]
            wb.save(out)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let json = { (o: Any) in String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self) }
        process.arguments = ["-c", script, form, out, try json(values.mapValues { pair -> [Any] in
            let parts = pair.split(separator: "|", maxSplits: 1).map(String.init)
            // A leading ' keeps the value as text, as a clerk typing into a text-formatted cell would.
            let value: Any = parts[0].hasPrefix("'") ? String(parts[0].dropFirst()) : (Double(parts[0]).map { $0 as Any } ?? parts[0])
            return [value, parts.count > 1 ? parts[1] : NSNull()]
        }), try json(statuses)]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "openpyxl could not fill \(form)")
    }

    func testTemplateFillImportCheckSnapshot() throws {
        let meeting = root + "/hue-2019", forms = root + "/forms"
        let template = try CiodashProcess.run(["template", meeting, "-o", forms])
        XCTAssertEqual(template.status, 0, template.errors)
        XCTAssertEqual(template.outputLines.count, 19, "one form per province of the sample: \(template.output)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: forms + "/ha-tinh.xlsx"))

        try fill(forms + "/ha-tinh.xlsx", root + "/ha-tinh.xlsx",
                 values: ["dttm-items-deployed": "41.5|Báo cáo 88/BC-STTTT", "level34-share": "33"],
                 statuses: ["smart-city": "đúng tiến độ"])
        try fill(forms + "/da-nang.xlsx", root + "/da-nang.xlsx",
                 values: ["signed-doc-share": "97.5|Sở TT&TT Đà Nẵng"], statuses: ["information-security": "chậm"])

        let imported = try CiodashProcess.run(["import", meeting, root + "/ha-tinh.xlsx", root + "/da-nang.xlsx", "--lang", "en"])
        XCTAssertEqual(imported.status, 0, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains("smart-city/dttm-items-deployed: 25 → 41.5"), imported.output)
        XCTAssertTrue(imported.output.contains("smart-city: status: có rủi ro → đúng tiến độ"), imported.output)
        XCTAssertTrue(imported.output.contains("digital-signatures/signed-doc-share: 95 → 97.5"), imported.output)

        let check = try CiodashProcess.run(["check", meeting])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.hasSuffix("19 provinces loaded, 0 errors, 0 warnings\n"), check.output)

        let panel = try CiodashProcess.run(["snapshot", meeting, "--view", "panel:ha-tinh/smart-city", "--width", "100"])
        XCTAssertEqual(panel.status, 0, panel.errors)
        XCTAssertTrue(panel.output.contains("41,5%"), panel.output)
        XCTAssertTrue(panel.output.contains("Báo cáo 88/BC-STTTT"), panel.output)
        let daNang = try CiodashProcess.run(["snapshot", meeting, "--view", "panel:da-nang/digital-signatures", "--width", "100"])
        XCTAssertTrue(daNang.output.contains("97,5%"), daNang.output)
    }

    func testAnErrorInOneFormWritesNothing() throws {
        let meeting = root + "/hue-2019", forms = root + "/forms"
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "ha-tinh", "da-nang", "-o", forms]).status, 0)
        try fill(forms + "/ha-tinh.xlsx", root + "/ha-tinh.xlsx", values: ["level34-share": "40"], statuses: [:])
        try fill(forms + "/da-nang.xlsx", root + "/da-nang.xlsx", values: ["level34-share": "'812.345"], statuses: [:])
        let before = try Data(contentsOf: URL(fileURLWithPath: meeting + "/provinces/ha-tinh.yaml"))

        let imported = try CiodashProcess.run(["import", meeting, root + "/ha-tinh.xlsx", root + "/da-nang.xlsx", "--lang", "en"])
        XCTAssertEqual(imported.status, 1)
        XCTAssertTrue(imported.output.contains("da-nang.xlsx:Biểu mẫu!G"), imported.output)
        XCTAssertTrue(imported.output.contains("value \"812.345\" reads two ways: 812345 or 812.345"), imported.output)
        XCTAssertTrue(imported.output.contains("nothing written"), imported.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: meeting + "/provinces/ha-tinh.yaml")), before,
                       "the good form must not be written when another one has an error")
    }

    func testANewerStatusFileIsNotReplacedWithoutForce() throws {
        let meeting = root + "/hue-2019", forms = root + "/forms"
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "ha-tinh", "-o", forms]).status, 0)
        try fill(forms + "/ha-tinh.xlsx", root + "/ha-tinh.xlsx", values: ["level34-share": "40"], statuses: [:])
        let later = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: meeting + "/provinces/ha-tinh.yaml")

        let refused = try CiodashProcess.run(["import", meeting, root + "/ha-tinh.xlsx", "--lang", "en"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.output.contains("was changed after this form was saved; it is not replaced (use --force"), refused.output)
        let forced = try CiodashProcess.run(["import", meeting, root + "/ha-tinh.xlsx", "--force"])
        XCTAssertEqual(forced.status, 0, forced.output)
        XCTAssertTrue(forced.output.contains("public-service-portal/level34-share: 28 → 40"), forced.output)
    }

    func testTemplateNeverOverwritesWithoutForce() throws {
        let meeting = root + "/hue-2019", forms = root + "/forms"
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "hue", "-o", forms, "--format", "yaml"]).status, 0)
        let again = try CiodashProcess.run(["template", meeting, "hue", "-o", forms, "--format", "yaml"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.errors.contains("thua-thien-hue.yaml already exists; use --force"), again.errors)
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "hue", "-o", forms, "--format", "yaml", "--force"]).status, 0)
    }
}
