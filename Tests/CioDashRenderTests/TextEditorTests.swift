import CioDashCore
import Foundation
import XCTest
@testable import CioDashRender

/// The minutes editor's text model: Vietnamese typed composed or not, marks, wide characters,
/// wrapped rows, pastes, long notes. Every edit it reports must rebuild the text it made.
final class TextEditorTests: XCTestCase {
    /// Types `keys` one by one, replaying each reported edit on a copy: the journal sees the same text.
    private func typed(_ keys: [String], into editor: inout TextEditor, file: StaticString = #filePath, line: UInt = #line) {
        var replayed = editor.text
        for key in keys {
            if let edit = editor.insert(key) { replayed = edit.applied(to: replayed) ?? "<edit does not fit>" }
        }
        XCTAssertEqual(Array(replayed.unicodeScalars), Array(editor.text.unicodeScalars), "edits rebuild the text", file: file, line: line)
    }

    func testDecomposedTypingIsComposedIntoOneLetter() {
        var e = TextEditor()
        typed(["e", "\u{302}", "\u{301}", "p"], into: &e)
        XCTAssertEqual(Array(e.text.unicodeScalars), Array("ếp".unicodeScalars), "NFC: U+1EBF then p")
        XCTAssertEqual(e.characters.count, 2)
        XCTAssertEqual(e.cursor, 2)
        e.moveLeft()
        e.deleteBackward()
        XCTAssertEqual(e.text, "p", "backspace removes the whole letter with its marks")
    }

    func testAMarkTypedInTheMiddleJoinsTheLetterBeforeIt() {
        var e = TextEditor(text: "Hue")
        e.moveLeft()
        typed(["\u{302}"], into: &e)  // "Huê" is not a word, but the mark must land on "u"
        XCTAssertEqual(e.text, "Hûe")
        XCTAssertEqual(e.cursor, 2, "the cursor stays after the letter it marked")
        typed(["x"], into: &e)
        XCTAssertEqual(e.text, "Hûxe")
    }

    func testControlCharactersAreNeverStored() {
        var e = TextEditor(multiline: false)
        typed(["a\u{1B}[2J\u{7}", "\u{9B}b\u{202E}c", "\r\nd"], into: &e)
        XCTAssertEqual(e.text, "a[2Jbc d", "controls and bidi overrides dropped, a line break is a space in one line")
        var m = TextEditor()
        typed(["x\r\ny\rz"], into: &m)
        XCTAssertEqual(m.text, "x\ny\nz")
    }

    func testWideCharactersWrapWholeAndCountTwoCells() {
        var e = TextEditor()
        typed(["日本語テキスト"], into: &e)  // 7 wide characters, 14 cells
        let rows = e.layout(width: 5)
        XCTAssertEqual(rows.map { e.text(of: $0) }, ["日本", "語テ", "キス", "ト"], "no wide character straddles the edge")
        XCTAssertEqual(rows.map(\.width), [4, 4, 4, 2])
        XCTAssertEqual(e.cursorPosition(width: 5).column, 2)
    }

    func testWrapsAtTheLastSpaceAndMovesUpAndDownByDisplayColumn() {
        var e = TextEditor(text: "Thừa Thiên Huế và Đắk Lắk cùng triển khai")
        let width = 12
        XCTAssertEqual(e.layout(width: width).map { e.text(of: $0) }, ["Thừa Thiên ", "Huế và Đắk ", "Lắk cùng ", "triển khai"])
        e.moveToStart()
        for _ in 0..<3 { e.moveRight() }  // after "Thừ": column 3
        XCTAssertTrue(e.moveDown(width: width))
        XCTAssertEqual(e.cursorPosition(width: width).row, 1)
        XCTAssertEqual(e.cursorPosition(width: width).column, 3, "same display column on the next row")
        XCTAssertTrue(e.moveDown(width: width))
        XCTAssertTrue(e.moveDown(width: width))
        XCTAssertEqual(e.cursorPosition(width: width).row, 3)
        XCTAssertFalse(e.moveDown(width: width), "no row below the last")
        XCTAssertTrue(e.moveUp(width: width))
        XCTAssertEqual(e.cursorPosition(width: width).column, 3)
    }

    func testUpAndDownKeepTheGoalColumnOverAShortRow() {
        var e = TextEditor(text: "dòng dài thứ nhất\nngắn\ndòng dài thứ ba")
        e.moveToStart()
        e.moveEnd()  // column 17
        e.moveDown(width: 40)
        XCTAssertEqual(e.cursorPosition(width: 40).column, 4, "the short row's end")
        e.moveDown(width: 40)
        XCTAssertEqual(e.cursorPosition(width: 40).column, 15, "back to the goal where the row allows")
    }

    func testWordMovesAndHomeEnd() {
        var e = TextEditor(text: "Kết luận: giao Sở TT&TT")
        e.moveToStart()
        e.moveWordRight()
        XCTAssertEqual(e.cursor, 3, "after Kết")
        e.moveWordRight()
        XCTAssertEqual(e.cursor, 8, "after luận")
        e.moveWordLeft()
        XCTAssertEqual(e.cursor, 4, "before luận")
        e.moveEnd()
        XCTAssertEqual(e.cursor, e.characters.count)
        e.deleteWordBackward()
        XCTAssertEqual(e.text, "Kết luận: giao Sở TT&")
        e.moveHome()
        XCTAssertEqual(e.cursor, 0)
        e.deleteForward()
        XCTAssertEqual(e.text, "ết luận: giao Sở TT&")
    }

    func testAPasteOfAHundredLinesKeepsEveryLine() {
        var e = TextEditor()
        let lines = (1...100).map { "Dòng \($0): ý kiến của tỉnh Đắk Lắk về chữ ký số" }
        typed([lines.joined(separator: "\r\n")], into: &e)
        XCTAssertEqual(e.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), lines)
        XCTAssertEqual(e.layout(width: 80).count, 100)
        XCTAssertEqual(e.cursorPosition(width: 80).row, 99)
    }

    func testATenThousandCharacterNoteStaysEditableAndItsEditsFit() {
        let word = "triển khai "
        var e = TextEditor(text: String(repeating: word, count: 10_000 / word.count))
        let started = Date()
        var replayed = e.text
        for i in 0..<200 {
            if i % 20 == 0 { e.moveUp(width: 70) }
            if let edit = e.insert("ệ") { replayed = edit.applied(to: replayed)! }
            if let edit = e.deleteBackward() { replayed = edit.applied(to: replayed)! }
            e.moveRight()
        }
        XCTAssertEqual(replayed, e.text)
        XCTAssertGreaterThanOrEqual(e.characters.count, 9_999)
        // A bound loose enough for a debug build on a busy machine, not a benchmark.
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "600 edits and 10 moves on a 10,000-character note")
    }

    func testEditsOnlyNameWhatChanged() {
        var e = TextEditor(text: "abc")
        let edit = e.insert("x")
        XCTAssertEqual(edit, TextEdit(offset: 3, removed: 0, inserted: "x"), "the letter before stays out of the record")
        e.moveLeft(); e.moveLeft()
        XCTAssertEqual(e.insert("\u{301}"), TextEdit(offset: 1, removed: 1, inserted: "b\u{301}"), "a mark rewrites its letter")
    }
}
