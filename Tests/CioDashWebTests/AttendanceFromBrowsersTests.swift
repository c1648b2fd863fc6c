import CioDashApp
import CioDashCore
import CioDashRender
import XCTest
@testable import CioDashWeb

/// Attendance from who joins: a browser announces the unit it represents (`/j/TOKEN/attend`), the
/// presenter's attendance form offers the units still absent, and only the secretary's F3 marks
/// them present.
final class AttendanceFromBrowsersTests: XCTestCase {
    // MARK: The rules

    func presenterTakingMinutes() throws -> AppState {
        let record = MinutesRecord(meetingTitle: "T", meetingDate: LocalDate(year: 2019, month: 7, day: 27)!, utcOffset: 25_200)
        var app = AppCore.start(meeting: try sampleMeeting(), mode: .present, language: .vi,
                                clock: .init(now: 0, wall: "08:00"), minutes: record)
        app.share = ShareState(addresses: ["192.168.1.20:7420"], code: "7KQ2M-XW9PD")
        return app
    }

    func screen(_ app: inout AppState) -> String {
        let grid = app.frame(width: 200, height: 60).grid
        return (0..<grid.height).map { y in String((0..<grid.width).map { Character(grid[$0, y].base) }) }.joined(separator: "\n")
    }

    /// The attendance form open on the agenda slide with "Đắk Lắk, Gia Lai" typed as absent.
    func attendanceForm() throws -> AppState {
        var app = try presenterTakingMinutes()
        (app, _) = AppCore.update(app, .key(.character("m")))
        XCTAssertNotNil(app.minutes?.editor)
        XCTAssertNil(app.minutes?.editor?.topic, "the agenda slide's form is the attendance")
        (app, _) = AppCore.update(app, .key(.tab))
        (app, _) = AppCore.update(app, .key(.tab))
        XCTAssertEqual(app.minutes?.editor?.focused, .absent)
        for c in "Đắk Lắk, Gia Lai" { (app, _) = AppCore.update(app, .key(.character(c))) }
        XCTAssertEqual(app.minutes?.record.text(.absent), "Đắk Lắk, Gia Lai")
        return app
    }

    func testAnnouncedUnitsAreOfferedAndOnlyTheSecretaryMarksThemPresent() throws {
        var app = try attendanceForm()
        var effects: [AppEffect]
        (app, effects) = AppCore.update(app, .remote(.unitsAnnounced(["dak-lak": 2, "da-nang": 1])))
        XCTAssertEqual(app.minutes?.record.text(.absent), "Đắk Lắk, Gia Lai", "an announcement marks no one present")
        XCTAssertFalse(effects.contains { if case .recordMinutes = $0 { return true }; return false }, "nor writes the journal")
        XCTAssertTrue(screen(&app).contains("Đã vào phòng qua trình duyệt, chưa ghi có mặt: Đắk Lắk (2) · F3 xác nhận có mặt"))

        (app, effects) = AppCore.update(app, .key(.function(3)))
        XCTAssertEqual(app.minutes?.record.text(.absent), "Gia Lai", "the secretary's one key: Đắk Lắk is present")
        XCTAssertTrue(effects.contains { if case .recordMinutes(let e) = $0 { return !e.isEmpty }; return false }, "journalled")
        XCTAssertEqual(app.navigation.message, "biên bản: đã ghi có mặt Đắk Lắk")
        let attendance = MinutesAttendance(meeting: app.meeting, record: try XCTUnwrap(app.minutes?.record))
        XCTAssertEqual(attendance.absent.map(\.id), ["gia-lai"])
        XCTAssertTrue(screen(&app).contains("Đã vào phòng qua trình duyệt: 2 đơn vị, đều đã ghi có mặt"))
    }

    func testTheOfferSpeaksEnglishToo() throws {
        var app = try attendanceForm()
        app.navigation.language = .en
        (app, _) = AppCore.update(app, .remote(.unitsAnnounced(["gia-lai": 1])))
        XCTAssertTrue(screen(&app).contains("Joined in a browser, not yet marked present: Gia Lai (1) · F3 confirm present"))
    }

