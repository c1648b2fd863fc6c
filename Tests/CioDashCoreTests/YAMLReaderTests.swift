import XCTest
@testable import CioDashCore

final class YAMLReaderTests: XCTestCase {
    private func parse(_ text: String, isJSON: Bool = false, limits: LoadLimits = .default) -> YAMLReader.Outcome {
        YAMLReader.parse(Array(text.utf8), file: "f.yaml", isJSON: isJSON, limits: limits)
    }

    private func assertFatal(_ outcome: YAMLReader.Outcome, line: Int?, column: Int?, _ message: String,
                             file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertNil(outcome.root, file: file, line: lineNumber)
        XCTAssertEqual(outcome.fatal?.message, message, file: file, line: lineNumber)
        XCTAssertEqual(outcome.fatal?.line, line, "line", file: file, line: lineNumber)
        XCTAssertEqual(outcome.fatal?.column, column, "column", file: file, line: lineNumber)
    }

    func testScalarsKeepPlacesAndStyle() throws {
        let outcome = parse("a: 12\nb: \"12\"\nc:\n  - x\n  - 'y'\n")
        guard case .mapping(let entries)? = outcome.root?.content else { return XCTFail("no mapping") }
        XCTAssertEqual(entries.map(\.key), ["a", "b", "c"])
        guard case .scalar("12", true) = entries[0].value.content else { return XCTFail("a is not plain 12") }
        guard case .scalar("12", false) = entries[1].value.content else { return XCTFail("b is not quoted 12") }
        XCTAssertEqual(entries[1].value.line, 2)
        XCTAssertEqual(entries[1].value.column, 4)
        guard case .sequence(let items) = entries[2].value.content else { return XCTFail("c is not a list") }
        XCTAssertEqual(items.map(\.line), [4, 5])
        XCTAssertEqual(items.map(\.column), [5, 5])
        XCTAssertEqual(entries[2].keyLine, 3)
    }

    private func at(_ node: YAMLNode?, _ keys: String...) -> YAMLNode? {
        var current = node
        for key in keys {
            guard case .mapping(let entries)? = current?.content else { return nil }
            current = entries.first { $0.key == key }?.value
        }
        return current
    }

    func testSkippedKeysArePassedOverAndTheRestReadsTheSame() throws {
        let text = """
        topics:
          a:
            summary: &s "Tóm tắt \\e[31m"
            highlights: [x, {y: [1, 2]}, z]
            issues:
              - "một"
              - nested: {deep: [a, b]}
            status: on-track
            metrics: [{id: m, value: 3}]
          b: {summary: *s, status: behind}

        """
        let skipped = YAMLReader.parse(Array(text.utf8), file: "f.yaml", skipping: ["summary", "highlights", "issues"])
        XCTAssertNil(skipped.fatal, "\(skipped.diagnostics)")
        XCTAssertTrue(skipped.diagnostics.isEmpty, "skipped text is not checked: \(skipped.diagnostics)")
        let a = try XCTUnwrap(at(skipped.root, "topics", "a"))
        guard case .mapping(let entries) = a.content else { return XCTFail("a is a mapping") }
        XCTAssertEqual(entries.map(\.key), ["summary", "status", "metrics"], "a skipped list is absent")
        XCTAssertEqual(at(a, "summary")?.scalarText, "…", "a skipped text is there, as a mark, for required fields")
        XCTAssertEqual(at(a, "status")?.scalarText, "on-track")
        XCTAssertEqual(at(a, "status")?.line, 8, "places after a skipped value are kept")
        XCTAssertEqual(at(a, "metrics")?.line, 9)
        // The alias of an anchor inside a skipped value is not an error: it is passed over too.
        XCTAssertEqual(at(skipped.root, "topics", "b", "status")?.scalarText, "behind")
        let whole = parse(text)
        XCTAssertEqual(at(whole.root, "topics", "a", "summary")?.scalarText, "Tóm tắt \u{1B}[31m")
        XCTAssertFalse(whole.diagnostics.isEmpty, "read whole, the escape is reported")
    }

    func testExplicitStringTagIsText() {
        guard case .mapping(let entries)? = parse("a: !!str 12\n").root?.content,
              case .scalar("12", false) = entries[0].value.content else { return XCTFail("!!str 12 must be text") }
    }

    func testColumnsCountCharactersNotBytes() {
        guard case .mapping(let entries)? = parse("tên: Đắk Lắk\nx: [Huế, Đà Nẵng]\n").root?.content,
              case .sequence(let items) = entries[1].value.content else { return XCTFail("bad tree") }
        XCTAssertEqual(entries[0].value.column, 6)
        XCTAssertEqual(items[1].column, 10)
    }

