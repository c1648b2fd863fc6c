import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// Tasks as data: `tasks:` in meeting.yaml, the province's reports on them, what `check` traps, and
/// the standing of each owner (overdue with no report is overdue, never done).
final class CouncilTaskTests: XCTestCase {
    /// A 2026 meeting (after the 2025 mergers) with the tasks given; provinces quang-ngai and hue.
    private func meeting(tasks: String) -> String {
        """
        format: ciodash/1
        council: Hội đồng CIO miền Trung - Tây Nguyên
        title: Phiên họp thường kỳ năm 2026
        date: 2026-07-24
        topics:
          - id: smart-city
            title: Đô thị thông minh
            minutes: 20
        provinces: [quang-ngai, hue]
        tasks:
        \(tasks)
        """
    }

    private func province(_ id: String, _ name: String, tasks: String = "") -> String {
        """
        format: ciodash/1
        id: \(id)
        name: \(name)
        reported: 2026-07-10
        source: Sở KH&CN \(name)
        topics:
          smart-city:
            status: on-track
        \(tasks)
        """
    }

    private let twoTasks = """
          - id: t1
            owners: [quang-ngai]
            what: Rà soát kế hoạch ĐTTM
            due: 2026-03-31
            meeting: Phiên họp thường kỳ năm 2025
            meeting_date: 2025-07-26
            topic: smart-city
            was: [kon-tum]
          - id: t2
            owners: [hue, quang-ngai]
            bodies: [Bưu điện các tỉnh]
            what: Chia sẻ tài liệu kiến trúc IOC
            due: 30/9/2026
        """

    private func load(_ meetingText: String, provinces: [String: String] = [:]) throws -> (TestFolder, LoadResult) {
        var files = ["meeting.yaml": meetingText]
        for (id, text) in provinces { files["provinces/\(id).yaml"] = text }
        let folder = try TestFolder(files)
        return (folder, folder.load())
    }

    private func messages(_ result: LoadResult) -> String {
        result.diagnostics.map(\.description).joined(separator: "\n")
    }

    func testTasksLoadWithOriginsOwnersAndDates() throws {
        let (_, result) = try load(meeting(tasks: twoTasks))
        XCTAssertEqual(result.errorCount, 0, messages(result))
        let tasks = try XCTUnwrap(result.meeting?.tasks)
        XCTAssertEqual(tasks.map(\.id), ["t1", "t2"])
        XCTAssertEqual(tasks[0].owners, ["quang-ngai"])
        XCTAssertEqual(tasks[0].formerOwners, ["kon-tum"])
        XCTAssertEqual(tasks[0].origin.meetingDate, LocalDate(iso: "2025-07-26"))
        XCTAssertEqual(tasks[0].origin.topic, "smart-city")
        XCTAssertEqual(tasks[1].due, LocalDate(iso: "2026-09-30"), "a d/m/yyyy deadline is read as a date")
        XCTAssertEqual(tasks[1].bodies, ["Bưu điện các tỉnh"])
        XCTAssertEqual(tasks[1].origin.meetingDate, LocalDate(iso: "2026-07-24"), "set at this meeting when it does not say")
    }

    func testDuplicateTaskIDIsAnErrorAtItsPlace() throws {
        let (folder, result) = try load(meeting(tasks: twoTasks + "\n  - id: t1\n    owners: [hue]\n    what: Lặp lại\n"))
        let expected = "\(folder.file("meeting.yaml")):24:9: error: task id \"t1\" appears twice (first at line 11); this one is ignored"
        XCTAssertTrue(messages(result).contains(expected), messages(result))
        XCTAssertEqual(result.meeting?.tasks.map(\.id), ["t1", "t2"])
    }

    func testDueBeforeTheMeetingThatSetItIsAnError() throws {
        let text = meeting(tasks: twoTasks.replacingOccurrences(of: "due: 2026-03-31", with: "due: 2025-06-30"))
        let (folder, result) = try load(text)
        let expected = "\(folder.file("meeting.yaml")):14:10: error: the due date 2025-06-30 of task \"t1\" is before 2025-07-26, the meeting that set it"
        XCTAssertTrue(messages(result).contains(expected), messages(result))
        XCTAssertEqual(result.exitCode, 1)
    }

    func testUnknownOwnerIsAnErrorAndAFormerUnitSaysWhatItBecame() throws {
        let text = meeting(tasks: twoTasks.replacingOccurrences(of: "owners: [quang-ngai]", with: "owners: [kon-tum]")
            .replacingOccurrences(of: "owners: [hue, quang-ngai]", with: "owners: [hue, bo-lac]"))
        let (folder, result) = try load(text)
        let file = folder.file("meeting.yaml")
        XCTAssertTrue(messages(result).contains("\(file):12:14: error: task \"t1\": Kon Tum has been part of Quảng Ngãi"), messages(result))
        XCTAssertTrue(messages(result).contains(
            "\(file):20:19: error: task \"t2\" is given to \"bo-lac\", which is no province of the meeting"), messages(result))
        let vi = result.diagnostics.first { $0.line == 20 }?.description(in: .vi) ?? ""
        XCTAssertTrue(vi.contains("không phải tỉnh/thành nào của phiên họp"), vi)
    }

