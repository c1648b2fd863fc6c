import CioDashCore
import CioDashSamples
import XCTest
@testable import CioDashRender

/// Reports on paper: the light theme, and every theme when printed, keep each text role at 4.5:1 or
/// more (WCAG) against what it is drawn on; the light SVG and HTML are white.
final class LightThemeTests: XCTestCase {
    /// WCAG 2 contrast of two "#rrggbb" colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    func testEveryRoleOfEveryThemeReadsOnPaper() {
        let paper = ThemeCSS.Palette.paper
        XCTAssertGreaterThanOrEqual(Self.contrast(paper.foreground, paper.background), 4.5)
        XCTAssertGreaterThanOrEqual(Self.contrast(paper.muted, paper.background), 4.5, "secondary text")
        for theme in Theme.names.compactMap(Theme.named) {
            for role in StyleRole.allCases {
                let (fg, bg) = ThemeCSS.colours(theme.style(for: role), palette: paper)
                let ratio = Self.contrast(fg, bg ?? paper.background)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(theme.name) \(role): \(fg) on \(bg ?? paper.background) is \(ratio):1")
            }
        }
    }

    func testTheLightSVGAndHTMLAreWhiteAndPrintUsesPaperForEveryTheme() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
        let snapshot = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: 1_564_214_400)
        let svg = String(decoding: snapshot.document(.svg, views: [.overview], theme: .light), as: UTF8.self)
        XCTAssertTrue(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"), "a white picture")
        XCTAssertFalse(svg.contains("#1e1e1e") || svg.contains("#d4d4d4"), "nothing of the dark palette")
        let html = String(decoding: snapshot.document(.html, views: [.overview], theme: .light), as: UTF8.self)
        XCTAssertTrue(html.contains(":root{--bg:#ffffff;--fg:#1a1a1a"), "a white page")
        for theme in Theme.names.compactMap(Theme.named) {
            let css = HTMLReport.css(theme: theme)
            let print = try XCTUnwrap(css.range(of: "@media print{")).upperBound
            let printed = String(css[print...])
            XCTAssertTrue(printed.contains(":root{--bg:#ffffff;--fg:#1a1a1a"), "\(theme.name) prints on white")
            for line in ThemeCSS.rules(theme, palette: .paper).split(separator: "\n") {
                XCTAssertTrue(printed.contains(line), "\(theme.name) prints \(line)")
            }
            XCTAssertFalse(printed.contains("#d4d4d4"), "\(theme.name): no light grey on paper")
        }
    }
}

/// The HTML snapshot offers the view's figures as real tables, from the same report model as the
/// Markdown and Word files: a delegate copies one into a word processor and keeps its cells.
final class HTMLTablesTests: XCTestCase {
    func testTheOverviewSectionHasATableWithOneRowPerProvince() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
        let snapshot = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: 1_564_214_400)
        let html = String(decoding: snapshot.document(.html, views: [.overview], theme: .light), as: UTF8.self)
        let start = try XCTUnwrap(html.range(of: "<details class=\"tables\">")).upperBound
        let end = try XCTUnwrap(html.range(of: "</table>", range: start..<html.endIndex)).lowerBound
        let table = String(html[start..<end])
        XCTAssertEqual(table.components(separatedBy: "<tr>").count - 1, 1 + meeting.provinces.count, "a header and a row per province")
        XCTAssertTrue(table.contains("<th>Tỉnh/thành</th>"), table)
        XCTAssertTrue(table.contains("<tr><td>Thừa Thiên Huế</td><td>● đúng tiến độ · 68%* · mục tiêu 75% · +33</td>"), "Huế's cells")
        let markdownTables = ViewReportBuilder.report(.overview, meeting: meeting, language: .vi)?.blocks.filter {
            if case .table = $0 { return true }; return false
        }.count ?? 0
        XCTAssertEqual(html.components(separatedBy: "<table>").count - 1, markdownTables, "the same tables as the Markdown report")
    }
}
