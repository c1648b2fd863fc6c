import Foundation
import XCTest
@testable import CioDashCore

final class NormalizationTests: XCTestCase {
    /// The fast path may skip Foundation only where Foundation would change nothing.
    func testStableStartersAreUnchangedByNFCAndNeverCombine() {
        for v in UInt32(0)...0x27FF where Normalization.isStableStarter(v) {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(s.properties.canonicalCombiningClass, .notReordered, "U+\(String(v, radix: 16))")
            let text = String(Character(s))
            XCTAssertEqual(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), [s], "U+\(String(v, radix: 16))")
            // Nor may it compose with a neighbour (NFC_Quick_Check "Maybe" scalars would).
            XCTAssertEqual(Array((text + "a").precomposedStringWithCanonicalMapping.unicodeScalars), [s, "a"])
            XCTAssertEqual(Array(("a" + text).precomposedStringWithCanonicalMapping.unicodeScalars), ["a", s])
        }
    }

    func testNFDBecomesNFC() {
        let nfd = "Thừa Thiên Huế – Đắk Lắk".decomposedStringWithCanonicalMapping
        XCTAssertFalse(Normalization.isCertainlyNFC(nfd))
        XCTAssertEqual(Array(Normalization.nfc(nfd).unicodeScalars), Array("Thừa Thiên Huế – Đắk Lắk".unicodeScalars))
        XCTAssertTrue(Normalization.isCertainlyNFC("Thừa Thiên Huế – “Đắk Lắk” …"))
    }

    func testSingletonsAndSymbolMarksTakeTheSlowPath() {
        for v: UInt32 in [0x2000, 0x2126, 0x212B, 0x2329, 0x20D7, 0x0340, 0xF900] {
            XCTAssertFalse(Normalization.isStableStarter(v), "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(Normalization.nfc("\u{2126}"), "\u{03A9}", "OHM SIGN normalises to OMEGA")
    }
}
