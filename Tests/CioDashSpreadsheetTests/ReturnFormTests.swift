import CioDashCore
import CioDashSamples
@testable import CioDashSpreadsheet
import XCTest

/// What the form asks, from the 2019 sample and the 2018 meeting it names as previous.
final class ReturnFormTests: XCTestCase {
    func testTheFormAsksEveryTopicAndMetricWithLastMeetingsValue() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
        let hue = try XCTUnwrap(meeting.province("thua-thien-hue"))
        let form = ReturnForm(meeting: meeting, province: hue)
        XCTAssertEqual(form.topics.map(\.id), meeting.topics.map(\.id))
        let item = try XCTUnwrap(form.topics[0].items.first { $0.id == "dttm-items-deployed" })
        XCTAssertEqual(item.label, "Tỷ lệ hạng mục kế hoạch ĐTTM đã triển khai")
        XCTAssertEqual(item.unit, "%")
        XCTAssertEqual(item.target, 75)
        XCTAssertEqual(item.previous, 35)
        XCTAssertEqual(form.topics[0].status, .onTrack)
    }

    func testTheWorkbookReadsBackAsAnEmptyFormOfTheSameProvince() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
        let form = ReturnForm(meeting: meeting, province: try XCTUnwrap(meeting.province("dak-lak")))
        let path = WorkbookFixture.temporaryPath("dak-lak.xlsx")
        try Data(try ReturnFormWorkbook.bytes(form)).write(to: URL(fileURLWithPath: path))
        let (returned, problems) = ReturnedFormReader.read(path: path)
        XCTAssertEqual(returned?.provinceID, "dak-lak")
        XCTAssertEqual(returned?.reported, form.reported)
        XCTAssertEqual(returned?.topics.map(\.id), form.topics.map(\.id))
        XCTAssertEqual(returned?.topics.map { $0.metrics.map(\.id) }, form.topics.map { $0.items.map(\.id) })
        XCTAssertEqual(returned?.topics.map(\.status), form.topics.map(\.status), "statuses are prefilled in Vietnamese and read back")
        XCTAssertTrue(returned?.topics.allSatisfy { $0.metrics.allSatisfy { $0.value == nil } } ?? false, "no value is prefilled")
        XCTAssertTrue(problems.isEmpty, problems.map { $0.description(in: .en) }.joined(separator: "\n"))
    }
}
