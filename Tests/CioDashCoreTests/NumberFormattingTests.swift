import XCTest
@testable import CioDashCore

final class NumberFormattingTests: XCTestCase {
    func testVietnameseNotation() {
        XCTAssertEqual(NumberFormatting.format(1349, language: .vi), "1.349")
        XCTAssertEqual(NumberFormatting.format(0.73, language: .vi), "0,73")
        XCTAssertEqual(NumberFormatting.format(0.727, language: .vi, maxFractionDigits: 3), "0,727")
        XCTAssertEqual(NumberFormatting.format(325_000_000_000, language: .vi), "325.000.000.000")
        XCTAssertEqual(NumberFormatting.format(-1234.5, language: .vi), "-1.234,5")
        XCTAssertEqual(NumberFormatting.percent(87.5, language: .vi), "87,5%")
        XCTAssertEqual(NumberFormatting.delta(-3.5, language: .vi), "-3,5")
    }

    func testEnglishNotation() {
        XCTAssertEqual(NumberFormatting.format(1349, language: .en), "1,349")
        XCTAssertEqual(NumberFormatting.format(0.73, language: .en), "0.73")
        XCTAssertEqual(NumberFormatting.format(530, language: .en), "530")
        XCTAssertEqual(NumberFormatting.format(0.005, language: .en), "0.01")
        XCTAssertEqual(NumberFormatting.format(-0.001, language: .en), "0")
        XCTAssertEqual(NumberFormatting.delta(12, language: .en), "+12")
        XCTAssertEqual(NumberFormatting.delta(0.001, language: .en), "±0")
    }

    func testNonFiniteValues() {
        XCTAssertEqual(NumberFormatting.format(.nan, language: .vi), "–")
        XCTAssertEqual(NumberFormatting.format(.infinity, language: .en), "∞")
    }
}
