import CioDashApp
import CioDashCore
import CioDashRender
import Foundation
import XCTest
@testable import CioDashWeb

/// The join address's QR code as the presenter's `i` draws it decodes (zbarimg, Debian's
/// zbar-tools) to the join address.
final class QRCodeTests: XCTestCase {
    let address = WebServer.joinURL(host: "192.168.1.20", port: 7421, token: ViewerToken.derive(code: "7KQ2MXW9PD"))

    func testTheAddressIsUpperCaseAndTheCodeSmall() throws {
        XCTAssertEqual(address, address.uppercased())
        XCTAssertTrue(address.hasPrefix("HTTP://192.168.1.20:7421/J/"))
        let code = try XCTUnwrap(QRCodeMatrix(address))
        XCTAssertLessThanOrEqual(code.size, 33, "alphanumeric mode: version 4 or below")
        let lines = code.halfBlockLines()
        XCTAssertEqual(lines.count, (code.size + 8 + 1) / 2)
        XCTAssertTrue(lines.allSatisfy { $0.count == code.size + 8 }, "the quiet zone on every side")
        XCTAssertTrue(lines[0].allSatisfy { $0 == " " } && lines[1].allSatisfy { $0 == " " }, "four light rows on top")
    }

    /// The overlay drawn by the presenter's screen at a projector's size, its cells read back as
    /// pixels (a half block: two modules), written as a PBM and decoded.
    func testTheOverlaysCodeDecodesToTheAddress() throws {
        let lines = try XCTUnwrap(QRCodeMatrix(address)).halfBlockLines()
        var grid = Grid(width: 160, height: 50)
        RoomInfoOverlay.draw(on: &grid, addresses: ["192.168.1.20:7420"], code: "7KQ2M-XW9PD", followers: 0, language: .vi,
                             compact: false, web: .init(address: address, code: lines, viewers: 3))
        // The code's cells, read back as module pairs from what the screen paints: `.codeInk` is a
        // dark background, `.code` a light one, and a half block paints its half in the other colour.
        var rows: [[(upper: Bool, lower: Bool)]] = []
        for y in 0..<grid.height {
            let row = (0..<grid.width).filter { [.code, .codeInk].contains(grid[$0, y].role) }.map { x -> (upper: Bool, lower: Bool) in
                let background = grid[x, y].role == .codeInk
                switch grid[x, y].base {
                case "▀": return (!background, background)
                case "▄": return (background, !background)
                default: return (background, background)
                }
            }
            if !row.isEmpty { rows.append(row) }
        }
        XCTAssertEqual(rows.count, lines.count, "the whole code is drawn")
        let drawn = rows.map { String($0.map { $0.upper ? ($0.lower ? "█" : "▀") : ($0.lower ? "▄" : " ") }) }
        XCTAssertEqual(drawn, lines)
        let url = try decode(drawn.map(Array.init))
        XCTAssertEqual(url, address)
    }

    /// Only a cell of one dark and one light module carries a glyph: a cell of two dark modules is a
    /// dark background with no glyph, so no font's seam splits a dark run (the QR code from a real
    /// xterm's screenshot did not decode when `█` drew them).
    func testDarkModulesAreBackgroundsNotGlyphs() throws {
        let lines = try XCTUnwrap(QRCodeMatrix(address)).halfBlockLines()
        var grid = Grid(width: 160, height: 50)
        RoomInfoOverlay.draw(on: &grid, addresses: ["192.168.1.20:7420"], code: "7KQ2M-XW9PD", followers: 0, language: .vi,
                             compact: false, web: .init(address: address, code: lines, viewers: 3))
        var cells = 0
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                guard cell.role == .code || cell.role == .codeInk else { continue }
                cells += 1
                XCTAssertNotEqual(cell.base, "█", "no full-block glyph at \(x),\(y)")
                if cell.role == .code { XCTAssertEqual(cell.base, " ", "a light cell is a light background at \(x),\(y)") }
            }
        }
        XCTAssertEqual(cells, lines.count * lines[0].count)
        for theme in [Theme.default, .projector] {
            XCTAssertEqual(theme.style(for: .codeInk).background, .black, theme.name)
            XCTAssertEqual(theme.style(for: .code).background, .white, theme.name)
        }
    }

    /// Cells to a PBM at 4 pixels a module, then zbarimg.
    func decode(_ rows: [[Character]]) throws -> String {
        let scale = 4
        let width = rows[0].count * scale, height = rows.count * 2 * scale
        var pbm = "P1\n\(width) \(height)\n"
        for row in rows {
            for half in 0..<2 {
                let line = row.map { c -> String in
                    let dark = half == 0 ? (c == "▀" || c == "█") : (c == "▄" || c == "█")
                    return String(repeating: dark ? "1 " : "0 ", count: scale)
                }.joined()
                for _ in 0..<scale { pbm += line + "\n" }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-qr-\(getpid()).pbm")
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, "zbarimg found a code")
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
