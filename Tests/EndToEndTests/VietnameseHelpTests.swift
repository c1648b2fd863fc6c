import Foundation
import XCTest

/// Issue 26, item 17: `--help` of every command in Vietnamese (`--lang vi`, or a Vietnamese locale),
/// and the help's sentences wrapped whole, not broken mid-line.
final class VietnameseHelpTests: XCTestCase {
    /// Every command, as the top-level help lists them.
    private let commands = ["browse", "present", "snapshot", "check", "init", "testcard", "template", "import", "minutes",
                            "follow", "status"]

    /// English words that show an untranslated sentence.
    private let english = [" the ", " is ", " of ", " and ", " with ", " when ", "default:", "USAGE", "OPTIONS", "ARGUMENTS",
                           "Show help"]

    private func assertVietnamese(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(text.contains("Cách dùng: ciodash"), "\(what): \(text)", file: file, line: line)
        XCTAssertTrue(text.contains("Tùy chọn:"), "\(what): \(text)", file: file, line: line)
        for row in text.split(separator: "\n") {
            for word in english where row.contains(word) {
                XCTAssertFalse(true, "\(what): English left in: \(row)", file: file, line: line)
            }
        }
    }

    func testTheTopLevelHelpListsEveryCommandInVietnamese() throws {
        let help = try CiodashProcess.run(["help", "--lang", "vi"], environment: ["COLUMNS": "100"])
        XCTAssertEqual(help.status, 0, help.errors)
        XCTAssertTrue(help.output.contains("Lệnh:"), help.output)
        let listed = help.output.split(separator: "\n").compactMap { row -> String? in
            guard row.hasPrefix("  "), !row.hasPrefix("   "), let first = row.split(separator: " ").first,
                  first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
            return String(first)
        }
        XCTAssertEqual(listed, commands, help.output)
        XCTAssertTrue(help.output.contains("  browse (mặc định)       Mở bảng điều khiển"), "the default command's mark keeps the column: \(help.output)")
    }

    func testEveryCommandsHelpIsVietnameseWithLangVi() throws {
        for command in commands {
            let help = try CiodashProcess.run([command, "--help", "--lang", "vi"], environment: ["COLUMNS": "100"])
            XCTAssertEqual(help.status, 0, "\(command): \(help.errors)")
            assertVietnamese(help.output, command)
        }
    }

    func testEveryCommandsHelpIsVietnameseInAVietnameseLocale() throws {
        for command in commands {
            let help = try CiodashProcess.run(["help", command], environment: ["LANG": "vi_VN.UTF-8", "COLUMNS": "100"])
            XCTAssertEqual(help.status, 0, "\(command): \(help.errors)")
            assertVietnamese(help.output, command)
        }
        let asked = try CiodashProcess.run(["help", "template", "--lang", "vi"], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(asked.status, 0, asked.errors)
        assertVietnamese(asked.output, "help template --lang vi")
        let english = try CiodashProcess.run(["template", "--help"], environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": "C.UTF-8"])
        XCTAssertTrue(english.output.contains("USAGE: ciodash template"), "LC_ALL decides first: \(english.output)")
    }

    /// `ciodash help template` at 80 columns: the discussion is one paragraph wrapped by width, so no
    /// line of it ends a sentence half-way across the screen (it broke after "with its" and "is").
    func testTheHelpsParagraphsAreWrappedWholeAt80Columns() throws {
        for language in ["en", "vi"] {
            let help = try CiodashProcess.run(["help", "template", "--lang", language], environment: ["COLUMNS": "80"])
            let paragraphs = help.output.components(separatedBy: "\n\n")
            let discussion = try XCTUnwrap(paragraphs.dropFirst().first, help.output).split(separator: "\n")
            XCTAssertGreaterThan(discussion.count, 2, help.output)
            for row in discussion.dropLast() {
                XCTAssertGreaterThan(row.count, 64, "\(language): a line broken short of the width: \(row)")
            }
        }
    }
}
