import XCTest
import CioDashCore
@testable import CioDashRender
@testable import CioDashApp

/// The command table is the one place key bindings are written: the README, the help and the
/// footer must say what it says.
final class CommandTableTests: XCTestCase {
    /// The rows of the table under "## Keys" in README.md, cells trimmed.
    func readmeKeyTable() throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "\n## Keys\n").dropFirst().first, "README has a Keys section")
        let lines = section.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return lines.dropFirst(2).map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    func testReadmeKeyTableIsTheCommandTable() throws {
        let readme = try readmeKeyTable()
        let table = CommandTable.readmeRows()
        XCTAssertEqual(readme.count, table.count, "README rows: \(readme.map { $0.first ?? "" })")
        for (i, expected) in table.enumerated() where i < readme.count {
            XCTAssertEqual(readme[i], expected, "README key table row \(i + 1)")
        }
    }

    func testHelpThatDoesNotFitSaysHowManyLinesAreLeftOut() {
        var grid = Grid(width: 80, height: 12)
        ScreenComposer.drawHelp(on: &grid, mode: .browse, labels: .vi, language: .vi)
        let text = grid.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("… còn "), "a short screen names what the help leaves out:\n" + text)
        XCTAssertFalse(text.contains("Ctrl-C"), "the last key is among those left out:\n" + text)
        var scrolled = Grid(width: 80, height: 12)
        ScreenComposer.drawHelp(on: &scrolled, mode: .browse, labels: .vi, language: .vi, scroll: 1_000)
        let end = scrolled.lines.joined(separator: "\n")
        XCTAssertTrue(end.contains("Ctrl-C") && end.contains("↑ PgUp cuộn lên"), "scrolled to the end, the last keys show:\n" + end)
        var tall = Grid(width: 80, height: 40)
        ScreenComposer.drawHelp(on: &tall, mode: .browse, labels: .vi, language: .vi)
        let whole = tall.lines.joined(separator: "\n")
        XCTAssertFalse(whole.contains("… còn "), whole)
        XCTAssertTrue(whole.contains("Ctrl-C"), whole)
    }

    func testSpaceScrollsAPageWhenBrowsingAndTurnsTheSlideWhenPresenting() {
        XCTAssertEqual(CommandTable.command(for: .character(" "), mode: .browse), .pageDown)
        XCTAssertEqual(CommandTable.command(for: .character(" "), mode: .present), .nextSlide)
    }

    func testNoKeyIsBoundTwiceInAMode() {
        for mode in [NavigationState.Mode.browse, .present] {
            var seen: [Key: Command] = [:]
            for row in CommandTable.rows {
                for (key, command) in row.behaviour(mode)?.bindings ?? [] {
                    XCTAssertNil(seen[key], "\(mode): \(key) bound to \(seen[key].map { "\($0)" } ?? "") and \(command)")
                    seen[key] = command
                }
            }
        }
    }

    func testHelpAndFooterComeFromTheTableInBothLanguages() {
        for mode in [NavigationState.Mode.browse, .present] {
            for language in [Language.vi, .en] {
                let help = CommandTable.help(mode: mode, language: language)
                XCTAssertEqual(help.count, CommandTable.rows.filter { $0.helpLine(mode) != nil }.count)
                XCTAssertTrue(help.allSatisfy { !$0.1.isEmpty }, "\(mode) \(language): every line says what it does")
            }
        }
        XCTAssertEqual(CommandTable.footer(mode: .browse, language: .vi),
                       "? trợ giúp · q thoát · ↑↓←→ chọn · Enter mở · Esc quay lại · Tab chuyển màn hình · / tìm · s lưu · L English")
        XCTAssertEqual(CommandTable.footer(mode: .present, language: .en),
                       "? help · q quit · Space PgUp next, back · ] [ topic · g slide · t pause")
    }

    func testTheFooterKeepsWholeHintsThatFit() {
        for mode in [NavigationState.Mode.browse, .present] {
            for language in [Language.vi, .en] {
                let full = CommandTable.footer(mode: mode, language: language)
                let hints = full.components(separatedBy: " · ")
                for width in [12, 40, 78, 118, 300] {
                    let line = CommandTable.footer(mode: mode, language: language, width: width)
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(mode) \(language) at \(width)")
                    let shown = line.isEmpty ? [] : line.components(separatedBy: " · ")
                    XCTAssertEqual(shown, Array(hints.prefix(shown.count)), "whole hints, in order, at \(width)")
                    if shown.count < hints.count {
                        let withNext = line + (line.isEmpty ? "" : " · ") + hints[shown.count]
                        XCTAssertGreaterThan(DisplayWidth.of(withNext), width, "the next hint did not fit at \(width)")
                    }
                }
                XCTAssertEqual(CommandTable.footer(mode: mode, language: language, width: 300), full)
            }
        }
        XCTAssertEqual(CommandTable.footer(mode: .browse, language: .vi, width: 78),
                       "? trợ giúp · q thoát · ↑↓←→ chọn · Enter mở · Esc quay lại")
    }

    /// Every binding is a row of the table: no source file outside it names a key to act on it. The
    /// terminal's key reader (bytes to keys), the `Key` type itself and the text editors (typed text,
    /// not commands) are where keys are keys; `.resize` is the terminal's event, not a binding.
    func testNoKeyLiteralOutsideTheCommandTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let allowed = ["Sources/CioDashApp/Navigation/CommandTable.swift", "Sources/CioDashRender/Input/Key.swift",
                       "Sources/CioDashTerminal/KeyReader.swift"]
        let pattern = try NSRegularExpression(pattern:
            #"\.character\(|\.function\([0-9]|\.(escape|enter|backspace|backTab|interrupt|wordLeft|wordRight|deleteWord)\b|\bKey\.(up|down|left|right|tab|home|end|pageUp|pageDown)\b"#)
        var found: [String] = []
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        XCTAssertGreaterThan(files.filter { $0.hasSuffix(".swift") }.count, 100, "the sources are where the test looks")
        for file in files where file.hasSuffix(".swift") {
            let path = "Sources/" + file
            if allowed.contains(path) || path.hasPrefix("Sources/CioDashRender/Editor/") || path.hasPrefix("Sources/CioDashCore/")
                || path.hasPrefix("Sources/CioDashSpreadsheet/") || path.hasPrefix("Sources/CioDashSignature/") { continue }
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                if pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    found.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertEqual(found, [], "keys named outside the command table:\n" + found.joined(separator: "\n"))
    }

    func testTheSpeakerFooterAndTheFormKeysComeFromTheTable() {
        XCTAssertEqual(CommandTable.speakerFooter(language: .en), "→ next · ← back · ] [ topic · t pause · ↑↓ notes · ? help · q quit")
        XCTAssertEqual(CommandTable.formKeys(language: .vi),
                       "Esc đóng (đã lưu) · Tab ô tiếp · Enter dòng mới · F2 ẩn khỏi màn chiếu · Ctrl-←→ từ · Ctrl-W xóa từ")
        XCTAssertEqual(CommandTable.command(for: .function(2), in: .minutesForm), .hideForm)
        XCTAssertEqual(CommandTable.command(for: .pageDown, in: .help), .pageDown)
        XCTAssertEqual(CommandTable.command(for: .character("q"), in: .prompt), nil, "q is typed into a prompt")
        let help = CommandTable.help(mode: .present, language: .en).map(\.keys)
        for keys in ["↑ ↓ PgUp PgDn", "Esc, F2, F3", "Enter, Esc, Backspace"] {
            XCTAssertTrue(help.contains(keys), "the presenter's help lists \(keys): \(help)")
        }
    }
}
