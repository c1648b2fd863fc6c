import CioDashCore
import CioDashSamples
@testable import CioDashSpreadsheet
import Foundation
import XCTest

/// What `ciodash init` carries from an earlier meeting to a new one.
final class NewMeetingTests: XCTestCase {
    private let date2026 = LocalDate(year: 2026, month: 7, day: 24)!

    private func hue2019() throws -> Meeting {
        try XCTUnwrap(MeetingLoader(readsPreviousMeeting: false).load(folder: SampleMeetings.hue2019.path).meeting)
    }

    func testTheRegionsNineteenUnitsOf2019AreElevenIn2026InTheSamplesOrder() throws {
        let plan = NewMeeting(from: try hue2019(), date: date2026, title: nil, venue: nil, previous: "../hue-2019")
        let council2026 = try XCTUnwrap(MeetingLoader(readsPreviousMeeting: false).load(folder: SampleMeetings.council2026.path).meeting)
        XCTAssertEqual(plan.provinces, council2026.provinces.map(\.id),
                       "the 2026 sample lists today's 11 units north to south, as carried from 2019")
        XCTAssertEqual(plan.merges.first { $0.id == "lam-dong" }?.from, ["binh-thuan", "dak-nong", "lam-dong"])
        XCTAssertEqual(plan.merges.first { $0.id == "gia-lai" }?.from, ["binh-dinh", "gia-lai"])
        XCTAssertNil(plan.merges.first { $0.id == "hue" }, "Huế was renamed, not merged")
    }

    func testAMeetingBeforeTheReorganisationKeepsTheNineteen() throws {
        let plan = NewMeeting(from: try hue2019(), date: LocalDate(year: 2020, month: 7, day: 25)!, title: nil, venue: nil, previous: nil)
        XCTAssertEqual(plan.provinces, try hue2019().provinces.map(\.id))
        XCTAssertTrue(plan.merges.isEmpty)
        XCTAssertEqual(plan.title, "Phiên họp thường kỳ năm 2020 của Hội đồng CIO miền Trung – Tây Nguyên")
    }

    func testTheAgendaAndItsMetricDefinitionsAreCarriedOver() throws {
        let earlier = try hue2019()
        let plan = NewMeeting(from: earlier, date: date2026, title: "Phiên họp 2026", venue: "TP. Đà Nẵng", previous: "../hue-2019")
        XCTAssertEqual(plan.topics.map(\.id), earlier.topics.map(\.id))
        XCTAssertEqual(plan.topics.map(\.minutes), earlier.topics.map(\.minutes))
        XCTAssertEqual(plan.topics.map(\.headline), earlier.topics.map(\.headline))
        for topic in plan.topics {
            XCTAssertEqual(topic.metrics.first?.id, topic.headline, "the headline is declared first in \(topic.id)")
        }
        let portal = try XCTUnwrap(plan.topics.first { $0.id == "public-service-portal" })
        XCTAssertEqual(portal.metrics.map(\.id), ["level34-share", "online-dossier-share", "bcci-share"],
                       "metrics given by at least half the provinces; not one province's own, nor metrics.csv's score whose label changes by row")
        XCTAssertEqual(portal.metrics.first?.unit, "%")
        XCTAssertEqual(plan.title, "Phiên họp 2026")
        XCTAssertEqual(plan.venue, "TP. Đà Nẵng")
    }

    func testDeclaredDefinitionsAreCopiedAsWritten() throws {
        let earlier = try XCTUnwrap(MeetingLoader(readsPreviousMeeting: false).load(folder: SampleMeetings.council2026.path).meeting)
        let plan = NewMeeting(from: earlier, date: LocalDate(year: 2027, month: 7, day: 1)!, title: nil, venue: nil, previous: "../council-2026")
        XCTAssertEqual(plan.topics.map(\.metrics), earlier.topics.map(\.metrics))
        XCTAssertEqual(plan.provinces, earlier.provinces.map(\.id))
    }

    /// The written agenda loads back as the same agenda, every province not yet reported.
    func testTheMeetingFileLoadsBackAsTheSameAgenda() throws {
        let plan = NewMeeting(from: try hue2019(), date: date2026, title: nil, venue: "Huế \"cũ\": #1", previous: nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-new-\(UUID().uuidString)").path
        try AtomicFolder.create(folder, files: [("meeting.yaml", Array(plan.meetingYAML.utf8))], folders: ["provinces"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = MeetingLoader().load(folder: folder)
        let meeting = try XCTUnwrap(result.meeting)
        XCTAssertEqual(result.errorCount, 0, result.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(meeting.topics, plan.topics)
        XCTAssertEqual(meeting.venue, "Huế \"cũ\": #1")
        XCTAssertEqual(meeting.provinces.map(\.id), plan.provinces)
        XCTAssertTrue(meeting.provinces.allSatisfy(\.notReported))
        XCTAssertEqual(meeting.province("quang-tri")?.name, "Quảng Trị")
    }

    func testAFolderIsMadeWholeOrNotAtAll() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/full", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/full/keep.txt"))
        XCTAssertThrowsError(try AtomicFolder.create(root + "/full", files: [("meeting.yaml", [65])], folders: [])) { error in
            XCTAssertEqual(error as? AtomicFolder.Failure, .exists(root + "/full"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/full"), ["keep.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root), ["full"], "no temporary folder is left behind")
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try AtomicFolder.create(root + "/empty", files: [("meeting.yaml", [65])], folders: ["provinces"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/empty").sorted(), ["meeting.yaml", "provinces"])
    }
}
