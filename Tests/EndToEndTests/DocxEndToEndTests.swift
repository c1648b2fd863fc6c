import CioDashCore
import CioDashSamples
import Foundation
import XCTest

/// The Word documents as the office uses them: `ciodash minutes --format docx` from a journal kept
/// on a rehearsal day and the meeting's day (names typed without diacritics, an absent province
/// given a task), opened by LibreOffice (headless) and converted to PDF; the PDF's text holds every
/// Vietnamese word with its marks and its pages are A4; python-docx reads the tables, the font and
/// the margins of Nghị định 30/2020, Phụ lục I.
final class DocxEndToEndTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-docx-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    static let conclusions = "Thống nhất nhân rộng mô hình IOC của Thừa Thiên Huế.\nCác tỉnh gửi kế hoạch ĐTTM trước quý IV."
    static let tasks = [("quang tri, dak lak", "Rà soát kế hoạch đô thị thông minh", "30/9/2019"),
                        ("kon tum", "Gửi báo cáo bổ sung về kinh phí", ""),
                        ("Bưu điện các tỉnh", "Nhận và trả hồ sơ thủ tục hành chính qua bưu chính công ích", "15/10/2019")]

    /// A journal: a rehearsal the day before (71 s on the first item), then the meeting.
    func writeJournal() throws -> (path: String, meeting: Meeting) {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: TmuxHarness.sampleFolder).meeting)
        let day = 1_564_189_200.0 + 60  // 2019-07-27 08:01 at UTC+7
        var entries: [MinutesEntry] = [
            .clock(MinutesClockEvent(.start, topic: "smart-city", at: day - 86_400)),
            .clock(MinutesClockEvent(.stop, topic: "smart-city", at: day - 86_400 + 71)),
            .set(.secretary, "Bà Lê Thị Thu Hà, Văn phòng Sở TT&TT Thừa Thiên Huế", at: day),
            .set(.absent, "kon tum", at: day),
            .clock(MinutesClockEvent(.start, topic: "smart-city", at: day)),
            .set(.conclusions(topic: "smart-city"), Self.conclusions, at: day + 30),
        ]
        for (n, task) in Self.tasks.enumerated() {
            entries.append(.set(.assignment(topic: "smart-city", row: n + 1, part: .who), task.0, at: day + 40))
            entries.append(.set(.assignment(topic: "smart-city", row: n + 1, part: .what), task.1, at: day + 40))
            if !task.2.isEmpty { entries.append(.set(.assignment(topic: "smart-city", row: n + 1, part: .due), task.2, at: day + 40)) }
        }
        entries += [.clock(MinutesClockEvent(.stop, topic: "smart-city", at: day + 25 * 60)),
                    .clock(MinutesClockEvent(.end, topic: nil, at: day + 26 * 60))]
        let header = MinutesJournalFormat.Header(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: 7 * 3600)
        let path = folder.appendingPathComponent("2019-07-27.jsonl").path
        try (MinutesJournalFormat.line(header) + entries.map(MinutesJournalFormat.line).joined())
            .write(toFile: path, atomically: true, encoding: .utf8)
        return (path, meeting)
    }

    func minutes(_ journal: String, kind: String, lang: String, to name: String) throws -> (path: String, errors: String) {
        let out = folder.appendingPathComponent(name).path
        let run = try CiodashProcess.run(["minutes", TmuxHarness.sampleFolder, "--journal", journal, "--kind", kind,
                                          "--lang", lang, "--format", "docx", "-o", out])
        XCTAssertEqual(run.status, 0, run.errors)
        return (out, run.errors)
    }

    /// LibreOffice headless, with a profile of its own so that parallel runs do not collide.
    func pdf(_ docx: String) throws -> String {
        let profile = folder.appendingPathComponent("lo-profile").path
        let run = try Self.tool("soffice", ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf",
                                            "--outdir", folder.path, docx])
        let pdf = (docx as NSString).deletingPathExtension + ".pdf"
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf), "LibreOffice converted \(docx): \(run.output) \(run.error)")
        return pdf
    }

    func testTheMinutesOpenInLibreOfficeAsA4WithEveryWordAndTheirTables() throws {
        let (journal, meeting) = try writeJournal()
        let (docx, errors) = try minutes(journal, kind: "bien-ban", lang: "vi", to: "bien-ban.docx")
        XCTAssertTrue(errors.contains("26/07/2019") && errors.contains("27/07/2019"),
                      "the rehearsal's day is named beside the meeting's: \(errors)")
        let pdf = try pdf(docx)
        let info = try Self.tool("pdfinfo", [pdf]).output
        XCTAssertTrue(info.contains("(A4)"), info)
        let text = Normalization.nfc(try Self.tool("pdftotext", [pdf, "-"]).output).lowercased()
        var words = Self.conclusions + " Thời gian bắt đầu Địa điểm Thành phần tham dự Chủ trì Thư ký Nội dung Giao nhiệm vụ "
            + "Lê Thị Thu Hà Vắng mặt Có mặt THƯ KÝ CHỦ TỌA Ký, ghi rõ họ tên CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            + "Độc lập - Tự do - Hạnh phúc Thừa Thiên Huế, ngày 27 tháng 7 năm 2019 Quảng Trị, Đắk Lắk "
            + "thực tế 1 phút 11 giây " + meeting.title + " " + meeting.council
        words += " " + meeting.provinces.map(\.name).joined(separator: " ") + " " + Self.tasks.map { $0.1 + " " + $0.2 }.joined(separator: " ")
        let missing = Set(Normalization.nfc(words).lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
            .filter { !text.contains($0) }
        XCTAssertEqual(missing, [], "every word of the document is in the PDF's text, with its marks")

        let report = try Self.pythonDocx(docx)
        XCTAssertEqual(report["font"] as? String, "Times New Roman")
        XCTAssertEqual((report["page"] as? [Double] ?? []).map { $0.rounded() }, [210, 297], "A4 in mm")
        let margins = try XCTUnwrap(report["margins"] as? [String: Double])
        XCTAssertTrue((20...25).contains(margins["top"] ?? 0) && (20...25).contains(margins["bottom"] ?? 0), "\(margins)")
        XCTAssertTrue((30...35).contains(margins["left"] ?? 0) && (15...20).contains(margins["right"] ?? 0), "\(margins)")
        let tables = try XCTUnwrap(report["tables"] as? [[[String]]])
        XCTAssertEqual(tables.first?.first?.last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "the heading table")
        let attendance = try XCTUnwrap(tables.first { $0.first == ["STT", "Tỉnh, thành phố", "Tham dự"] })
        XCTAssertEqual(attendance.count, 1 + meeting.provinces.count, "one row per province")
        XCTAssertEqual(attendance.dropFirst().map { $0[1] }, meeting.provinces.map(\.name))
        XCTAssertEqual(attendance.first { $0[1] == "Kon Tum" }?[2], "Vắng mặt")
        XCTAssertEqual(attendance.first { $0[1] == "Đắk Lắk" }?[2], "Có mặt")
        let assignments = try XCTUnwrap(tables.first { $0.first == ["STT", "Đơn vị", "Nội dung", "Thời hạn"] })
        XCTAssertEqual(assignments.dropFirst().map { $0 }, [
            ["1", "Quảng Trị, Đắk Lắk", Self.tasks[0].1, "30/9/2019"],
            ["2", "Kon Tum", Self.tasks[1].1, ""],
            ["3", "Bưu điện các tỉnh", Self.tasks[2].1, "15/10/2019"],
        ], "one row per assignment, the names typed without diacritics resolved")
        let signatures = try XCTUnwrap(tables.last?.first)
        XCTAssertEqual(signatures.map { $0.split(separator: "\n").first.map(String.init) }, ["THƯ KÝ", "CHỦ TỌA"], "titles above")
        XCTAssertEqual(signatures.map { $0.split(separator: "\n").last.map(String.init) }, ["Lê Thị Thu Hà", "Nguyễn Thành Hưng"], "names below")
    }

    func testTheNoticeInEnglishAndVietnameseReachesEveryProvinceAndBody() throws {
        let (journal, meeting) = try writeJournal()
        for lang in ["vi", "en"] {
            let (docx, _) = try minutes(journal, kind: "ket-luan", lang: lang, to: "ket-luan-\(lang).docx")
            let pdf = try pdf(docx)
            XCTAssertTrue(try Self.tool("pdfinfo", [pdf]).output.contains("(A4)"))
            let text = Normalization.nfc(try Self.tool("pdftotext", [pdf, "-"]).output)
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for province in meeting.provinces { XCTAssertTrue(flat.contains(province.name), "\(lang): \(province.name) receives it") }
            XCTAssertTrue(flat.contains("Bưu điện các tỉnh;"), "\(lang): the body given a task receives it")
            XCTAssertFalse(flat.contains("Triển khai chữ ký số") || flat.contains("Digital signatures"),
                           "\(lang): an item without a conclusion is left out")
            let tables = try XCTUnwrap(try Self.pythonDocx(docx)["tables"] as? [[[String]]])
            // Quảng Trị, Kon Tum, Đắk Lắk and the post office each get their table of one task.
            let taskTables = tables.filter { $0.first?.count == 3 && $0.first?.first == (lang == "vi" ? "Nhiệm vụ" : "Task") }
            XCTAssertEqual(taskTables.map { $0.count }, [2, 2, 2, 2], "\(lang): \(tables)")
        }
    }

    /// The same journal gives the same .docx bytes: zip entries are dated by the meeting's day.
    func testTheDocxIsReproducible() throws {
        let (journal, _) = try writeJournal()
        let a = try minutes(journal, kind: "bien-ban", lang: "vi", to: "a.docx").path
        let b = try minutes(journal, kind: "bien-ban", lang: "vi", to: "b.docx").path
        XCTAssertEqual(FileManager.default.contents(atPath: a), FileManager.default.contents(atPath: b))
    }

    /// `snapshot --format docx`: the overview's figures as a real table (one row per province),
    /// and every view of the meeting in one document that LibreOffice opens as A4.
    func testSnapshotsAreWordTablesOfTheFigures() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: TmuxHarness.sampleFolder).meeting)
        let overview = folder.appendingPathComponent("tong-quan.docx").path
        let one = try CiodashProcess.run(["snapshot", TmuxHarness.sampleFolder, "--view", "overview", "--format", "docx", "-o", overview],
                                         environment: ["SOURCE_DATE_EPOCH": "1564218000"])
        XCTAssertEqual(one.status, 0, one.errors)
        let report = try Self.pythonDocx(overview)
        XCTAssertEqual(report["font"] as? String, "Times New Roman")
        let tables = try XCTUnwrap(report["tables"] as? [[[String]]])
        let figures = try XCTUnwrap(tables.first)
        XCTAssertEqual(figures.count, 1 + meeting.provinces.count, "one row per province")
        XCTAssertEqual(figures.dropFirst().map { $0[0] }, meeting.provinces.map(\.name))
        XCTAssertEqual(figures[0].count, 1 + meeting.topics.count, "a column per agenda item")
        let hue = try XCTUnwrap(figures.first { $0[0] == "Thừa Thiên Huế" })
        XCTAssertTrue(hue[1].contains("68%"), "the cell holds the figure: \(hue)")

        let all = folder.appendingPathComponent("phien-hop.docx").path
        let every = try CiodashProcess.run(["snapshot", TmuxHarness.sampleFolder, "--view", "all", "--format", "docx", "-o", all],
                                           environment: ["SOURCE_DATE_EPOCH": "1564218000"])
        XCTAssertEqual(every.status, 0, every.errors)
        let pdf = try pdf(all)
        XCTAssertTrue(try Self.tool("pdfinfo", [pdf]).output.contains("(A4)"))
        let text = Normalization.nfc(try Self.tool("pdftotext", [pdf, "-"]).output)
        for word in ["Chú giải", "minh họa", "Tổng quan", "Chương trình"] + meeting.topics.map(\.title) {
            XCTAssertTrue(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(word), "\(word) is in the document")
        }
    }

    // MARK: Tools

    static func tool(_ name: String, _ arguments: [String]) throws -> (output: String, error: String) {
        let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            XCTFail("\(name) is not installed: .ci/run installs it (libreoffice-writer, poppler-utils, python3-docx)")
            throw CocoaError(.fileNoSuchFile)
        }
        let run = try TmuxHarness.output(of: path, arguments)
        XCTAssertEqual(run.status, 0, "\(name) \(arguments): \(run.error)")
        return (run.output, run.error)
    }

    /// What python-docx reads: the Normal style's font, page size and margins in mm, every table's cells.
    static func pythonDocx(_ docx: String) throws -> [String: Any] {
        let script = """
        import docx, json, sys
        d = docx.Document(sys.argv[1])
        s = d.sections[0]
        mm = lambda v: round(v / 36000, 3)
        print(json.dumps({
          "font": d.styles["Normal"].font.name,
          "page": [mm(s.page_width), mm(s.page_height)],
          "margins": {"top": mm(s.top_margin), "bottom": mm(s.bottom_margin), "left": mm(s.left_margin), "right": mm(s.right_margin)},
          "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
        }, ensure_ascii=False))
        """
        let run = try tool("python3", ["-c", script, docx])
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
        return try XCTUnwrap(object as? [String: Any], run.output + run.error)
    }
}
