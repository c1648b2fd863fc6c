import XCTest
import CioDashCore
@testable import CioDashRender

final class TextLayoutTests: XCTestCase {
    func testWrapRespectsDisplayWidthNotCharacterCount() {
        let text = "Công tác đảm bảo an toàn thông tin 漢字漢字漢字"
        for width in 4...30 {
            for line in TextLayout.wrap(text, width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "line '\(line)' at width \(width)")
            }
        }
        XCTAssertEqual(TextLayout.wrap("Công tác đảm bảo", width: 9), ["Công tác", "đảm bảo"])
    }

    func testWrapSplitsAWordLongerThanTheLine() {
        XCTAssertEqual(TextLayout.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }

    func testTruncateEndsInEllipsisWithinWidth() {
        XCTAssertEqual(TextLayout.truncate("Thừa Thiên Huế", to: 8), "Thừa Th…")
        XCTAssertEqual(TextLayout.truncate("Huế", to: 8), "Huế")
        XCTAssertEqual(TextLayout.padLeft("1.349", to: 7), "  1.349")
    }

    func testValueBarIsExactlyItsWidthAndMarksTheTarget() {
        for width in 1...20 {
            let bar = ValueBar.text(value: 40, target: 80, isShare: true, width: width)
            XCTAssertEqual(DisplayWidth.of(bar), width)
        }
        XCTAssertEqual(ValueBar.text(value: 50, target: 80, isShare: true, width: 10), "█████░░┊░░")
        XCTAssertEqual(ValueBar.text(value: 100, target: 80, isShare: true, width: 4), "████")
        XCTAssertEqual(ValueBar.text(value: .nan, target: 80, isShare: true, width: 3), "···")
    }

    /// A count or score without a target is drawn against the largest of the provinces' figures, not
    /// against itself (which made every such bar full); a target, when there is one, still rules.
    func testValueBarWithoutTargetIsDrawnAgainstTheLargestFigure() {
        XCTAssertEqual(ValueBar.text(value: 4, target: nil, isShare: false, width: 12, largest: 12), "████░░░░░░░░")
        XCTAssertEqual(ValueBar.text(value: 12, target: nil, isShare: false, width: 12, largest: 12), "████████████")
        XCTAssertEqual(ValueBar.text(value: 4, target: 8, isShare: false, width: 8, largest: 12), "████░░░┊")
        XCTAssertEqual(ValueBar.text(value: 4, target: nil, isShare: false, width: 4), "████", "with nothing to compare, full")
    }

    func testTheLargestFigureNeedsTwoProvincesAndAUnit() {
        func province(_ id: String, _ metrics: [Metric]) -> ProvinceReport {
            ProvinceReport(id: id, name: id, topics: ["t": TopicReport(status: .onTrack, metrics: metrics)], file: "provinces/\(id).yaml")
        }
        let meeting = Meeting(council: "C", title: "T", date: LocalDate(year: 2026, month: 7, day: 24)!,
                              topics: [AgendaTopic(id: "t", title: "T")], provinces: [
                                  province("a", [Metric(id: "cts", label: "CTS", value: 6850, unit: "CTS"), Metric(id: "rank", label: "xếp thứ", value: 5),
                                                 Metric(id: "own", label: "own", value: 9, unit: "x")]),
                                  province("b", [Metric(id: "cts", label: "CTS", value: 7420, unit: "CTS"), Metric(id: "rank", label: "xếp thứ", value: 17)]),
                              ], folder: "/")
        XCTAssertEqual(meeting.largestValue(topic: "t", metric: "cts"), 7420)
        XCTAssertNil(meeting.largestValue(topic: "t", metric: "rank"), "a rank has no unit; a longer bar would read as better")
        XCTAssertNil(meeting.largestValue(topic: "t", metric: "own"), "one province alone has nothing to compare with")
    }

    func testWrapGivesTheSameLinesWithMarksAndWithout() {
        let text = "Thừa Thiên Huế: hệ thống một cửa điện tử được kết nối\nvới Cổng dịch vụ công – bưu chính công ích"
        let nfd = text.decomposedStringWithCanonicalMapping
        for width in [8, 13, 20, 37] {
            XCTAssertEqual(TextLayout.wrap(nfd, width: width).map { $0.precomposedStringWithCanonicalMapping },
                           TextLayout.wrap(text, width: width), "width \(width)")
        }
        XCTAssertEqual(TextLayout.wrap("a \u{301}b c", width: 3), ["a ́b", "c"], "a space carrying a mark is not a break")
    }
}
