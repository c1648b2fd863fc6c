import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import CioDashCore

@_silgen_name("wcwidth") func c_wcwidth(_: Int32) -> Int32

final class DisplayWidthTests: XCTestCase {
    /// The terminal counts cells the way glibc's wcwidth does under C.UTF-8; so must the renderer.
    func testAgreesWithGlibcWcwidthForEveryAssignedScalar() throws {
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw XCTSkip("C.UTF-8 locale missing") }
        defer { setlocale(LC_ALL, "C") }
        XCTAssertEqual(c_wcwidth(0x4E00), 2, "wcwidth must run in a UTF-8 locale")
        var checked = 0
        var disagreements: [String] = []
        for v in UInt32(0)..<0x40000 {
            guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned else { continue }
            let expected = c_wcwidth(Int32(v))
            guard expected >= 0 else { continue }
            checked += 1
            let actual = DisplayWidth.of(scalar)
            if actual != Int(expected) {
                disagreements.append("U+\(String(v, radix: 16, uppercase: true)) wcwidth \(expected) ours \(actual)")
            }
        }
        XCTAssertGreaterThan(checked, 100_000)
        XCTAssertEqual(disagreements.count, 0, disagreements.prefix(40).joined(separator: "\n"))
    }

    func testVietnameseNamesAreOneCellPerLetterInNFCAndNFD() {
        for name in ["Thừa Thiên Huế", "Đắk Lắk", "Quảng Ngãi"] {
            XCTAssertEqual(DisplayWidth.of(name), name.count)
            XCTAssertEqual(DisplayWidth.of(name.decomposedStringWithCanonicalMapping), name.count)
        }
        XCTAssertEqual(DisplayWidth.of("Thừa Thiên Huế"), 14)
    }

    func testWideCharacters() {
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    }
}