    func testF3WithNothingAnnouncedOrOnAnItemChangesNothing() throws {
        var app = try attendanceForm()
        (app, _) = AppCore.update(app, .key(.function(3)))
        XCTAssertEqual(app.minutes?.record.text(.absent), "Đắk Lắk, Gia Lai")
        (app, _) = AppCore.update(app, .remote(.unitsAnnounced(["dak-lak": 1])))
        (app, _) = AppCore.update(app, .key(.escape))
        (app, _) = AppCore.update(app, .key(.function(3)))
        XCTAssertEqual(app.minutes?.record.text(.absent), "Đắk Lắk, Gia Lai", "no form open: F3 does not confirm")
    }

    // MARK: The endpoint

    func announced(_ server: WebServer) -> [String: Int]? {
        var last: [String: Int]?
        for case .announced(let units) in server.drain() { last = units }
        return last
    }

    func testABrowserAnnouncesItsUnitAndTakesItBack() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=dak-lak")), 204)
        var heard: [String: Int]?
        XCTAssertTrue(eventually { heard = announced(server) ?? heard; return heard == ["dak-lak": 1] })
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=da-nang")), 204, "a browser changes its mind")
        XCTAssertTrue(eventually { heard = announced(server) ?? heard; return heard == ["da-nang": 1] }, "one unit per browser")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=")), 204, "Không chọn / skip")
        XCTAssertTrue(eventually { heard = announced(server) ?? heard; return heard == [:] })
    }

    func testTheEndpointRefusesWhatIsNotAnAnnouncement() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        XCTAssertEqual(status(request(port, "/j/WRONGTOKEN/attend?unit=dak-lak")), 403, "bad token")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=atlantis")), 400, "not a unit of the meeting")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=%3Cscript%3E")), 400)
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend")), 400, "no unit at all")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=dak-lak", method: "POST",
                                      headers: "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\n")), 405,
                       "the server stays GET-only")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=dak-lak", headers: "Sec-Fetch-Site: cross-site\r\n")), 403,
                       "a page of another site cannot announce")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/", headers: "Sec-Fetch-Site: cross-site\r\n")), 200,
                       "while the join link itself opens from anywhere (a chat on another site)")
        let long = "/j/\(testToken)/attend?unit=" + String(repeating: "a", count: 10_000)
        XCTAssertEqual(status(request(port, long)), 414, "an oversized request")
        // Each answer came before the next request, so the hub has handled them all.
        XCTAssertEqual(try server.hub.loop.submit { server.hub.units }.wait(), [:], "nothing refused was taken")
        XCTAssertNil(announced(server), "nor reached the presenter")
    }

    func testAnnouncementsAreRateLimitedPerSource() throws {
        var settings = webSettings()
        settings.announcementLimit = 3
        let (server, port) = try startServer(settings)
        defer { server.stop() }
        for unit in ["dak-lak", "da-nang", "gia-lai"] {
            XCTAssertEqual(status(request(port, "/j/\(testToken)/attend?unit=\(unit)")), 204)
        }
        let refused = request(port, "/j/\(testToken)/attend?unit=kon-tum")
        XCTAssertEqual(status(refused), 429)
        XCTAssertTrue(refused.contains("đổi đơn vị quá nhiều lần từ máy này"))
        var heard: [String: Int]?
        XCTAssertTrue(eventually { heard = announced(server) ?? heard; return heard == ["gia-lai": 1] }, "the last one allowed stands")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/")), 200, "the page itself is not held back")
    }

    func testTheIndexListsTheUnitsInVietnameseOrder() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(body(request(port, "/j/\(testToken)/index")).utf8)) as? [String: Any])
        let units = try XCTUnwrap(json["units"] as? [[String: String]])
        XCTAssertEqual(units.count, try sampleMeeting().provinces.count)
        let names = units.compactMap { $0["name"] }
        XCTAssertEqual(names, names.sorted { VietnameseCollation.precedes($0, $1) })
        // Vietnamese order: "Đà Nẵng" and "Đắk Lắk" come after every D-.
        XCTAssertLessThan(try XCTUnwrap(names.firstIndex(of: "Bình Định")), try XCTUnwrap(names.firstIndex(of: "Đà Nẵng")))
    }
}
