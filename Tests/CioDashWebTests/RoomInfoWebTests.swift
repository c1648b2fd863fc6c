import CioDashApp
import CioDashCore
import CioDashRender
import XCTest
@testable import CioDashWeb

/// The presenter's `i`: the browsers' join address and its QR code, drawn in the code's role; Esc
/// closes it.
final class RoomInfoWebTests: XCTestCase {
    func sharing() throws -> AppState {
        var app = AppCore.start(meeting: try sampleMeeting(), mode: .present, language: .vi, clock: .init(now: 0, wall: "08:00"))
        app.share = ShareState(addresses: ["192.168.1.20:7420"], code: "7KQ2M-XW9PD")
        let address = WebServer.joinURL(host: "192.168.1.20", port: 7421, token: testToken)
        app.share?.webAddress = address
        app.share?.webCode = try XCTUnwrap(QRCodeMatrix(address)).halfBlockLines()
        return app
    }

    func testIShowsTheAddressAndTheCodeAndEscClosesIt() throws {
        var app = try sharing()
        (app, _) = AppCore.update(app, .key(.character("i")))
        XCTAssertEqual(app.share?.showInfo, true)
        var grid = app.frame(width: 240, height: 70).grid
        var text = (0..<grid.height).map { y in String((0..<grid.width).map { Character(grid[$0, y].base) }) }.joined(separator: "\n")
        XCTAssertTrue(text.contains(try XCTUnwrap(app.share?.webAddress)))
        let codeRows = (0..<grid.height).filter { y in (0..<grid.width).contains { grid[$0, y].role == .code } }
        XCTAssertEqual(codeRows.count, app.share?.webCode.count, "the whole QR code is drawn")
        (app, _) = AppCore.update(app, .key(.escape))
        XCTAssertEqual(app.share?.showInfo, false, "Esc closes the overlay")
        XCTAssertEqual(app.navigation.view, .agenda, "and does nothing else")
        grid = app.frame(width: 240, height: 70).grid
        text = (0..<grid.height).map { y in String((0..<grid.width).map { Character(grid[$0, y].base) }) }.joined(separator: "\n")
        XCTAssertFalse((0..<grid.height).contains { y in (0..<grid.width).contains { grid[$0, y].role == .code } })
        XCTAssertTrue(text.contains("trình duyệt: HTTP://192.168.1.20:7421/J/"), "the agenda's join line names the browsers' address")
    }

    func testASmallTerminalSaysSoRatherThanCutTheCode() throws {
        var app = try sharing()
        (app, _) = AppCore.update(app, .key(.character("i")))
        let grid = app.frame(width: 100, height: 30).grid
        XCTAssertFalse((0..<grid.height).contains { y in (0..<grid.width).contains { grid[$0, y].role == .code } })
        let text = (0..<grid.height).map { y in String((0..<grid.width).map { Character(grid[$0, y].base) }) }.joined(separator: "\n")
        XCTAssertTrue(text.contains("cửa sổ quá nhỏ để hiện mã QR"))
    }

    /// Issue 26 item 11: the code as chosen, in letters that do not touch, growing with the screen, and
    /// the overlay says how to close it.
    func testTheRoomCodeIsShownAsChosenLargeAndGrowsWithTheScreen() throws {
        var app = try sharing()
        app.share?.code = "PHONG-HOP-2026"
        (app, _) = AppCore.update(app, .key(.character("i")))
        func blockRows(_ width: Int, _ height: Int) -> (rows: Int, text: String) {
            let grid = app.frame(width: width, height: height).grid
            let text = (0..<grid.height).map { y in String((0..<grid.width).map { Character(grid[$0, y].base) }) }
            return (text.filter { $0.contains("█") && !$0.contains("▀") && !$0.contains("▄") }.count, text.joined(separator: "\n"))
        }
        let small = blockRows(80, 24), projector = blockRows(160, 45), large = blockRows(240, 70)
        XCTAssertEqual(small.rows, BigText.height, "five rows of letters at 80×24")
        XCTAssertEqual(large.rows, 2 * BigText.height, "ten rows on a large screen")
        XCTAssertEqual(projector.rows, BigText.height)
        XCTAssertTrue(small.text.contains("--code PHONG-HOP-2026"), "the command shows the code as chosen")
        XCTAssertFalse(small.text.contains("PH0NG"))
        XCTAssertTrue(small.text.contains("Esc: đóng"))
        // Letters two cells apart: "H" then "H" at the smallest size.
        XCTAssertEqual(BigText.lines("HH", dotWidth: 1, dotHeight: 1, gap: 2)[0], "█ █  █ █")
        XCTAssertEqual(BigText.lines("O", dotWidth: 2, dotHeight: 1, gap: 2), ["  ██  ", "██  ██", "██  ██", "██  ██", "  ██  "],
                       "the chosen code's letters O, I, L, U have glyphs of their own")
    }

    func testViewersAreCounted() throws {
        var app = try sharing()
        (app, _) = AppCore.update(app, .remote(.viewers(12)))
        XCTAssertEqual(app.share?.viewers, 12)
    }
}
