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
