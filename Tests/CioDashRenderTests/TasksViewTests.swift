import CioDashCore
@testable import CioDashRender
@testable import CioDashApp
import XCTest
import CioDashTestSupport

/// The tasks view, its slide and the province's own tasks: every width from 20 to 200 keeps each line
/// within the width, and a task past its due date with no report is overdue on screen, never done.
final class TasksViewTests: XCTestCase {
    private func meeting() -> Meeting {
        var m = MeetingFixture.make()
        let origin = TaskOrigin(meetingTitle: "Phiên họp thường kỳ năm 2018", meetingDate: LocalDate(iso: "2018-07-20")!, topic: "smart-city")
        let first = m.provinces[0].id, second = m.provinces[1].id
        m.tasks = [
            CouncilTask(id: "t1", owners: [first], what: "Chia sẻ tài liệu kiến trúc IOC cho các tỉnh trong vùng, kèm hướng dẫn triển khai",
                        due: LocalDate(iso: "2019-03-31"), origin: origin),
            CouncilTask(id: "t2", owners: [first, second], bodies: ["Bưu điện các tỉnh"], what: "Rà soát kế hoạch ĐTTM",
                        due: LocalDate(iso: "2019-06-30"), origin: origin),
        ]
        m.provinces[0].tasks["t1"] = TaskReport(status: .done, doneOn: LocalDate(iso: "2019-03-01"), reference: "125/KH-UBND")
        m.provinces[0].tasks["t2"] = TaskReport(status: .inProgress, note: "Đã gửi dự thảo")
        return m
    }

    func testEveryWidthKeepsLinesWithinIt() {
        let m = meeting()
        for language in [Language.vi, .en] {
            for width in stride(from: 20, through: 200, by: 9) {
                for view in [ViewID.tasks, .province(m.provinces[0].id)] {
                    let body = ViewRenderer.body(view, meeting: m, context: RenderContext(language: language, width: width))
                    for line in body?.grid.lines ?? [] {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(view) at \(width): \(line)")
                    }
                }
            }
        }
    }

    func testOverdueWithoutReportIsShownOverdueNeverDone() throws {
        let m = meeting()
        let text = try XCTUnwrap(ViewRenderer.body(.tasks, meeting: m, context: RenderContext(language: .vi, width: 120))).grid.lines
            .joined(separator: "\n")
        let second = m.provinces[1].name
        let line = try XCTUnwrap(text.components(separatedBy: "\n").first { $0.hasPrefix(second) }, text)
        XCTAssertTrue(line.contains("chưa báo cáo; quá hạn 27"), line)
        XCTAssertFalse(line.contains("xong"), line)
        XCTAssertTrue(text.contains("xong 01/03/2019"), text)
        XCTAssertTrue(text.contains("đang làm; quá hạn 27"), "in progress past its due date is overdue too:\n\(text)")
    }

    func testTheSlideComesAfterTheOverviewBeforeTheFirstTopic() {
        let deck = PresenterDeck(meeting: meeting())
        XCTAssertEqual(Array(deck.slides.prefix(4)), [.agenda, .overview, .tasks, .topic(meeting().topics[0].id)])
        XCTAssertFalse(PresenterDeck(meeting: MeetingFixture.make()).slides.contains(.tasks), "no tasks, no slide")
        XCTAssertEqual(ViewID(description: "tasks"), .tasks)
    }
}
