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
        // The code's cells: where the role is `.code`.
        var rows: [[Character]] = []
        for y in 0..<grid.height {
            let row = (0..<grid.width).filter { grid[$0, y].role == .code }.map { Character(grid[$0, y].base) }
            if !row.isEmpty { rows.append(row) }
        }
        XCTAssertEqual(rows.count, lines.count, "the whole code is drawn")
        XCTAssertEqual(rows.map { String($0) }, lines)
        let url = try decode(rows)
        XCTAssertEqual(url, address)
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
