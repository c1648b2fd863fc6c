import CioDashCore
import CioDashTestSupport
import Foundation
import XCTest
@testable import CioDashRender

/// `snapshot --view all` carries each panel's history across meetings, in HTML (linked both ways from
/// the panel by an anchor), Markdown and Word alike.
final class HistoryInAllViewsTests: XCTestCase {
    private let history = ViewID.history(province: "thua-thien-hue", topic: "smart-city")
    private let panel = ViewID.panel(province: "thua-thien-hue", topic: "smart-city")

    func testEveryReportedPanelIsFollowedByItsHistoryWhenThereAreEarlierMeetings() throws {
        let meeting = try GoldenSnapshotTests.sample()
        XCTAssertFalse(meeting.history.isEmpty, "the sample names its previous meeting")
        let views = ViewRenderer.allViews(of: meeting)
        let at = try XCTUnwrap(views.firstIndex(of: panel))
        XCTAssertEqual(views[at + 1], history)
        for province in meeting.provinces {
            for topic in meeting.topics {
                let expected = !province.isBroken && province.topics[topic.id] != nil
                XCTAssertEqual(views.contains(.history(province: province.id, topic: topic.id)), expected, "\(province.id)/\(topic.id)")
            }
        }
        var alone = meeting
        alone.history = []
        XCTAssertFalse(ViewRenderer.allViews(of: alone).contains { $0.name == "history" },
                       "no history view without an earlier meeting")
    }

    func testTheHTMLPanelLinksToItsHistoryAndBack() throws {
        let meeting = try GoldenSnapshotTests.sample()
        let views = ViewRenderer.allViews(of: meeting)
        let html = String(decoding: Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: GoldenSnapshotTests.epoch)
            .document(.html, views: views), as: UTF8.self)
        let panelSection = try section(ViewLinks.anchor(panel), in: html)
        XCTAssertTrue(panelSection.contains("<a href=\"#\(ViewLinks.anchor(history))\">Thừa Thiên Huế · "), panelSection)
        let historySection = try section(ViewLinks.anchor(history), in: html)
        XCTAssertTrue(historySection.contains("<a href=\"#\(ViewLinks.anchor(panel))\">"), historySection)
        XCTAssertTrue(historySection.contains("qua các phiên họp"), historySection)
        XCTAssertTrue(historySection.contains("<table>"), "the history's figures as a table too")
    }

    func testMarkdownAndWordCarryTheHistories() throws {
        let meeting = try GoldenSnapshotTests.sample()
        let views = ViewRenderer.allViews(of: meeting)
        let snapshot = Snapshot(meeting: meeting, language: .en, width: 100, generatedAt: GoldenSnapshotTests.epoch)
        let title = history.title(in: meeting, labels: Labels.forLanguage(.en), language: .en)
        XCTAssertTrue(title.hasSuffix("across meetings"), title)
        let markdown = snapshot.markdown(for: views)
        XCTAssertTrue(markdown.contains(title), "the history's heading in Markdown")
        let document = try WordGolden.part("word/document.xml", of: try snapshot.docx(for: views))
        XCTAssertTrue(document.contains(title), "the history's heading in Word")
    }

    func testInTheWholeMeetingAPanelLinksToItsProvincesTablesInsteadOfRepeatingThem() throws {
        let meeting = try GoldenSnapshotTests.sample()
        let snapshot = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: GoldenSnapshotTests.epoch)
        let whole = String(decoding: snapshot.document(.html, views: ViewRenderer.allViews(of: meeting)), as: UTF8.self)
        let panelSection = try section(ViewLinks.anchor(panel), in: whole)
        XCTAssertFalse(panelSection.contains("<table>"), panelSection)
        XCTAssertTrue(panelSection.contains("<p class=\"tables\"><a href=\"#\(ViewLinks.anchor(.province("thua-thien-hue")))\">Bảng số liệu: ở màn hình của tỉnh</a></p>"),
                      panelSection)
        let provinceSection = try section(ViewLinks.anchor(.province("thua-thien-hue")), in: whole)
        XCTAssertTrue(provinceSection.contains("<table>"), "the province's section holds the tables")
        // A file of the panel alone keeps its own tables.
        let alone = String(decoding: snapshot.document(.html, views: [panel]), as: UTF8.self)
        XCTAssertTrue(try section(ViewLinks.anchor(panel), in: alone).contains("<table>"))
    }

    /// The text of the `<section>` with this id.
    private func section(_ id: String, in html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<section class=\"view\" id=\"\(id)\">"), "section \(id)")
        let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }
}
