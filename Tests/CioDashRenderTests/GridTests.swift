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

    /// The window copy (one bulk copy per row) puts every cell where a cell-by-cell copy would, for
    /// offsets on every side and clipping through wide characters, which are then blanked, never split.
    func testBlitClippedOnEverySideMatchesACellByCellCopy() {
        var source = Grid(width: 9, height: 4)
        for y in 0..<4 { source.put(y % 2 == 0 ? "a漢b字c" : "Đắk 国x", x: y % 3, y: y) }
        for x in -6...10 {
            for y in -3...5 {
                for rows in [0..<4, 1..<3, 2..<4] {
                    var fast = Grid(width: 8, height: 5)
                    fast.put("──────", x: 0, y: 0)
                    let slow = fast
                    fast.blit(source, rows: rows, x: x, y: y)
                    // The reference: each cell copied on its own, then a wide character cut in half blanked.
                    var cells = slow.cells
                    for row in rows where row >= 0 && row < source.height {
                        let target = y + row - rows.lowerBound
                        guard target >= 0 && target < slow.height else { continue }
                        for col in 0..<source.width where x + col >= 0 && x + col < slow.width {
                            cells[target * slow.width + x + col] = source[col, row]
                        }
                        for col in 0..<slow.width {
                            let i = target * slow.width + col
                            if cells[i].width == 2 && (col + 1 >= slow.width || cells[i + 1].width != 0) { cells[i] = .blank }
                            else if cells[i].width == 0 && (col == 0 || cells[i - 1].width != 2) { cells[i] = .blank }
                        }
                    }
                    XCTAssertEqual(fast.cells, cells, "x \(x) y \(y) rows \(rows)")
                }
            }
        }
    }
}
