import CioDashCore
@testable import CioDashSpreadsheet
import Foundation
import XCTest

/// Tasks carried by `init --from` across the 2025 mergers, asked in the return (.xlsx and YAML) and
/// read back by `import` with their places.
final class TaskReturnTests: XCTestCase {
    private var folder = ""

    /// A meeting of 2026 with two tasks for Quảng Ngãi (one formerly Kon Tum's) and one for Huế.
    private let meeting2026 = """
        format: ciodash/1
        council: Hội đồng CIO
        title: Phiên họp 2026
        date: 2026-07-24
        topics:
          - id: smart-city
            title: Đô thị thông minh
        provinces: [quang-ngai, hue]
        tasks:
          - id: t1
            owners: [quang-ngai]
            what: Rà soát kế hoạch ĐTTM
            due: 2026-03-31
            meeting_date: 2025-06-20
            was: [kon-tum]
          - id: t2
            owners: [quang-ngai, hue]
            what: Chia sẻ tài liệu IOC
            due: 2026-09-30
          - id: t3
            owners: [hue]
            what: Báo cáo ATTT

        """

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-tasks-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try meeting2026.write(toFile: folder + "/meeting.yaml", atomically: true, encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    private func load(_ path: String? = nil) throws -> Meeting {
        let result = MeetingLoader(readsPreviousMeeting: false).load(folder: path ?? folder)
        XCTAssertEqual(result.errorCount, 0, result.diagnostics.map(\.description).joined(separator: "\n"))
        return try XCTUnwrap(result.meeting)
    }

    // MARK: Carried forward

    func testTasksNotDoneAreCarriedEachOwnerAsTheUnitsStandOnTheNewDate() throws {
        let earlierFolder = NSTemporaryDirectory() + "ciodash-tasks-2025-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: earlierFolder + "/provinces", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: earlierFolder) }
        try """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2025
            date: 2025-06-20
            topics:
              - id: smart-city
                title: Đô thị thông minh
            provinces: [kon-tum, quang-ngai]
            tasks:
              - id: old-1
                owners: [quang-ngai]
                what: Đã xong từ trước
                meeting_date: 2024-07-20
              - id: old-2
                owners: [kon-tum, bo-xyz]
                what: Còn dở
                meeting_date: 2024-07-20

            """.write(toFile: earlierFolder + "/meeting.yaml", atomically: true, encoding: .utf8)
        try "format: ciodash/1\nid: quang-ngai\nname: Quảng Ngãi\ntopics: {}\ntasks:\n  old-1:\n    status: done\n"
            .write(toFile: earlierFolder + "/provinces/quang-ngai.yaml", atomically: true, encoding: .utf8)
        // bo-xyz is no province of that meeting either (its check said so): no unit of 2026 is what it became.
        let earlier = try XCTUnwrap(MeetingLoader(readsPreviousMeeting: false).load(folder: earlierFolder).meeting)
        let assigned = [CouncilTask(id: "2025-06-20-smart-city-1", owners: ["kon-tum"], what: "Kết nối IOC",
                                    due: LocalDate(iso: "2025-12-31"),
                                    origin: TaskOrigin(meetingTitle: "Phiên họp 2025", meetingDate: earlier.date, topic: "smart-city"))]
        let plan = NewMeeting(from: earlier, date: LocalDate(iso: "2026-07-24")!, title: nil, venue: nil, previous: nil, assigned: assigned)
        let carried = try XCTUnwrap(plan.carried)
        XCTAssertEqual(carried.done, ["old-1"], "a task every owner reported done stays behind")
        XCTAssertEqual(plan.tasks.map(\.id), ["old-2", "2025-06-20-smart-city-1"])
        XCTAssertEqual(plan.tasks[1].owners, ["quang-ngai"], "Kon Tum's task is Quảng Ngãi's from 1 July 2025")
        XCTAssertEqual(plan.tasks[1].formerOwners, ["kon-tum"], "the original owner is kept")
        XCTAssertEqual(plan.tasks[0].owners, ["quang-ngai", "bo-xyz"], "an owner that cannot be mapped stays as it was")
        XCTAssertEqual(carried.unmapped.map(\.owner), ["bo-xyz"], "and is flagged")
        XCTAssertEqual(carried.mapped.map { "\($0.task):\($0.from)→\($0.to)" },
                       ["old-2:kon-tum→quang-ngai", "2025-06-20-smart-city-1:kon-tum→quang-ngai"])

        // Written and read back: the same tasks; the unmapped owner is what `check` traps.
        let newFolder = NSTemporaryDirectory() + "ciodash-tasks-new-\(UUID().uuidString)"
        try AtomicFolder.create(newFolder, files: [("meeting.yaml", Array(plan.meetingYAML.utf8))], folders: ["provinces"])
        defer { try? FileManager.default.removeItem(atPath: newFolder) }
        let result = MeetingLoader().load(folder: newFolder)
        XCTAssertEqual(result.meeting?.tasks, plan.tasks)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message),
                       ["task \"old-2\" is given to \"bo-xyz\", which is no province of the meeting; write a province id of provinces, or a body's name under bodies"])
    }

    // MARK: Asked in the return

    func testTheWorkbookHasATasksSheetWithTheProvincesTasksOnly() throws {
        let meeting = try load()
        let form = ReturnForm(meeting: meeting, province: try XCTUnwrap(meeting.province("quang-ngai")))
        XCTAssertEqual(form.tasks.map(\.id), ["t1", "t2"])
        XCTAssertEqual(form.tasks[0].due, "31/03/2026")
        let path = folder + "/quang-ngai.xlsx"
        try Data(try ReturnFormWorkbook.bytes(form)).write(to: URL(fileURLWithPath: path))
        let workbook = try XLSXWorkbook(path: path)
        XCTAssertEqual(workbook.sheetNames, [FormLayout.instructionsSheet, FormLayout.formSheet, TaskFormLayout.sheet])
        var texts: [String] = []
        _ = try workbook.readSheet(TaskFormLayout.sheet) { row in
            for cell in row.cells { if case .text(let s) = cell.value { texts.append("\(cell.reference)=\(s)") } }
        }
        XCTAssertTrue(texts.contains("A5=t1") && texts.contains("B5=Rà soát kế hoạch ĐTTM") && texts.contains("A6=t2"), "\(texts)")
        XCTAssertFalse(texts.contains { $0.hasSuffix("=t3") }, "Huế's task is not on Quảng Ngãi's form")
        let (read, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.filter { $0.severity == .error }, [])
        XCTAssertEqual(read?.tasks.map(\.id), ["t1", "t2"])
        XCTAssertEqual(read?.tasks.allSatisfy(\.isEmpty), true, "a blank form answers nothing")
    }

    private func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }

    /// A returned workbook: the form sheet with the province id, and the tasks sheet with `rows`.
    private func returned(_ taskRows: [[String: String]]) throws -> String {
        let formRows = "<row r=\"2\">\(inline("A2", FormLayout.provinceIDLabel))\(inline("B2", "quang-ngai"))</row>"
            + "<row r=\"8\">\(inline("A8", FormLayout.header[0]))</row>"
        var rows = "<row r=\"4\">" + TaskFormLayout.header.enumerated().map { inline(String(UnicodeScalar(65 + $0.offset)!) + "4", $0.element) }.joined() + "</row>"
        for (n, cells) in taskRows.enumerated() {
            rows += "<row r=\"\(5 + n)\">" + cells.sorted { $0.key < $1.key }.map { inline("\($0.key)\(5 + n)", $0.value) }.joined() + "</row>"
        }
        return try WorkbookFixture.write([(FormLayout.instructionsSheet, ""), (FormLayout.formSheet, formRows), (TaskFormLayout.sheet, rows)],
                                         name: "quang-ngai.xlsx")
    }

    func testImportReadsTheTasksWithTheirPlacesAndWritesThem() throws {
        let path = try returned([["A": "t1", "E": "Xong", "F": "20/03/2026", "H": "125/KH-UBND"],
                                 ["A": "t2", "E": "dang lam", "G": "Đã gửi dự thảo"]])
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.filter { $0.severity == .error }, [])
        let meeting = try load()
        let prepared = FormImport.prepare(try XCTUnwrap(form), formPath: path, meeting: meeting, folder: folder, force: true, language: .vi)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.text.contains("tasks:\n  t1:\n    status: done\n    done: 2026-03-20\n    reference: \"125/KH-UBND\"\n"), prepared.text)
        XCTAssertEqual(prepared.changes.map(\.item), ["nhiệm vụ t1 (Rà soát kế hoạch ĐTTM)", "nhiệm vụ t2 (Chia sẻ tài liệu IOC)"])
        XCTAssertEqual(prepared.changes.first?.new, "xong 20/03/2026 (125/KH-UBND)")
    }

    func testAnUnknownStatusATaskOfAnotherProvinceAndAMissingStatusAreNamedAtTheirCells() throws {
        let path = try returned([["A": "t1", "E": "gần xong"], ["A": "t3", "E": "xong"], ["A": "t2", "G": "chưa rõ"]])
        let (form, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(problems.map { $0.description(in: .en) },
                       ["\(path):Nhiệm vụ!E5: error: status \"gần xong\" of task \"t1\" is not known; pick one of: xong, đang làm, chưa làm (done, in-progress, not-started)"])
        let prepared = FormImport.prepare(try XCTUnwrap(form), formPath: path, meeting: try load(), folder: folder, force: true, language: .vi)
        XCTAssertEqual(prepared.problems.map { $0.description(in: .vi) }, [
            "\(path):Nhiệm vụ!A6: error: nhiệm vụ \"t3\" (\"Báo cáo ATTT\") không giao cho Quảng Ngãi",
            "\(path):Nhiệm vụ!A7: error: nhiệm vụ \"t2\" (\"Chia sẻ tài liệu IOC\") có ghi chú, ngày hoặc số văn bản nhưng chưa chọn trạng thái (xong, đang làm, chưa làm)",
        ])
        XCTAssertTrue(prepared.hasErrors, "nothing is written on any error")
    }

    func testTheYAMLFormAsksAndReadsTheTasks() throws {
        let meeting = try load()
        let form = ReturnForm(meeting: meeting, province: try XCTUnwrap(meeting.province("hue")))
        var text = ReturnFormYAML.text(form)
        XCTAssertTrue(text.contains("tasks:\n  t2:   # Chia sẻ tài liệu IOC — hạn 30/09/2026\n    status: \n"), text)
        text = text.replacingOccurrences(of: "  t3:   # Báo cáo ATTT\n    status: \n    done: \n",
                                         with: "  t3:   # Báo cáo ATTT\n    status: xong\n    done: 2026-05-02\n")
        let (read, problems) = ReturnedFormYAML.read(bytes: Array(text.utf8), file: "hue.yaml", isJSON: false)
        XCTAssertEqual(problems, [])
        let prepared = FormImport.prepare(try XCTUnwrap(read), formPath: folder + "/hue.yaml", meeting: meeting, folder: folder,
                                          force: true, language: .en)
        XCTAssertFalse(prepared.hasErrors, prepared.problems.map { $0.description(in: .en) }.joined(separator: "\n"))
        XCTAssertTrue(prepared.text.contains("tasks:\n  t3:\n    status: done\n    done: 2026-05-02\n"), prepared.text)
        let bad = text.replacingOccurrences(of: "status: xong", with: "status: xongg")
        let (_, badProblems) = ReturnedFormYAML.read(bytes: Array(bad.utf8), file: "hue.yaml", isJSON: false)
        XCTAssertEqual(badProblems.first?.place, "\(text.components(separatedBy: "\n").firstIndex { $0.contains("status: xong") }! + 1):13")
    }
}