    func testATaskSetAfterTheMeetingIsAnError() throws {
        let (folder, result) = try load(meeting(tasks: twoTasks.replacingOccurrences(of: "meeting_date: 2025-07-26", with: "meeting_date: 2026-08-01")))
        XCTAssertTrue(messages(result).contains(
            "\(folder.file("meeting.yaml")):16:19: error: task \"t1\" says it was set on 2026-08-01, after the meeting's date 2026-07-24"), messages(result))
    }

    func testTaskWithoutOwnerIsAnError() throws {
        let (folder, result) = try load(meeting(tasks: "  - id: t9\n    what: Không ai nhận\n"))
        XCTAssertTrue(messages(result).contains("\(folder.file("meeting.yaml")):11:9: error: task \"t9\" is given to no one"), messages(result))
    }

    func testProvinceReportsAndStandings() throws {
        let reports = """
        tasks:
          t1:
            status: xong
            done: 2026-03-20
            reference: 125/KH-UBND
          t2:
            status: Dang lam
            note: Đã gửi dự thảo
        """
        let (folder, result) = try load(meeting(tasks: twoTasks),
                                        provinces: ["quang-ngai": province("quang-ngai", "Quảng Ngãi", tasks: reports),
                                                    "hue": province("hue", "Huế", tasks: "tasks:\n  t1:\n    status: done\n  t7:\n    status: done\n")])
        let text = messages(result)
        XCTAssertTrue(text.contains("\(folder.file("provinces/hue.yaml")):10:3: warning: task \"t1\" was not given to this province"), text)
        XCTAssertTrue(text.contains("\(folder.file("provinces/hue.yaml")):12:3: warning: a report on task \"t7\""), text)
        let meeting = try XCTUnwrap(result.meeting)
        XCTAssertEqual(meeting.province("quang-ngai")?.tasks["t1"], TaskReport(status: .done, doneOn: LocalDate(iso: "2026-03-20"), reference: "125/KH-UBND"))
        XCTAssertEqual(meeting.province("quang-ngai")?.tasks["t2"]?.status, .inProgress, "Vietnamese words without marks are read")
        let lines = meeting.taskStandings
        XCTAssertEqual(lines.map(\.ownerName), ["Quảng Ngãi", "Huế", "Quảng Ngãi", "Bưu điện các tỉnh"])
        XCTAssertEqual(lines[0].daysOverdue, 0, "done is not overdue")
        XCTAssertEqual(lines[0].reportedBy, "Sở KH&CN Quảng Ngãi")
        XCTAssertEqual(lines[0].reportedOn, LocalDate(iso: "2026-07-10"))
        XCTAssertEqual(lines.filter(\.isDone).count, 1)
    }

    func testOverdueWithoutReportIsOverdueNeverDone() throws {
        let (_, result) = try load(meeting(tasks: twoTasks),
                                   provinces: ["quang-ngai": province("quang-ngai", "Quảng Ngãi"), "hue": province("hue", "Huế")])
        let first = try XCTUnwrap(result.meeting?.taskStandings.first)
        XCTAssertNil(first.report)
        XCTAssertFalse(first.isDone)
        XCTAssertEqual(first.daysOverdue, LocalDate(iso: "2026-07-24")!.days(since: LocalDate(iso: "2026-03-31")!))
    }

    func testUnknownTaskStatusIsAnError() throws {
        let (folder, result) = try load(meeting(tasks: twoTasks),
                                        provinces: ["quang-ngai": province("quang-ngai", "Quảng Ngãi", tasks: "tasks:\n  t1:\n    status: gần xong\n")])
        XCTAssertTrue(messages(result).contains("\(folder.file("provinces/quang-ngai.yaml")):11:13: error: task status \"gần xong\" is not known"), messages(result))
    }

    func testDueDateWords() {
        XCTAssertEqual(TaskDueDate.parse("30/9/2019"), LocalDate(iso: "2019-09-30"))
        XCTAssertEqual(TaskDueDate.parse("2019-09-30"), LocalDate(iso: "2019-09-30"))
        XCTAssertEqual(TaskDueDate.parse("15.10.2019"), LocalDate(iso: "2019-10-15"))
        XCTAssertNil(TaskDueDate.parse("quý IV"))
        XCTAssertNil(TaskDueDate.parse("31/2/2019"))
        XCTAssertEqual(TaskStatus.named("Xong"), .done)
        XCTAssertEqual(TaskStatus.named("chua lam"), .notStarted)
        XCTAssertEqual(TaskStatus.named("in progress"), .inProgress)
    }
}
