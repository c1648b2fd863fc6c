import XCTest
@testable import CioDashCore

final class ScalarTextTests: XCTestCase {
    /// Short decimals are read without strtod; the value must be strtod's, bit for bit.
    func testShortDecimalsReadTheSameAsStrtod() {
        var texts = ["0", "-0", "+5", ".5", "5.", "-.5", "007", "0.1", "0.7951", "12.5", "99.99", "123456789012345",
                     "1234567890123456", "0.000000000000000000001", "3.14159265358979", "-2.5", "100", "1e5", "1.5E-3"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let point = Int.random(in: 0...digits, using: &generator)
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            texts.append(Bool.random(using: &generator) ? "-" + text : text)
        }
        for text in texts {
            guard case .number(let value) = ScalarText.number(text), let expected = Double(text) else {
                return XCTFail("\(text) is a number")
            }
            XCTAssertEqual(value.bitPattern, expected.bitPattern, text)
        }
        for text in ["", "-", ".", "+.", "1.2.3", "1,5", "12%", "0x10", " 1", "1 "] {
            XCTAssertEqual(ScalarText.number(text), .notANumber, text)
        }
        XCTAssertEqual(ScalarText.number(".inf"), .notFinite)
    }
}
