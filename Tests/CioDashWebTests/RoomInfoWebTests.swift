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

    func testViewersAreCounted() throws {
        var app = try sharing()
        (app, _) = AppCore.update(app, .remote(.viewers(12)))
        XCTAssertEqual(app.share?.viewers, 12)
    }
}
