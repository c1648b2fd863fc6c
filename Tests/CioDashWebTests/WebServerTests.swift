import CioDashApp
import CioDashCore
import CioDashRender
import Foundation
import Glibc
import XCTest
@testable import CioDashWeb

/// The routes a browser uses: the page and its assets, the index, a view, the event stream.
final class WebServerTests: XCTestCase {
    func testTheTokenComesFromTheCodeAndIsNotTheCode() {
        let token = ViewerToken.derive(code: "7KQ2MXW9PD")
        XCTAssertEqual(token.count, 16)
        XCTAssertTrue(token.allSatisfy { ("A"..."Z").contains($0) || ("2"..."7").contains($0) }, token)
        XCTAssertEqual(token, ViewerToken.derive(code: "7KQ2MXW9PD"), "the same code, the same token")
        XCTAssertNotEqual(token, ViewerToken.derive(code: "7KQ2MXW9PE"))
        XCTAssertFalse(token.contains("7KQ2M"))
    }

    func testThePageIsSelfContainedUnderAStrictPolicy() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let page = request(port, "/j/\(testToken)")
        XCTAssertEqual(status(page), 200, page)
        XCTAssertTrue(page.contains("Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:"))
        XCTAssertTrue(page.contains("Referrer-Policy: no-referrer"))
        let html = body(page)
        XCTAssertTrue(html.contains("Theo người trình bày") && html.contains("Tự xem"), "Vietnamese first")
        XCTAssertFalse(html.contains("<script>"), "no inline script")
        XCTAssertFalse(html.contains("<style"), "no inline style")
        XCTAssertNil(html.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression), "nothing from elsewhere")
        // Its assets, by hashed name.
        for asset in [WebPages.cssName, WebPages.scriptName] {
            XCTAssertTrue(html.contains("/assets/\(asset)"))
            let answer = request(port, "/assets/\(asset)")
            XCTAssertEqual(status(answer), 200)
            XCTAssertTrue(answer.contains("immutable"))
        }
        // The QR code's upper-case address works too.
        XCTAssertEqual(status(request(port, "/J/\(testToken)")), 200)
    }

    func testAWrongOrMissingTokenGetsABilingualPage() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let wrong = request(port, "/j/AAAAAAAAAAAAAAAA")
        XCTAssertEqual(status(wrong), 403)
        let text = body(wrong)
        let vi = try XCTUnwrap(text.range(of: "quét lại mã QR")), en = try XCTUnwrap(text.range(of: "scan the QR code"))
        XCTAssertLessThan(vi.lowerBound, en.lowerBound, "Vietnamese first")
        XCTAssertEqual(status(request(port, "/")), 404)
        XCTAssertTrue(body(request(port, "/")).contains("quét mã QR"))
        XCTAssertEqual(status(request(port, "/j/\(testToken)/../../etc/passwd")), 404)
        XCTAssertEqual(status(request(port, "/j/\(testToken)/view/..%2F..%2Fetc%2Fpasswd")), 404)
        XCTAssertEqual(status(request(port, "/assets/../../etc/passwd")), 404)
        XCTAssertEqual(status(request(port, "/assets/%2e%2e/Package.swift")), 404)
    }

    func testAViewIsMadeOncePerWidthAndLanguageWhateverTheViewers() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let path = "/j/\(testToken)/view/\(ViewID.overview.description)"
        for _ in 0..<5 {
            let answer = request(port, path + "?w=60&lang=vi")
            XCTAssertEqual(status(answer), 200)
            XCTAssertTrue(body(answer).contains("<pre class=\"grid\""))
        }
        XCTAssertEqual(server.viewsMade(), 1)
        XCTAssertEqual(status(request(port, path + "?w=60&lang=en")), 200)
        XCTAssertEqual(status(request(port, path + "?w=100&lang=vi")), 200)
        XCTAssertEqual(server.viewsMade(), 3)
        // A panel (its name holds a slash), percent-encoded as the page sends it.
        let meeting = try sampleMeeting()
        let panel = ViewID.panel(province: meeting.provinces[0].id, topic: meeting.topics[0].id).description
        let encoded = panel.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let answer = request(port, "/j/\(testToken)/view/\(encoded)?w=46&lang=vi")
        XCTAssertEqual(status(answer), 200, answer)
        XCTAssertTrue(body(answer).contains(meeting.provinces[0].name))
        XCTAssertEqual(status(request(port, "/j/\(testToken)/view/province%3Anowhere")), 404)
        // A new folder revision makes them again.
        let before = server.viewsMade()
        server.publish(meeting: meeting, generation: 2)
        XCTAssertEqual(status(request(port, path + "?w=60&lang=vi")), 200)
        XCTAssertEqual(server.viewsMade(), before + 1)
    }

    func testTheIndexFoldsNamesForTheSearch() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let answer = request(port, "/j/\(testToken)/index?lang=vi")
        XCTAssertEqual(status(answer), 200)
        let json = try JSONSerialization.jsonObject(with: Data(body(answer).utf8)) as? [String: Any]
        let entries = try XCTUnwrap(json?["entries"] as? [[String: String]])
        let meeting = try sampleMeeting()
        for province in meeting.provinces {
            XCTAssertTrue(entries.contains { $0["title"] == province.name && $0["key"] == SearchKey.fold(province.name) }, province.name)
        }
        XCTAssertEqual((json?["deck"] as? [String])?.first, "agenda")
    }

    func testALateJoinerGetsTheWholeStateAtOnce() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        server.publish(share(7, slide: .overview, runningFor: 12, active: "x"))
        let client = try XCTUnwrap(RawClient(port: port))
        client.send("GET /j/\(testToken)/events HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 3\r\n\r\n")
        let stream = client.read(until: "\"view\"", timeout: 3)
        XCTAssertTrue(stream.hasPrefix("HTTP/1.1 200 OK"), stream)
        XCTAssertTrue(stream.contains("Content-Type: text/event-stream"))
        XCTAssertTrue(stream.contains("id: 7\nevent: state\ndata: {"), stream)
        XCTAssertTrue(stream.contains("\"view\":\"overview\""), stream)
        XCTAssertTrue(eventually { server.viewerCount() == 1 })
        // The presenter moves: the stream says so; the heartbeat comes too.
        server.publish(share(8, slide: .topic("x")))
        XCTAssertTrue(client.read(until: "id: 8").contains("\"view\":\"topic:x\""))
        XCTAssertTrue(client.read(until: ":\n\n", timeout: 2).contains(":\n\n"), "a heartbeat")
    }

    func testTheWebThreadGivesWayToThePresentersScreen() throws {
        let (server, _) = try startServer()
        defer { server.stop() }
        let nice = try server.hub.loop.submit { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }.wait()
        XCTAssertEqual(nice, 10, "the web loop's thread runs at nice 10")
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), 0, "the calling (presenter's) thread is untouched")
    }

    func testThePresenterQuittingSaysByeToEveryStream() throws {
        let (server, port) = try startServer()
        let client = try XCTUnwrap(RawClient(port: port))
        client.send("GET /j/\(testToken)/events HTTP/1.1\r\n\r\n")
        _ = client.read(until: "event: state")
        server.stop()
        let (rest, closed) = client.readUntilClosed()
        XCTAssertTrue(rest.contains("event: bye"), rest)
        XCTAssertTrue(closed)
    }

    func testNoAheadRefusesSlidesNotYetShown() throws {
        var settings = webSettings()
        settings.noAhead = true
        let (server, port) = try startServer(settings)
        defer { server.stop() }
        let meeting = try sampleMeeting()
        let deck = PresenterDeck(meeting: meeting)
        let later = deck.slides[3]
        let name = later.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        XCTAssertEqual(status(request(port, "/j/\(testToken)/view/\(name)")), 403, "slide 4 while the agenda is shown")
        XCTAssertEqual(status(request(port, "/j/\(testToken)/view/agenda")), 200)
        XCTAssertEqual(status(request(port, "/j/\(testToken)/view/province%3A\(meeting.provinces[0].id)")), 200, "not a slide")
        server.publish(share(2, slide: later))
        XCTAssertTrue(eventually { status(request(port, "/j/\(testToken)/view/\(name)")) == 200 })
        server.publish(share(3, slide: .agenda))
        XCTAssertEqual(status(request(port, "/j/\(testToken)/view/\(name)")), 200, "shown once, it may be looked back at")
    }

    /// The report injection corpus (Tests/Fixtures/markup-hostile: every payload in every text
    /// field) through the index and every kind of view: no tag but the renderer's own.
    func testStatusFileTextNeverBecomesMarkup() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/markup-hostile").path
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: folder).meeting)
        let (server, port) = try startServer(meeting: meeting)
        defer { server.stop() }
        let index = body(request(port, "/j/\(testToken)/index?lang=vi"))
        XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(index.utf8)), "the index is JSON whatever the names")
        let allowed: Set<String> = ["section", "h2", "p", "a", "pre", "span"]
        let tag = try NSRegularExpression(pattern: #"<(/?)([A-Za-z!][A-Za-z0-9:-]*)([^>]*)>"#)
        var views = [ViewID.agenda, .overview, .status, .closing]
        views += meeting.topics.map { .topic($0.id) } + meeting.provinces.map { .province($0.id) }
        views.append(.panel(province: meeting.provinces[0].id, topic: meeting.topics[0].id))
        for view in views {
            let name = WebContent.name(view).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let html = body(request(port, "/j/\(testToken)/view/\(name)?w=90"))
            XCTAssertFalse(html.isEmpty, "\(view)")
            for match in tag.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let name = String(html[Range(match.range(at: 2), in: html)!])
                XCTAssertTrue(allowed.contains(name), "<\(name)> in \(view)")
                let attributes = String(html[Range(match.range(at: 3), in: html)!])
                XCTAssertNil(attributes.range(of: #"\son[a-z]+="#, options: .regularExpression), "an event attribute in \(view)")
                XCTAssertFalse(attributes.lowercased().contains("javascript:"), "\(view)")
                XCTAssertFalse(attributes.contains("style="), "no inline style, which the page's policy would refuse: \(view)")
            }
        }
        XCTAssertTrue(body(request(port, "/j/\(testToken)/view/overview?w=120")).contains("&lt;"), "the payloads are there, as text")
    }
}
