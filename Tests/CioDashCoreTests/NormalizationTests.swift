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

    /// The table path must give exactly what Foundation gives, for every letter it knows.
    func testDecomposedLatinLettersComposeByTableAsFoundationDoes() {
        XCTAssertGreaterThan(Normalization.latinCompositions.count, 300)
        for letter in Normalization.latinCompositions.values {
            let nfd = String(Character(letter)).decomposedStringWithCanonicalMapping
            XCTAssertEqual(Normalization.composedByTable(nfd).map { Array($0.unicodeScalars) }, [letter])
        }
        let vietnamese = "Thừa Thiên Huế, Đắk Lắk, Quảng Ngãi – “Khánh Hòa” · Bà Rịa – Vũng Tàu"
        XCTAssertEqual(Array(Normalization.nfc(vietnamese.decomposedStringWithCanonicalMapping).unicodeScalars),
                       Array(vietnamese.unicodeScalars))
    }

    /// Marks out of canonical order, marks no letter takes, a mark first, Hangul and symbols: the
    /// table declines and Foundation decides, so the result is always Foundation's NFC.
    func testTextTheTableCannotComposeGivesFoundationsNFC() {
        let samples = ["e\u{302}\u{323}", "e\u{323}\u{302}", "\u{301}a", "a\u{301}\u{301}\u{301}", "q\u{301}",
                       "x\u{34F}\u{301}", "\u{1100}\u{1161}", "Å\u{20D7}", "a\u{0340}", "ư\u{301}\u{1EA1}"]
        for sample in samples {
            XCTAssertEqual(Array(Normalization.nfc(sample).unicodeScalars),
                           Array(sample.precomposedStringWithCanonicalMapping.unicodeScalars), sample.debugDescription)
        }
        // Random strings over letters, Vietnamese and other combining marks, spaces and punctuation.
        let alphabet: [Unicode.Scalar] = ["a", "e", "o", "u", "y", "D", "đ", "ơ", "ư", "Â", " ", "–", "\u{300}", "\u{301}",
                                          "\u{302}", "\u{303}", "\u{306}", "\u{309}", "\u{31B}", "\u{323}", "\u{328}",
                                          "\u{34F}", "\u{20D7}", "\u{1EA1}"]
        var state: UInt64 = 2019
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let s = String(text)
            let expected = Array(s.precomposedStringWithCanonicalMapping.unicodeScalars)
            XCTAssertEqual(Array(Normalization.nfc(s).unicodeScalars), expected, s.debugDescription)
            // The loader's entry point, on the parser's bytes, gives the same.
            var bytes = s
            XCTAssertEqual(bytes.withUTF8 { Array(Normalization.nfc(utf8: $0).unicodeScalars) }, expected, s.debugDescription)
        }
        for sample in samples + ["", "ASCII only", "Thừa Thiên Huế", "Thừa Thiên Huế".decomposedStringWithCanonicalMapping] {
            var bytes = sample
            XCTAssertEqual(bytes.withUTF8 { Array(Normalization.nfc(utf8: $0).unicodeScalars) },
                           Array(sample.precomposedStringWithCanonicalMapping.unicodeScalars), sample.debugDescription)
        }
    }
}
