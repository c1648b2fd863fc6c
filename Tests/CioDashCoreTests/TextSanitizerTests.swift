import XCTest
@testable import CioDashCore

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
