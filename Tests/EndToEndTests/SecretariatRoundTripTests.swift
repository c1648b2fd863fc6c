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

    // MARK: From `init` to a checked 2026 meeting

    /// How a filled form comes back: the workbook itself, or its form sheet saved as CSV the way Excel
    /// writes it in each locale.
    private enum Returned: String {
        case xlsx
        /// "CSV UTF-8 (Comma delimited)" as a sheet program writes it in an English locale: no BOM, decimal points.
        case commaUTF8 = "comma-utf8"
        /// Excel in a Vietnamese locale: semicolons, decimal commas, a UTF-8 byte-order mark, CRLF.
        case semicolonBOM = "semicolon-bom"
        /// Excel's "Unicode text": UTF-16 LE with its BOM, tabs, decimal commas, CRLF.
        case utf16Tab = "utf16-tab"
    }

    /// Fills every form in `forms` as each province's clerk would (the date, the reporter, every
    /// topic's status in a Vietnamese word spelled some way, every value and source) and saves it into
    /// `out` as `how` says. `values` fixes chosen figures by province and metric; the others are
    /// 10.5, 11.5, … down the form.
    private func fillAll(_ forms: String, _ out: String, _ how: Returned, values: [String: [String: Double]]) throws {
        let python = try requireOpenpyxl()
        let script = #"""
            import csv, datetime, io, json, os, sys, openpyxl
            forms, out, mode, fixed = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
            # Status words as clerks type them: diacritics or none, any case.
            words = ["Đúng tiến độ", "co rui ro", "CHẬM", "chưa triển khai", "Chua ro", "đúng tiến độ"]
            for name in sorted(os.listdir(forms)):
                wb = openpyxl.load_workbook(os.path.join(forms, name))
                ws = wb["Biểu mẫu"]
                province, header, n, t = None, None, 0, 0
                for row in ws.iter_rows():
                    a = row[0].value
                    if header is None:
                        if a == "Mã tỉnh (province id)": province = row[1].value
                        elif a == "Số liệu đến ngày (figures as of, YYYY-MM-DD)":
                            assert not row[1].protection.locked
                            row[1].value = datetime.date(2026, 7, 20) if mode == "xlsx" else "2026-07-20"
                        elif a == "Đơn vị báo cáo (reported by)": row[1].value = "Sở KH&CN; " + province
                        elif a == "Mã chủ đề (topic)": header = row[0].row
                        continue
                    if not a: continue
                    if not row[1].value:
                        row[6].value = words[t % len(words)]
                        row[7].value = "Tóm tắt, chủ đề " + a
                        t += 1
                    else:
                        n += 1
                        assert not row[6].protection.locked and row[2].protection.locked
                        row[6].value = fixed.get(province, {}).get(row[1].value, 9.5 + n)
                        row[7].value = "Báo cáo %d/BC-SKHCN" % n
                assert province and header and n > 0, name
                if mode == "xlsx":
                    wb.save(os.path.join(out, province + ".xlsx"))
                    continue
                comma = mode != "comma-utf8"
                def text(v):
                    if v is None: return ""
                    if isinstance(v, (datetime.date, datetime.datetime)): return v.strftime("%Y-%m-%d")
                    if isinstance(v, float) and v.is_integer(): v = int(v)
                    s = str(v)
                    return s.replace(".", ",") if comma and isinstance(v, float) else s
                buffer = io.StringIO()
                delimiter = {"comma-utf8": ",", "semicolon-bom": ";", "utf16-tab": "\t"}[mode]
                writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
                for row in ws.iter_rows(values_only=True):
                    writer.writerow([text(v) for v in row])
                data = {"comma-utf8": buffer.getvalue().encode("utf-8"),
                        "semicolon-bom": b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"),
                        "utf16-tab": b"\xff\xfe" + buffer.getvalue().encode("utf-16-le")}[mode]
                with open(os.path.join(out, province + (".txt" if mode == "utf16-tab" else ".csv")), "wb") as f:
                    f.write(data)
            """#
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
        process.arguments = ["-c", script, forms, out, how.rawValue, json]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "openpyxl could not fill the forms in \(forms)")
    }

    /// `init` from the 2019 sample for a 2026 meeting, `template`, the forms filled and returned as
    /// `how` says, `import`, then `check` clean and the figures in `snapshot` and `status`.
    private func roundTrip(_ how: Returned) throws {
        let meeting = root + "/meeting-2026", forms = root + "/forms", returned = root + "/returned"
        let made = try CiodashProcess.run(["init", meeting, "--from", root + "/hue-2019", "--date", "2026-07-24", "--venue", "TP. Đà Nẵng"])
        XCTAssertEqual(made.status, 0, made.output + made.errors)

        let template = try CiodashProcess.run(["template", meeting, "-o", forms])
        XCTAssertEqual(template.status, 0, template.errors)
        XCTAssertEqual(template.outputLines.filter { $0.contains(".xlsx  ") }.count, 11, "one form per unit of 2026: \(template.output)")

        try fillAll(forms, returned, how, values: ["ha-tinh": ["dttm-items-deployed": 41.5, "cts-issued": 1349],
                                                   "lam-dong": ["level34-share": 48.5]])
        let files = try FileManager.default.contentsOfDirectory(atPath: returned).sorted().map { returned + "/" + $0 }
        XCTAssertEqual(files.count, 11)
        let imported = try CiodashProcess.run(["import", meeting] + files + ["--lang", "en"])
        XCTAssertEqual(imported.status, 0, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains("Smart-city services — Tỷ lệ hạng mục kế hoạch ĐTTM đã triển khai: — → 41.5"), imported.output)
        XCTAssertTrue(imported.output.hasSuffix("11 file(s) written\n"), imported.output)

        let check = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertEqual(check.output, "11 provinces loaded, 0 errors, 0 warnings\n", "check is clean after every form came back")

        let panel = try CiodashProcess.run(["snapshot", meeting, "--view", "panel:ha-tinh/smart-city", "--width", "100"])
        XCTAssertEqual(panel.status, 0, panel.errors)
        XCTAssertTrue(panel.output.contains("41,5%"), panel.output)
        XCTAssertTrue(panel.output.contains("Báo cáo 1/BC-SKHCN"), panel.output)
        XCTAssertTrue(panel.output.contains("đúng tiến độ"), "Đúng tiến độ typed in the form: \(panel.output)")
        let signatures = try CiodashProcess.run(["snapshot", meeting, "--view", "panel:ha-tinh/digital-signatures", "--width", "100"])
        XCTAssertTrue(signatures.output.contains("1.349"), "1349 certificates, in Vietnamese notation: \(signatures.output)")
        let lamDong = try CiodashProcess.run(["snapshot", meeting, "--view", "panel:lam-dong/public-service-portal", "--width", "100", "--lang", "en"])
        XCTAssertTrue(lamDong.output.contains("48.5%"), lamDong.output)
        let overview = try CiodashProcess.run(["snapshot", meeting, "--view", "overview", "--width", "100"])
        XCTAssertFalse(overview.output.contains("chưa báo cáo"), overview.output)
        XCTAssertTrue(overview.output.contains("Quảng Trị"), overview.output)

        let board = try CiodashProcess.run(["status", meeting, "--lang", "en"])
        XCTAssertEqual(board.status, 0, board.errors)
        XCTAssertTrue(board.output.contains("11 of 11 reports received; 0 not yet reported"), board.output)
    }

    func testInitTemplateFillXLSXImportCheckSnapshot() throws { try roundTrip(.xlsx) }
    func testInitTemplateCommaCSVImportCheckSnapshot() throws { try roundTrip(.commaUTF8) }
    func testInitTemplateSemicolonCSVWithBOMImportCheckSnapshot() throws { try roundTrip(.semicolonBOM) }
    func testInitTemplateUnicodeTextImportCheckSnapshot() throws { try roundTrip(.utf16Tab) }

    func testInitWithRelativeNamesLinksTheEarlierMeeting() throws {
        // Bare names relative to the working folder, as a clerk types them (this trapped in Foundation).
        let made = try CiodashProcess.run(["init", "m", "--from", "hue-2019", "--date", "2026-07-24", "--lang", "en"], in: root)
        XCTAssertEqual(made.status, 0, made.errors)
        let agenda = try String(contentsOfFile: root + "/m/meeting.yaml", encoding: .utf8)
        XCTAssertTrue(agenda.contains("previous: \"../hue-2019\"\n"), agenda)
        let nested = try CiodashProcess.run(["init", "later/", "--from", "./m/", "--date", "2027-07-24", "--lang", "en"], in: root)
        XCTAssertEqual(nested.status, 0, nested.errors)
        XCTAssertTrue(try String(contentsOfFile: root + "/later/meeting.yaml", encoding: .utf8).contains("previous: \"../m\"\n"))
    }

    func testInitMakesAFolderCheckAcceptsWithEveryProvinceNotYetReported() throws {
        let meeting = root + "/meeting-2026"
        let made = try CiodashProcess.run(["init", meeting, "--from", root + "/hue-2019", "--date", "2026-07-24", "--lang", "en"])
        XCTAssertEqual(made.status, 0, made.errors)
        XCTAssertTrue(made.output.contains("provinces: 11, none reported yet"), made.output)
        XCTAssertTrue(made.output.contains("Lâm Đồng (lam-dong): from Bình Thuận + Đắk Nông + Lâm Đồng"), made.output)
        let agenda = try String(contentsOfFile: meeting + "/meeting.yaml", encoding: .utf8)
        XCTAssertTrue(agenda.contains("previous: \"../hue-2019\"\n"), agenda)
        XCTAssertTrue(agenda.contains("date: 2026-07-24\n"), agenda)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: meeting + "/provinces"), [])

        let check = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.hasSuffix("0 provinces loaded, 11 not yet reported, 0 errors, 11 warnings\n"), check.output)
        XCTAssertEqual(check.outputLines.filter { $0.contains("is listed but has no file") }.count, 11, check.output)
        let board = try CiodashProcess.run(["status", meeting, "--lang", "en"])
        XCTAssertTrue(board.output.contains("0 of 11 reports received; 11 not yet reported"), board.output)
        // The chain reaches 2019 and 2018: Hà Tĩnh, not merged, is compared with its own earlier figures.
        let history = try CiodashProcess.run(["template", meeting, "ha-tinh", "-o", root + "/forms", "--format", "yaml"])
        XCTAssertEqual(history.status, 0, history.errors)
        let form = try String(contentsOfFile: root + "/forms/ha-tinh.yaml", encoding: .utf8)
        XCTAssertTrue(form.contains("kỳ trước 25"), "last meeting's value from the 2019 sample: \(form)")
    }

    func testInitWithoutAPreviousMeetingUsesTheSampleAgendaOfTheDatesPeriod() throws {
        let made = try CiodashProcess.run(["init", root + "/new", "--date", "2026-09-01", "--title", "Phiên họp chuyên đề", "--venue", "TP. Huế"])
        XCTAssertEqual(made.status, 0, made.errors)
        let agenda = try String(contentsOfFile: root + "/new/meeting.yaml", encoding: .utf8)
        XCTAssertTrue(agenda.contains("title: \"Phiên họp chuyên đề\"\n") && agenda.contains("venue: \"TP. Huế\"\n"), agenda)
        XCTAssertTrue(agenda.contains("  - id: dti\n"), "today's topics, from the council-2026 sample: \(agenda)")
        XCTAssertFalse(agenda.contains("previous:"), agenda)
        let check = try CiodashProcess.run(["check", root + "/new", "--lang", "en"])
        XCTAssertTrue(check.output.hasSuffix("0 provinces loaded, 11 not yet reported, 0 errors, 11 warnings\n"), check.output)
    }

    func testInitRefusesAFolderThatIsNotEmptyAndLeavesItAlone() throws {
        let existing = root + "/hue-2019"
        let before = try FileManager.default.contentsOfDirectory(atPath: existing).sorted()
        let vi = try CiodashProcess.run(["init", existing, "--date", "2026-07-24"])
        XCTAssertEqual(vi.status, 1)
        XCTAssertTrue(vi.errors.contains("đã có và không trống; hãy chọn một thư mục mới"), vi.errors)
        let en = try CiodashProcess.run(["init", existing, "--date", "2026-07-24", "--lang", "en"])
        XCTAssertTrue(en.errors.contains("already exists and is not empty; choose a new folder"), en.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: existing).sorted(), before)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: root).contains { $0.hasPrefix(".") },
                       "no temporary folder is left behind")

        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        XCTAssertEqual(try CiodashProcess.run(["init", root + "/empty", "--from", root + "/hue-2019", "--date", "2020-07-25"]).status, 0,
                       "an empty folder may be used")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/empty/meeting.yaml"))
    }

    func testInitRefusesADateNotAfterThePreviousMeeting() throws {
        let early = try CiodashProcess.run(["init", root + "/early", "--from", root + "/hue-2019", "--date", "2019-07-27"])
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.errors.contains("phiên họp trước họp ngày 27/07/2019, không trước ngày 27/07/2019 của phiên mới"), early.errors)
        let bad = try CiodashProcess.run(["init", root + "/bad", "--date", "24/07/2026"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.errors.contains("is not a valid date; write it YYYY-MM-DD"), bad.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/early") || FileManager.default.fileExists(atPath: root + "/bad"))
    }

    // MARK: The 2019 sample's own provinces

    func testTemplateFillImportCheckSnapshot() throws {
        let meeting = root + "/hue-2019", forms = root + "/forms"
        let template = try CiodashProcess.run(["template", meeting, "-o", forms])
        XCTAssertEqual(template.status, 0, template.errors)
        XCTAssertEqual(template.outputLines.filter { $0.contains(".xlsx  ") }.count, 19, "one form per province of the sample: \(template.output)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: forms + "/ha-tinh.xlsx"))

        try fill(forms + "/ha-tinh.xlsx", root + "/ha-tinh.xlsx",
                 values: ["dttm-items-deployed": "41.5|Báo cáo 88/BC-STTTT", "level34-share": "33"],
                 statuses: ["smart-city": "đúng tiến độ"])
        try fill(forms + "/da-nang.xlsx", root + "/da-nang.xlsx",
                 values: ["signed-doc-share": "97.5|Sở TT&TT Đà Nẵng"], statuses: ["information-security": "chậm"])

        let imported = try CiodashProcess.run(["import", meeting, root + "/ha-tinh.xlsx", root + "/da-nang.xlsx", "--lang", "en"])
        XCTAssertEqual(imported.status, 0, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains("Smart-city services — Tỷ lệ hạng mục kế hoạch ĐTTM đã triển khai: 25 → 41.5"), imported.output)
        XCTAssertTrue(imported.output.contains("Smart-city services: status: có rủi ro → đúng tiến độ"), imported.output)
        XCTAssertTrue(imported.output.contains("Digital signatures — Tỷ lệ văn bản đi được ký số: 95 → 97.5"), imported.output)

        let check = try CiodashProcess.run(["check", meeting, "--lang", "en"])
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
        XCTAssertTrue(imported.output.contains("value \"812.345\" reads two ways: 812345 (with a thousands separator) or 812.345 (with a decimal mark)"), imported.output)
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
        XCTAssertTrue(forced.output.contains("Cổng dịch vụ công và bưu chính công ích — Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4: 28 → 40"), forced.output)
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
