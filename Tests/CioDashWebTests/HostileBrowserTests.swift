import CioDashApp
import CioDashCore
import Foundation
import Glibc
import XCTest
@testable import CioDashWeb

/// Browsers and peers that do not play fair, on loopback, bounded in count and time: the server
/// answers each with its status, keeps its tables and buffers bounded, and a real browser still
/// gets in.
final class HostileBrowserTests: XCTestCase {
    func testSlowHeadersAreClosedAtTheDeadline() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let slow = try XCTUnwrap(RawClient(port: port))
        slow.send("GET /j/\(testToken) HTTP/1.1\r\nHost: x\r\n")
        let start = Date()
        let (answer, closed) = slow.readUntilClosed(timeout: 4)
        XCTAssertTrue(closed, "closed after the 1 s deadline")
        XCTAssertEqual(status(answer), 408, answer)
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        XCTAssertTrue(eventually { server.bounds().connections == 0 })
    }

    func testHugeHeadersAndTargetsAreRefused() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let long = String(repeating: "A", count: 5000)
        XCTAssertEqual(status(request(port, "/j/\(long)")), 414)
        let headers = (0..<400).map { "X-Pad-\($0): \(String(repeating: "b", count: 40))\r\n" }.joined()
        XCTAssertEqual(status(request(port, "/j/\(testToken)", headers: headers)), 431)
        // A head that never ends, sent fast: refused at the limit, not buffered without end.
        let client = try XCTUnwrap(RawClient(port: port))
        client.send("GET / HTTP/1.1\r\n")
        for _ in 0..<100 { client.send("X-Flood: " + String(repeating: "c", count: 1000) + "\r\n") }
        XCTAssertEqual(status(client.readUntilClosed().text), 431)
    }

    func testOnlyGetAndHead() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"] {
            let answer = request(port, "/j/\(testToken)", method: method, headers: "Content-Length: 0\r\n")
            XCTAssertEqual(status(answer), 405, "\(method): \(answer.prefix(40))")
            XCTAssertTrue(answer.contains("Allow: GET, HEAD"), method)
        }
        let head = request(port, "/j/\(testToken)", method: "HEAD")
        XCTAssertEqual(status(head), 200)
        XCTAssertTrue(body(head).isEmpty, "HEAD has no body")
        XCTAssertEqual(status(request(port, "/j/\(testToken)", version: "HTTP/1.0")), 200, "HTTP/1.0")
        XCTAssertEqual(status(request(port, "\u{1}\u{2} nonsense")), 400)
    }

    func testPipelinedRequestsGetOneAnswer() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try XCTUnwrap(RawClient(port: port))
        client.send("GET /j/\(testToken) HTTP/1.1\r\nHost: x\r\n\r\nPOST /j/\(testToken) HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /assets/x HTTP/1.1\r\n\r\n")
        let (answer, closed) = client.readUntilClosed()
        XCTAssertTrue(closed)
        XCTAssertEqual(answer.components(separatedBy: "HTTP/1.1 ").count - 1, 1, "one response, then the connection closes")
        XCTAssertEqual(status(answer), 200)
    }

    func testAThousandConnectionsLeaveRoomForARealBrowser() throws {
        var settings = webSettings()
        settings.headerDeadline = 30
        let (server, port) = try startServer(settings)
        defer { server.stop() }
        var idle: [RawClient] = []
        for _ in 0..<1000 {
            guard let client = RawClient(port: port) else { break }
            idle.append(client)
        }
        XCTAssertEqual(idle.count, 1000, "the backlog takes them all")
        XCTAssertTrue(eventually { server.bounds().pending <= settings.maxPending && server.bounds().connections <= settings.maxConnections })
        // A real browser asks, and is answered, with the flood still open.
        XCTAssertTrue(eventually(timeout: 10) { status(request(port, "/j/\(testToken)")) == 200 })
        let (connections, pending, _) = server.bounds()
        XCTAssertLessThanOrEqual(connections, settings.maxConnections)
        XCTAssertLessThanOrEqual(pending, settings.maxPending)
        idle.removeAll()
        XCTAssertTrue(eventually { server.bounds().connections == 0 })
    }

    func testAThousandBadTokensAreRateLimitedAndSaidWithoutFlooding() throws {
        var settings = webSettings()
        settings.overallFailureLimit = 60
        let (server, port) = try startServer(settings)
        defer { server.stop() }
        // A delegate's browser that joined before the flood.
        XCTAssertEqual(status(request(port, "/j/\(testToken)")), 200)
        var codes: [Int: Int] = [:]
        for i in 0..<1000 {
            let guess = String(format: "%016d", i).replacingOccurrences(of: "0", with: "A")
            codes[status(request(port, "/j/\(guess)")) ?? 0, default: 0] += 1
        }
        XCTAssertEqual(codes[403], 5, "five wrong tokens from one address, then \(codes)")
        XCTAssertEqual(codes[429], 995)
        // The right token from that address is refused too until the minute is over (so guessing
        // gains nothing), and the limiter holds one address.
        XCTAssertEqual(status(request(port, "/j/\(testToken)")), 429)
        XCTAssertLessThanOrEqual(server.bounds().limiterAddresses, 2)
        // The status line heard a handful of summaries, not a thousand lines.
        XCTAssertTrue(eventually(timeout: 3) { server.drain().contains { if case .refused(let s) = $0 { return s.count > 1 }; return false } })
    }

    func testTheRoomWideLimitKeepsAdmittedBrowsersIn() {
        var limiter = AttemptLimiter(limit: 5, window: 60, overallLimit: 10)
        limiter.recordSuccess("10.0.0.1")
        for i in 0..<10 { limiter.recordFailure("10.0.1.\(i)", now: 0) }
        XCTAssertEqual(limiter.refusal("10.0.2.1", now: 1), .tooManyAttemptsInRoom, "a new address while the room is over its limit")
        XCTAssertNil(limiter.refusal("10.0.0.1", now: 1), "a delegate already in")
        XCTAssertNil(limiter.refusal("10.0.2.1", now: 61), "a minute later")
    }

    /// The web side uses the room link's limiter: a source is an IPv6 /64, not one address of it
    /// (one machine can take any address in its /64), and an admitted source stays admitted.
    func testWrongTokensFromOneIPv6Slash64CountTogether() throws {
        let (server, _) = try startServer()
        defer { server.stop() }
        let hub = server.hub
        let refusals = try hub.loop.submit { () -> [WebRefusal?] in
            var seen: [WebRefusal?] = []
            _ = hub.check(token: Substring(testToken), from: "2001:db8:1:2::1")
            for i in 0..<5 { seen.append(hub.check(token: "WRONG", from: "2001:db8:1:2::\(i + 100)")) }
            seen.append(hub.check(token: Substring(testToken), from: "2001:db8:1:2:ffff::7"))
            seen.append(hub.check(token: Substring(testToken), from: "2001:db8:1:3::7"))
            return seen
        }.wait()
        XCTAssertEqual(Array(refusals.prefix(5)), Array(repeating: .wrongToken, count: 5))
        XCTAssertEqual(refusals[5], .tooManyAttempts, "another address of the same /64 is the same source")
        XCTAssertNil(refusals[6], "another /64 is not")
    }

    func testAStreamThatNeverReadsIsDroppedAndTheOthersGoOn() throws {
        var settings = webSettings()
        settings.viewerBuffer = 16 << 10
        let (server, port) = try startServer(settings)
        defer { server.stop() }
        let stuck = try XCTUnwrap(RawClient(port: port, receiveBuffer: 4096))
        stuck.send("GET /j/\(testToken)/events HTTP/1.1\r\n\r\n")
        let reader = try XCTUnwrap(RawClient(port: port))
        reader.send("GET /j/\(testToken)/events HTTP/1.1\r\n\r\n")
        XCTAssertTrue(eventually { server.viewerCount() == 2 })
        // States of ~2 KiB each (a long topic list), far more than both socket buffers hold.
        var spent: [String: Double] = [:]
        for i in 0..<60 { spent["topic-with-a-long-name-\(i)"] = Double(i) }
        var revision: UInt64 = 10
        var last = ""
        XCTAssertTrue(eventually(timeout: 10) {
            for _ in 0..<50 {
                revision += 1
                var s = share(revision)
                s.spent = spent
                server.publish(s)
            }
            last = reader.read(until: "id: \(revision)\n", timeout: 0.5)
            return server.viewerCount() == 1
        }, "the stuck stream is dropped")
        XCTAssertTrue(last.contains("id: \(revision)\n") || reader.read(until: "id: \(revision)\n").contains("id: \(revision)\n"),
                      "the reading browser still gets every new state")
        XCTAssertTrue(eventually { server.drain().contains { if case .refused(let s) = $0 { return s.reason == .slowViewer }; return false } })
    }
}
