import Foundation
import XCTest
@testable import CioDashRender

final class GridTests: XCTestCase {
    func testWideCharacterAtTheEdgeIsNotHalfDrawn() {
        var grid = Grid(width: 5, height: 1)
        let written = grid.put("ab漢字", x: 0, y: 0)
        XCTAssertEqual(written, 4, "a, b and one wide character fit in 5 cells; the second would straddle the edge")
        XCTAssertEqual(grid.line(0), "ab漢")
        XCTAssertEqual(grid[3, 0].width, 0, "right half of 漢 is a continuation cell")
    }

    func testCombiningMarksJoinTheirBaseCharacter() {
        var grid = Grid(width: 20, height: 1)
        let nfd = "Thừa Thiên Huế".decomposedStringWithCanonicalMapping
        XCTAssertEqual(grid.put(nfd, x: 0, y: 0), 14)
        XCTAssertEqual(Array(grid.line(0).unicodeScalars), Array(nfd.unicodeScalars))
    }

    func testControlCharactersNeverReachACell() {
        var grid = Grid(width: 40, height: 1)
        grid.put("a\u{1B}[2Jb\u{9B}c\u{7F}", x: 0, y: 0)
        XCTAssertEqual(grid.line(0), "a^[[2Jb<9B>c^?")
        XCTAssertFalse(grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("漢字", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        XCTAssertEqual(grid.line(0), " x字")
    }

    func testBlitRepairsWideCharactersCutAtItsEdge() {
        var base = Grid(width: 6, height: 1)
        base.put("漢字漢", x: 0, y: 0)
        var patch = Grid(width: 1, height: 1)
        patch.put("z", x: 0, y: 0)
        base.blit(patch, x: 2, y: 0)
        XCTAssertEqual(base.line(0), "漢z 漢")
    }

    func testPutClipsToMaxWidthAndNegativeStart() {
        var grid = Grid(width: 10, height: 1)
        grid.put("abcdef", x: 2, y: 0, maxWidth: 3)
        XCTAssertEqual(grid.line(0), "  abc")
        grid.put("123456", x: -3, y: 0)
        XCTAssertEqual(grid.line(0), "456bc")
    }

    /// `line` is the cells' text in order with the trailing blank cells dropped, whatever the cells
    /// hold (wide characters, NFD marks, a space carrying a mark, U+0600 which glibc draws alone).
    func testLineIsTheCellsWithTrailingBlankCellsDropped() {
        let pieces = [" ", "a", "漢", "Huế", "\u{600}", " \u{301}", "e\u{301}", "–"]
        var state: UInt64 = 7
        for _ in 0..<2000 {
            var grid = Grid(width: 8, height: 1)
            var x = 0
            while x < 8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let piece = pieces[Int(state >> 33) % pieces.count]
                x += max(1, grid.put(piece, x: x, y: 0))
            }
            var texts = grid.cells.filter { !$0.isContinuation }.map(\.text)
            while texts.last == " " { texts.removeLast() }
            XCTAssertEqual(Array(grid.line(0).unicodeScalars), Array(texts.joined().unicodeScalars),
                           grid.cells.map(\.text).debugDescription)
        }
        var grid = Grid(width: 4, height: 1)
        grid.put("\u{600}", x: 0, y: 0)
        XCTAssertEqual(grid.line(0), "\u{600}", "a blank cell after U+0600 is trailing space too")
    }

    // MARK: GridDiff: what the painter sends

    func testTheFirstFrameSendsEveryLeadingCellAndTheSameFrameNothing() {
        var grid = Grid(width: 6, height: 2)
        grid.put("a漢b", x: 0, y: 0)
        let first = GridDiff(from: nil, to: grid)
        XCTAssertTrue(first.full)
        XCTAssertEqual(first.positions.count, 11, "12 cells less the right half of 漢")
        XCTAssertFalse(first.positions.contains(.init(x: 2, y: 0)), "the right half is drawn by its leading cell")
        let same = GridDiff(from: grid, to: grid)
        XCTAssertFalse(same.full)
        XCTAssertEqual(same.positions, [])
    }

    func testOneChangedCellIsOneWriteAndAWideCharacterIsWrittenOnce() {
        var old = Grid(width: 6, height: 2)
        old.put("a漢b", x: 0, y: 0)
        var new = old
        new.put("c", x: 5, y: 1)
        XCTAssertEqual(GridDiff(from: old, to: new).positions, [.init(x: 5, y: 1)])
        var styled = old
        styled.put("漢", x: 1, y: 0, role: .selected)
        XCTAssertEqual(GridDiff(from: old, to: styled).positions, [.init(x: 1, y: 0)], "both halves changed: one write")
    }

    func testAnotherSizeIsAFullFrameClippedToTheScreen() {
        let old = Grid(width: 4, height: 2)
        let new = Grid(width: 6, height: 3)
        let diff = GridDiff(from: old, to: new, columns: 5, rows: 2)
        XCTAssertTrue(diff.full)
        XCTAssertEqual(diff.positions.count, 10, "5 columns × 2 rows of the screen")
        XCTAssertTrue(diff.positions.allSatisfy { $0.x < 5 && $0.y < 2 })
    }
}
