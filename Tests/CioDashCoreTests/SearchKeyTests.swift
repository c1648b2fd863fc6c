import XCTest
@testable import CioDashCore

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
