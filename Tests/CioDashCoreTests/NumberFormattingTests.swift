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

    /// Found by the fuzzer (Fuzz/README.md): 1e308 as a share trapped converting infinity to Int,
    /// because value × 10 overflowed.
    func testHugeFiniteValuesAreWrittenShort() {
        XCTAssertEqual(NumberFormatting.percent(1e308, language: .vi), "1e+308%")
        XCTAssertEqual(NumberFormatting.format(-1.7976931348623157e308, language: .en, maxFractionDigits: 3),
                       "-1.7976931348623157e+308")
        XCTAssertEqual(NumberFormatting.format(1.8e19, language: .en), "1.8e+19", "past UInt64: not grouped")
    }

    func testLargeValuesBelowUInt64KeepEveryDigitAndNoFraction() {
        XCTAssertEqual(NumberFormatting.format(1.7e19, language: .vi, maxFractionDigits: 3), "17.000.000.000.000.000.000")
        XCTAssertEqual(NumberFormatting.format(12_345_678_901_234_567, language: .en, maxFractionDigits: 3),
                       "12,345,678,901,234,568")
        XCTAssertEqual(NumberFormatting.format(-9.5e15, language: .en, maxFractionDigits: 1), "-9,500,000,000,000,000")
    }
}
