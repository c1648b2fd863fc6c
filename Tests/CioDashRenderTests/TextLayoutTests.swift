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
