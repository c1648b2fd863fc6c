import CioDashCore
import CioDashSamples
import Foundation
import XCTest
@testable import CioDashRender

/// Golden files of every report format on the bundled sample, in Vietnamese and English: Markdown,
/// CSV and HTML of every view; SVG of one view of each kind. Rewritten with CIODASH_RECORD_GOLDEN=1.
final class ReportGoldenTests: XCTestCase {
    let golden = GoldenSnapshotTests.self

    func snapshot(_ language: Language, width: Int = 100) throws -> (Snapshot, [ViewID]) {
        let meeting = try golden.sample()
        return (Snapshot(meeting: meeting, language: language, width: width, generatedAt: GoldenSnapshotTests.epoch),
                ViewRenderer.allViews(of: meeting))
    }

    func testMarkdownOfEveryView() throws {
        for language in Language.allCases {
            let (snapshot, views) = try snapshot(language)
            try golden.assertGolden(snapshot.markdown(for: views), name: "report-all-\(language.rawValue).md")
        }
    }

    func testCSVOfEveryView() throws {
        for language in Language.allCases {
            let (snapshot, views) = try snapshot(language)
            let reports = views.compactMap { ViewReportBuilder.report($0, meeting: snapshot.meeting, language: language) }
            try golden.assertGolden(CSVReport.document(reports: reports), name: "report-views-\(language.rawValue).csv")
        }
    }

    func testHTMLOfEveryView() throws {
        for language in Language.allCases {
            let (snapshot, views) = try snapshot(language)
            try golden.assertGolden(String(decoding: snapshot.document(.html, views: views), as: UTF8.self),
                                    name: "report-all-100-\(language.rawValue).html")
        }
    }

    func testSVGOfEachKindOfView() throws {
        let kinds: [(ViewID, String)] = [(.agenda, "agenda"), (.overview, "overview"), (.topic("smart-city"), "topic"),
                                         (.province("thua-thien-hue"), "province"),
                                         (.panel(province: "thua-thien-hue", topic: "smart-city"), "panel")]
        for language in Language.allCases {
            let (snapshot, _) = try snapshot(language)
            for (view, name) in kinds {
                try golden.assertGolden(String(decoding: snapshot.document(.svg, views: [view]), as: UTF8.self),
                                        name: "report-\(name)-100-\(language.rawValue).svg")
            }
        }
    }

    /// At 80 columns the text cuts the overview's headings ("… bưu chính công…"); no file format does,
    /// and every one carries the legend.
    func testFilesCutNothingAndCarryTheLegend() throws {
        for language in Language.allCases {
            let (snapshot, views) = try snapshot(language, width: 80)
            let legend = Labels.forLanguage(language).legend
            XCTAssertTrue(snapshot.text(for: [.overview]).contains("…"), "the premise: the 80-column text cuts something")
            for format in [Snapshot.Format.markdown, .csv, .html] {
                let document = String(decoding: snapshot.document(format, views: views), as: UTF8.self)
                XCTAssertFalse(document.contains("…"), "\(format) \(language) cuts a text")
                if format != .csv { XCTAssertTrue(document.contains(legend), "\(format) \(language) has the legend") }
            }
            // The picture's cells: the SVG places each word apart, so its text is read from the grid.
            for view in views {
                let picture = snapshot.picture(of: view).lines.joined(separator: "\n")
                XCTAssertFalse(picture.contains("…"), "svg of \(view) in \(language) cuts a text:\n\(picture)")
            }
            XCTAssertTrue(snapshot.picture(of: .overview).lines.contains { $0.hasPrefix(legend + ":") }, "the overview's picture has the legend")
        }
    }

    /// Long names from the corpus wrap in the grid files rather than ending in "…".
    func testLongNamesWrapInTheGrid() throws {
        let meeting = try MarkupHostileMeeting.load()
        let snapshot = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: 0)
        for view in ViewRenderer.allViews(of: meeting) {
            let grid = snapshot.picture(of: view)
            let text = grid.lines.joined(separator: "\n")
            XCTAssertFalse(text.contains("…"), "\(view) cuts a text:\n\(text)")
        }
    }

    func testTimesAreLocalWithTheirOffsetOrUTC() {
        XCTAssertEqual(ReportTime.format(1_564_214_400, utcOffset: 7 * 3600), "2019-07-27 15:00 +07:00")
        XCTAssertEqual(ReportTime.format(1_564_214_400, utcOffset: nil), "2019-07-27 08:00 UTC")
        XCTAssertEqual(ReportTime.format(1_564_214_400, utcOffset: -(3 * 3600 + 1800)), "2019-07-27 04:30 -03:30")
        XCTAssertEqual(ReportTime.format(1_564_185_600 - 60, utcOffset: 0), "2019-07-26 23:59 +00:00")
    }
}
