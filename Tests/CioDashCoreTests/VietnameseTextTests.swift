import XCTest
@testable import CioDashCore

final class VietnameseCollationTests: XCTestCase {
    /// The 19 provinces of the region in Vietnamese alphabetical order (Đ after D, Ă after A, tones last).
    func testRegionSortsInVietnameseOrder() {
        let expected = ["Bình Định", "Bình Thuận", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Gia Lai", "Hà Tĩnh", "Khánh Hòa",
                        "Kon Tum", "Lâm Đồng", "Nghệ An", "Ninh Thuận", "Phú Yên", "Quảng Bình", "Quảng Nam",
                        "Quảng Ngãi", "Quảng Trị", "Thanh Hóa", "Thừa Thiên Huế"]
        let shuffled = [8, 3, 17, 0, 12, 5, 18, 1, 10, 14, 2, 16, 6, 11, 4, 9, 15, 7, 13].map { expected[$0] }
        XCTAssertEqual(shuffled.sorted(by: VietnameseCollation.precedes), expected)
    }

    func testDStrokeSortsAfterDAndBeforeE() {
        XCTAssertTrue(VietnameseCollation.precedes("Dung", "Đà Nẵng"))
        XCTAssertTrue(VietnameseCollation.precedes("Duy Xuyên", "Đà Lạt"), "Đ is a letter after D, not a D with a mark")
        XCTAssertTrue(VietnameseCollation.precedes("Đức", "Eakar"))
        XCTAssertTrue(VietnameseCollation.precedes("Đà Nẵng", "Đắk Lắk"), "a before ă")
    }

    func testVowelLettersAndTones() {
        XCTAssertEqual(["an", "ăn", "ân", "bo"].shuffled().sorted(by: VietnameseCollation.precedes), ["an", "ăn", "ân", "bo"])
        XCTAssertEqual(["o", "ô", "ơ", "p"].reversed().sorted(by: VietnameseCollation.precedes), ["o", "ô", "ơ", "p"])
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
        XCTAssertEqual(tones.reversed().sorted(by: VietnameseCollation.precedes), tones)
        XCTAssertTrue(VietnameseCollation.precedes("mạ", "mac"), "letters decide before tones")
    }

    func testNFDSortsLikeNFC() {
        let name = "Đắk Lắk"
        XCTAssertEqual(VietnameseCollation.key(name), VietnameseCollation.key(name.decomposedStringWithCanonicalMapping))
    }
}

final class SearchKeyTests: XCTestCase {
    func testTypingWithoutDiacriticsFindsNames() {
        XCTAssertTrue(SearchKey.matches(query: "hue", in: "Thừa Thiên Huế"))
        XCTAssertTrue(SearchKey.matches(query: "dak lak", in: "Đắk Lắk"))
        XCTAssertTrue(SearchKey.matches(query: "DAK  LAK", in: "Đắk Lắk"))
        XCTAssertTrue(SearchKey.matches(query: "quang ngai", in: "Quảng Ngãi"))
        XCTAssertFalse(SearchKey.matches(query: "dak nong", in: "Đắk Lắk"))
        XCTAssertFalse(SearchKey.matches(query: "  ", in: "Huế"))
    }

    func testToneMarkPlacementAndNormalisationFoldAlike() {
        XCTAssertEqual(SearchKey.fold("Khánh Hòa"), SearchKey.fold("Khánh Hoà"))
        XCTAssertEqual(SearchKey.fold("Khánh Hòa"), "khanh hoa")
        XCTAssertEqual(SearchKey.fold("Thừa Thiên Huế".decomposedStringWithCanonicalMapping), "thua thien hue")
        XCTAssertEqual(SearchKey.fold("smart-city"), "smart city")
    }
}

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

final class TextSanitizerTests: XCTestCase {
    func testControlsBecomeVisible() {
        XCTAssertEqual(TextSanitizer.line("a\u{1B}[31mred\u{1B}]0;title\u{07}"), "a^[[31mred^[]0;title^G")
        XCTAssertEqual(TextSanitizer.line("x\u{7F}y"), "x^?y")
        XCTAssertEqual(TextSanitizer.line("x\u{9B}2Jy\u{85}"), "x<9B>2Jy<85>")
        XCTAssertEqual(TextSanitizer.line("nul\u{0}"), "nul^@")
    }

    func testBidiControlsBecomeVisible() {
        XCTAssertEqual(TextSanitizer.line("abc\u{202E}fed"), "abc<U+202E>fed")
        XCTAssertEqual(TextSanitizer.line("\u{2066}x\u{2069}\u{200F}"), "<U+2066>x<U+2069><U+200F>")
    }

    func testLineBreaksAndTabs() {
        XCTAssertEqual(TextSanitizer.line("a\r\nb\nc\td"), "a b c d")
        XCTAssertEqual(TextSanitizer.paragraph("a\r\nb\rc\n"), "a\nb\nc\n")
    }

    func testCleanTextIsUnchanged() {
        let text = "Thừa Thiên Huế — 1.349 thủ tục"
        XCTAssertTrue(TextSanitizer.isClean(text))
        XCTAssertEqual(TextSanitizer.line(text), text)
    }

    func testNoOutputScalarCanDriveATerminal() {
        var everything = String.UnicodeScalarView()
        for v in UInt32(0)...0x2100 { if let s = Unicode.Scalar(v) { everything.append(s) } }
        for output in [TextSanitizer.line(String(everything)), TextSanitizer.paragraph(String(everything))] {
            for s in output.unicodeScalars where s != "\n" {
                XCTAssertFalse(s.value < 0x20 || (0x7F...0x9F).contains(s.value) || TextSanitizer.isBidiControl(s.value),
                               "U+\(String(s.value, radix: 16)) survived")
            }
        }
    }
}
