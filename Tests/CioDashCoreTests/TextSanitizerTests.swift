import XCTest
@testable import CioDashCore
import CioDashTestSupport

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

/// Issue 16, class 12: line and paragraph separators and invisible TAG characters follow one rule
/// wherever text is shown, and the loader warns about them.
final class InvisibleCharacterTests: XCTestCase {
    func testSeparatorsAreLineBreaks() {
        XCTAssertEqual(TextSanitizer.line("a\u{2028}b\u{2029}c"), "a b c")
        XCTAssertEqual(TextSanitizer.paragraph("a\u{2028}b\u{2029}c"), "a\nb\nc")
        XCTAssertFalse(TextSanitizer.isClean("a\u{2028}b"))
    }

    func testTagCharactersBecomeVisible() {
        XCTAssertEqual(TextSanitizer.line("Huế\u{E0041}\u{E007F}"), "Huế<U+E0041><U+E007F>")
        XCTAssertTrue(TextSanitizer.needsReplacement("\u{E0001}"))
    }

    func testTheyAreNotControlsButInvisibles() {
        XCTAssertNil(TextSanitizer.firstControl(in: "a\u{2028}b\u{E0041}"))
        XCTAssertEqual(TextSanitizer.firstInvisible(in: "a\u{2029}b"), "\u{2029}")
        XCTAssertEqual(TextSanitizer.firstInvisible(in: "ab\u{E0020}"), "\u{E0020}")
        XCTAssertNil(TextSanitizer.firstInvisible(in: "Thừa Thiên Huế"))
        XCTAssertEqual(TextSanitizer.firstControl(in: "\u{2028}\u{1B}"), "\u{1B}", "a control is still an error")
    }

    func testCheckWarnsInYAMLAndCSV() throws {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
            "provinces/thua-thien-hue.yaml": provinceFile(name: "\"Thừa\\u2028Thiên Huế\""),
            "metrics.csv": "province,topic,metric,label,value,target,unit,previous,source\n"
                + "da-nang,smart-city,tagged,\"Nhãn\u{E0041}\u{E0042}\",1,,,,\n",
        ])
        let result = folder.load()
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
        XCTAssertTrue(warnings.contains(folder.file("provinces/thua-thien-hue.yaml") + ":3:7: the text contains the line or paragraph separator U+2028 (shown as \" \"); remove it or use an ordinary line break"), "\(warnings)")
        XCTAssertTrue(warnings.contains(folder.file("metrics.csv") + ":2:27: the text contains the invisible tag character U+E0041 (shown as \"<U+E0041>\"); remove it or use an ordinary line break"), "\(warnings)")
        XCTAssertEqual(result.errorCount, 0, "\(result.diagnostics)")
    }
}