    func testSyntaxErrorGivesParserPlaceAndProblem() {
        assertFatal(parse("a: 1\nb: [1, 2\nc: 3\n"), line: 3, column: 2,
                    "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2)")
        assertFatal(parse("a: 1\n b: 2\n"), line: 2, column: 3,
                    "YAML syntax error: mapping values are not allowed in this context")
    }

    func testTabIndentationIsExplained() {
        assertFatal(parse("a: 1\nb:\n\tc: 2\n"), line: 3, column: 1, LoadMessages.tabIndentation.en)
        XCTAssertEqual(LoadMessages.tabIndentation.en, "a tab is used for indentation here; YAML allows only spaces")
    }

    func testJSONTabsAreWhitespace() {
        let json = "\t{\n\t\"a\": [\n\t\t1,\t2\n\t]\n}\n"
        XCTAssertNotNil(parse(json).fatal, "libyaml alone rejects a tab before the first brace")
        let outcome = parse(json, isJSON: true)
        XCTAssertNil(outcome.fatal)
        guard case .mapping(let entries)? = outcome.root?.content, case .sequence(let items) = entries[0].value.content
        else { return XCTFail("bad tree") }
        XCTAssertEqual(items.compactMap(\.scalarText), ["1", "2"])
        XCTAssertEqual(items[1].line, 3)
        XCTAssertEqual(items[1].column, 6, "a tab outside strings becomes one space, so columns stay")
    }

    func testJSONKeepsTabsInsideStrings() {
        guard case .mapping(let entries)? = parse("{\"a\": \"x\ty\\tz\"}", isJSON: true).root?.content else {
            return XCTFail("bad tree")
        }
        XCTAssertEqual(entries[0].value.scalarText, "x\ty\tz")
    }

    func testDuplicateKeyIsAnErrorAndTheFirstWins() {
        let outcome = parse("status: on-track\nsummary: x\nstatus: behind\n")
        XCTAssertNil(outcome.fatal)
        XCTAssertEqual(outcome.diagnostics.map(\.message),
                       ["key \"status\" appears twice in this mapping (first at line 1); this one is ignored"])
        XCTAssertEqual(outcome.diagnostics.first?.line, 3)
        XCTAssertEqual(outcome.diagnostics.first?.column, 1)
        guard case .mapping(let entries)? = outcome.root?.content else { return XCTFail("no mapping") }
        XCTAssertEqual(entries.map(\.key), ["status", "summary"])
        XCTAssertEqual(entries[0].value.scalarText, "on-track")
    }

    func testDuplicateKeysFoundInLargeMappings() {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let outcome = parse(text)
        XCTAssertEqual(outcome.diagnostics.map(\.line), [41])
        XCTAssertEqual(outcome.diagnostics.first?.message,
                       "key \"k7\" appears twice in this mapping (first at line 8); this one is ignored")
    }

    func testNFDKeysAndValuesBecomeNFC() {
        let nfd = "tên: Huế\n".decomposedStringWithCanonicalMapping
        guard case .mapping(let entries)? = parse(nfd).root?.content else { return XCTFail("no mapping") }
        XCTAssertEqual(Array(entries[0].key.unicodeScalars), Array("tên".unicodeScalars))
        XCTAssertEqual(Array(entries[0].value.scalarText!.unicodeScalars), Array("Huế".unicodeScalars))
    }

    func testBillionLaughsIsRefused() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let start = Date()
        let outcome = parse(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        XCTAssertEqual(outcome.fatal?.message,
                       "anchors and aliases expand to more than 10,000 values, so the file is refused")
        XCTAssertEqual(outcome.fatal?.line, 4, "the fourth level is the first to pass 10,000 values")
    }

    func testModestAliasesAreExpanded() {
        let outcome = parse("base: &b {status: on-track}\ncopy: *b\n")
        XCTAssertNil(outcome.fatal)
        guard case .mapping(let entries)? = outcome.root?.content,
              case .mapping(let copy) = entries[1].value.content else { return XCTFail("alias not expanded") }
        XCTAssertEqual(copy.first?.value.scalarText, "on-track")
        XCTAssertEqual(entries[1].value.line, 2, "an alias takes the place where it is used")
    }

    func testUndefinedAliasIsAnError() {
        assertFatal(parse("a: *nothing\n"), line: 1, column: 4, "alias *nothing refers to no anchor &nothing defined before it")
    }

