import CioDashCore
import CioDashSamples
import Foundation
import XCTest
@testable import CioDashRender
import CioDashTestSupport

/// Golden text of every view of the bundled sample at 80 and 120 columns, in both languages.
/// Set CIODASH_RECORD_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
final class GoldenSnapshotTests: XCTestCase {
    /// 2019-07-27 08:00 UTC: the meeting's own morning, so the files never change with the clock.
    static let epoch = 1_564_214_400

    /// 2026-07-24 08:00 UTC: the 2026 sample's own morning.
    static let epoch2026 = 1_784_880_000

    func sample(_ folder: URL = SampleMeetings.hue2019) throws -> Meeting { try Self.sample(folder) }

    static func sample(_ folder: URL = SampleMeetings.hue2019) throws -> Meeting { try MeetingFixture.sample(folder) }

    func testEveryViewAt80And120ColumnsInBothLanguages() throws {
        try assertEveryViewGolden(try sample(), generatedAt: Self.epoch, prefix: "")
    }

    /// The 2026 sample (11 units of today, five topics): files named council-2026-all-<width>-<language>.txt.
    func testCouncil2026EveryViewAt80And120ColumnsInBothLanguages() throws {
        try assertEveryViewGolden(try sample(SampleMeetings.council2026), generatedAt: Self.epoch2026, prefix: "council-2026-")
    }

    /// `--view all` at 80 and 120 columns in both languages, against <prefix>all-<width>-<language>.txt.
    func assertEveryViewGolden(_ meeting: Meeting, generatedAt: Int, prefix: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        for width in [80, 120] {
            for language in Language.allCases {
                let text = Snapshot(meeting: meeting, language: language, width: width, generatedAt: generatedAt)
                    .text(for: ViewRenderer.allViews(of: meeting))
                try assertGolden(text, name: "\(prefix)all-\(width)-\(language.rawValue).txt", file: file, line: line)
            }
        }
    }

    func testCouncil2026LinesNeverExceedTheWidth() throws {
        let meeting = try sample(SampleMeetings.council2026)
        let views = ViewRenderer.allViews(of: meeting)
        for width in [40, 57, 80, 99, 120, 163, 240] {
            let snapshot = Snapshot(meeting: meeting, language: width % 2 == 0 ? .vi : .en, width: width, generatedAt: 0)
            for view in views {
                for line in snapshot.lines(for: view) where DisplayWidth.of(line) > width {
                    XCTFail("\(view) at width \(width): \(DisplayWidth.of(line)) cells: \(line)")
                }
            }
        }
    }

    func testSampleSnapshotIsDeterministicAndComplete() throws {
        let meeting = try sample()
        let views = ViewRenderer.allViews(of: meeting)
        let a = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: Self.epoch).text(for: views)
        let b = Snapshot(meeting: try sample(), language: .vi, width: 100, generatedAt: Self.epoch).text(for: views)
        XCTAssertEqual(Array(a.utf8), Array(b.utf8), "two renders of the sample give the same bytes")
        for province in meeting.provinces { XCTAssertTrue(a.contains(province.name), "missing \(province.name)") }
        for topic in meeting.topics { XCTAssertTrue(a.contains(topic.title), "missing \(topic.title)") }
        XCTAssertEqual(meeting.provinces.count, 19)
    }

    func testSampleLinesNeverExceedTheWidth() throws {
        let meeting = try sample()
        let views = ViewRenderer.allViews(of: meeting)
        // Every width for the tables (overview, topics); every view at a spread of odd and even widths.
        let spread: Set<Int> = [40, 41, 57, 80, 99, 120, 163, 240]
        for width in 40...240 {
            let snapshot = Snapshot(meeting: meeting, language: width % 2 == 0 ? .vi : .en, width: width, generatedAt: 0)
            let selection = spread.contains(width) ? views : Array(views.prefix(2 + meeting.topics.count))
            for view in selection {
                for line in snapshot.lines(for: view) where DisplayWidth.of(line) > width {
                    XCTFail("\(view) at width \(width): \(DisplayWidth.of(line)) cells: \(line)")
                }
            }
        }
    }

    func assertGolden(_ text: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try GoldenFile.assert(text, name: name, file: file, line: line)
    }

    static func assertGolden(_ text: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try GoldenFile.assert(text, name: name, file: file, line: line)
    }
}
