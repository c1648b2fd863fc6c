import XCTest
@testable import CioDashRender

final class SizeLimitsTests: XCTestCase {
    func testColumnsInRangeAreTakenAsTheyAre() {
        XCTAssertEqual(SizeLimits.columns(fromEnvironment: "120").width, 120)
        XCTAssertNil(SizeLimits.columns(fromEnvironment: "120").warning)
    }

    func testColumnsThatAreNotANumberAreIgnored() {
        for text in [nil, "", "abc", "12x", "1e9", "٣٠"] as [String?] {
            let columns = SizeLimits.columns(fromEnvironment: text)
            XCTAssertNil(columns.width, "COLUMNS=\(text ?? "unset")")
            XCTAssertNil(columns.warning, "COLUMNS=\(text ?? "unset")")
        }
    }

    func testHugeColumnsAreBoundedWithAWarning() {
        let columns = SizeLimits.columns(fromEnvironment: "10000000")
        XCTAssertEqual(columns.width, 1000)
        XCTAssertEqual(columns.warning, "COLUMNS=10000000 is outside 20–1000; the text is 1000 columns wide")
        let beyondInt = SizeLimits.columns(fromEnvironment: String(repeating: "9", count: 40))
        XCTAssertEqual(beyondInt.width, 1000)
        XCTAssertEqual(beyondInt.warning, "COLUMNS=99999999999999999999… is outside 20–1000; the text is 1000 columns wide")
    }

    func testTinyOrNegativeColumnsAreBounded() {
        XCTAssertEqual(SizeLimits.columns(fromEnvironment: "0").width, 20)
        XCTAssertEqual(SizeLimits.columns(fromEnvironment: "-5").width, 20)
        XCTAssertNotNil(SizeLimits.columns(fromEnvironment: "-5").warning)
    }

    func testScreenLargerThanTheLimitIsClamped() {
        XCTAssertEqual(SizeLimits.screen(width: 65535, height: 65535).width, 2000)
        XCTAssertEqual(SizeLimits.screen(width: 65535, height: 65535).height, 1000)
        XCTAssertEqual(SizeLimits.screen(width: 80, height: 24).width, 80)
        XCTAssertEqual(SizeLimits.screen(width: 80, height: 24).height, 24)
    }
}