    func testDeepNestingIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        assertFatal(parse(deep), line: 1, column: 65, "values are nested more than 64 levels deep")
        var limits = LoadLimits()
        limits.maxDepth = 3
        assertFatal(parse("a:\n  b:\n    c:\n      d: 1\n", limits: limits), line: 4, column: 7,
                    "values are nested more than 3 levels deep")
    }

    /// Issue 16, class 11: the over-long value is refused, the document is not.
    func testLongStringIsRefusedAndTheRestKept() {
        let long = String(repeating: "ế", count: 10_001)
        let outcome = parse("name: \(long)\nregion: Tây Nguyên\n")
        XCTAssertNil(outcome.fatal)
        XCTAssertEqual(outcome.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" },
                       ["1:7: a text value is 10,001 characters long, more than the 10,000-character limit; it is left out"])
        guard case .mapping(let entries)? = outcome.root?.content else { return XCTFail("a mapping") }
        XCTAssertEqual(entries.map(\.key), ["name", "region"])
        XCTAssertEqual(entries[0].value.isNull, true, "the long value reads as absent")
        XCTAssertEqual(entries[1].value.scalarText, "Tây Nguyên")
        XCTAssertNil(parse("name: \(String(repeating: "ế", count: 10_000))\n").fatal,
                     "10,000 characters of 3 bytes each are within the limit")
    }

    func testInvalidUTF8IsAClearError() {
        let outcome = YAMLReader.parse(Array("a: 1\nb: x".utf8) + [0xFF] + Array("\n".utf8), file: "f.yaml")
        XCTAssertEqual(outcome.fatal?.message, "the file is not valid UTF-8 text (byte 0xFF); save it as UTF-8")
        XCTAssertEqual(outcome.fatal?.line, 2)
        XCTAssertEqual(outcome.fatal?.column, 5)
    }

    func testBrokenCharacterIsNamedByItsFirstByte() {
        // Latin-1 "ế" (0xEA) announces a three-byte character; libyaml stops at the newline after it.
        let outcome = YAMLReader.parse(Array("a: 1\nb: Hu".utf8) + [0xEA, 0x0A], file: "f.yaml")
        XCTAssertEqual(outcome.fatal?.message, "the file is not valid UTF-8 text (byte 0xEA); save it as UTF-8")
        XCTAssertEqual(outcome.fatal?.line, 2)
        XCTAssertEqual(outcome.fatal?.column, 6)
    }

    func testNULByteIsAClearError() {
        let outcome = YAMLReader.parse(Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8), file: "f.yaml")
        XCTAssertEqual(outcome.fatal?.message,
                       "the file contains a NUL byte, so it is not text (perhaps a binary or UTF-16 file)")
        XCTAssertEqual(outcome.fatal?.line, 2)
        XCTAssertEqual(outcome.fatal?.column, 5)
    }

    func testRawEscapeCharacterIsRefused() {
        let outcome = parse("a: \u{1B}[31mred\n")
        XCTAssertEqual(outcome.fatal?.message, "the file contains the control character U+001B, which YAML does not allow")
    }

    func testEmptyAndBOMOnlyFilesAreEmpty() {
        for bytes in [[], [0xEF, 0xBB, 0xBF], Array("# only a comment\n".utf8)] as [[UInt8]] {
            let outcome = YAMLReader.parse(bytes, file: "f.yaml")
            XCTAssertEqual(outcome.fatal?.message, "the file is empty", "\(bytes)")
        }
    }

    func testSeveralDocumentsAreRefused() {
        assertFatal(parse("a: 1\n---\nb: 2\n"), line: 2, column: 1,
                    "the file holds more than one YAML document (---); put everything in one")
    }

    func testComplexKeyIsRefused() {
        assertFatal(parse("? [a, b]\n: 1\n"), line: 1, column: 3, "a mapping key must be a single value, not a list or mapping")
    }

    func testTruncatedFileIsASyntaxError() {
        let outcome = parse("a:\n  b: \"unterminated\n")
        XCTAssertNil(outcome.root)
        XCTAssertEqual(outcome.fatal?.line, 3)
        XCTAssertTrue(outcome.fatal?.message.hasPrefix("YAML syntax error: found unexpected end of stream") ?? false,
                      outcome.fatal?.message ?? "")
    }

    /// The byte test before the text checks reads eight bytes at a time: no position may be missed.
    func testControlByteTestSeesEveryPosition() {
        let clean = Array("abcdefghijklmnopqrstuvwxyz0123".utf8)
        clean.withUnsafeBufferPointer { XCTAssertFalse(YAMLEventStream.mayHoldControl($0)) }
        for length in 1...clean.count {
            for position in 0..<length {
                for byte: UInt8 in [0x00, 0x1B, 0x1F, 0x7F, 0xC2, 0xD8, 0xE2, 0xF3] {
                    var bytes = Array(clean[..<length])
                    bytes[position] = byte
                    bytes.withUnsafeBufferPointer {
                        XCTAssertTrue(YAMLEventStream.mayHoldControl($0), "byte \(byte) at \(position) of \(length)")
                    }
                }
            }
        }
        let vietnamese = Array("Thừa Thiên Huế, tỷ lệ 12,5 %".utf8)
        vietnamese.withUnsafeBufferPointer { XCTAssertFalse(YAMLEventStream.mayHoldControl($0)) }
    }
}
