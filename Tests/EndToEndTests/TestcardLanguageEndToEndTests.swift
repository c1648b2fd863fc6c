import Foundation
import XCTest

/// Issue 26 item 15: the test card speaks the council's Vietnamese (English with `--lang en`), shows
/// no line that looks wrong on every font, and gives advice that helps.
final class TestcardLanguageEndToEndTests: XCTestCase {
    func testItem15TheTestCardIsInVietnameseAndInEnglishWithLangEn() throws {
        let vi = try CiodashProcess.run(["testcard"])
        XCTAssertEqual(vi.status, 0, vi.errors)
        XCTAssertTrue(vi.output.contains("kích thước"), vi.output)
        XCTAssertTrue(vi.output.contains("thoát"), vi.output)
        XCTAssertFalse(vi.output.contains(" quit"), vi.output)
        let en = try CiodashProcess.run(["testcard", "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.errors)
        XCTAssertTrue(en.output.contains("size"), en.output)
        XCTAssertTrue(en.output.contains("quit"), en.output)
    }

    /// The screens never show Vietnamese in capitals (a stacked mark cannot fit a cell), so the card
    /// shows the marks the screens do draw, not capitals that are clipped on every font.
    func testItem15TheCardShowsNoCapitalsThatAreClippedOnEveryFont() throws {
        let card = try CiodashProcess.run(["testcard"])
        XCTAssertFalse(card.output.contains("HUẾ"), card.output)
        XCTAssertFalse(card.output.contains("ĐẮK LẮK"), card.output)
        XCTAssertTrue(card.output.contains("ế") && card.output.contains("ặ") && card.output.contains("ữ"), card.output)
    }
}
