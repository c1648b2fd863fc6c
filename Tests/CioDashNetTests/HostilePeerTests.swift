import CioDashApp
import CioDashRender
import NIOPosix
import XCTest
@testable import CioDashNet

/// Peers that are not friendly followers: each is refused with a reason, the presenter keeps
/// serving real followers, and what it holds for them stays bounded.
final class HostilePeerTests: XCTestCase {
    private var server: PresenterServer!
    private var port = 0

    override func setUpWithError() throws {
        var settings = testSettings()
        settings.handshakeDeadline = 1
        server = PresenterServer(settings: settings)
        port = try server.start()
        server.publish(share(1, slide: .overview))
    }

    override func tearDown() {
        server.stop()
    }

    /// A real follower joins from `local` and sees the latest state within a second.
    private func assertServesAFollower(from local: String = "127.0.0.9", revision: UInt64 = 1,
                                       file: StaticString = #filePath, line: UInt = #line) {
        let client = FollowerClient(target: .init(host: "127.0.0.1", port: port, code: testCode, wantsFolder: false,
                                                  localAddress: local))
        let probe = FollowerProbe(client)
        client.start()
        defer { client.stop() }
        XCTAssertTrue(eventually(timeout: 1) { probe.lastState?.revision == revision },
                      "a real follower is still served at once: \(probe.poll())", file: file, line: line)
    }

    func testGarbageBytesAreRefusedAsNotCiodash() throws {
        let peer = try XCTUnwrap(RawPeer(port: port))
        peer.send(Array(repeating: 0, count: 4) + Array("\u{1}GARBAGE".utf8) + (0..<200).map { _ in UInt8.random(in: 0...255) })
        let (bytes, closed) = peer.readUntilClosed()
        XCTAssertEqual(rejectReason(inStream: bytes), .malformed)
        XCTAssertTrue(closed)
        assertServesAFollower()
    }

    func testAnHTTPRequestGetsAReadableReason() throws {
        let peer = try XCTUnwrap(RawPeer(port: port))
        peer.send(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        let (bytes, closed) = peer.readUntilClosed()
        XCTAssertTrue(closed)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("gói tin quá lớn / message too large"), text)
    }

    func testAFourGibibyteLengthIsRefusedWithoutWaitingForIt() throws {
        let peer = try XCTUnwrap(RawPeer(port: port))
        peer.send([0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        let started = Date()
        let (bytes, closed) = peer.readUntilClosed()
        XCTAssertEqual(rejectReason(inStream: bytes), .frameTooLarge)
        XCTAssertTrue(closed)
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.9, "refused on its length, not at the hello deadline")
        assertServesAFollower()
    }

    func testHalfOpenConnectionsAreClosedAtTheHandshakeDeadline() throws {
        let peers = (0..<20).compactMap { _ in RawPeer(port: port) }
        XCTAssertEqual(peers.count, 20)
        // Half a hello, then silence.
        peers.forEach { $0.send([0, 0, 0, 41, 1, 0x43]) }
        for peer in peers {
            let (bytes, closed) = peer.readUntilClosed(timeout: 3)
            XCTAssertEqual(rejectReason(inStream: bytes), .helloTimeout)
            XCTAssertTrue(closed)
        }
        XCTAssertTrue(eventually { server.bounds().handshakes == 0 }, "nothing held for them after the deadline")
    }

    func testAThousandWrongCodesAreRefusedAndThenTheAddressIsBlocked() throws {
        let wrong = try RoomCode(typed: "GUESS-00000")
        var reasons: [RejectReason: Int] = [:]
        for _ in 0..<1000 {
            let peer = try XCTUnwrap(RawPeer(port: port, from: "127.0.0.2"))
            let reason = try XCTUnwrap(rejectReason(peer.handshake(code: wrong)), "every wrong code gets a reason")
            reasons[reason, default: 0] += 1
        }
        XCTAssertEqual(reasons[.wrongCode], 5, "five tries per address per minute")
        XCTAssertEqual(reasons[.tooManyAttempts], 995)
        // Even the right code is refused from that address for the minute.
        let blocked = try XCTUnwrap(RawPeer(port: port, from: "127.0.0.2"))
        XCTAssertEqual(rejectReason(blocked.handshake(code: testCode)), .tooManyAttempts)
        assertServesAFollower(from: "127.0.0.3")
        // The status line heard of them in summaries, not a thousand lines.
        var said: [RejectionLog.Summary] = []
        XCTAssertTrue(eventually(timeout: 3) {
            said += server.inbox.drain().compactMap { if case .rejected(let s) = $0 { return s } else { return nil } }
            return said.reduce(0) { $0 + $1.count } == 1001
        }, "every rejection is counted in a summary: \(said)")
        XCTAssertLessThan(said.count, 30, "at most about one line a second")
    }

    func testAFollowerThatNeverReadsHoldsOnlyTheLatestState() throws {
        let silent = try XCTUnwrap(RawPeer(port: port, receiveBuffer: 4096))
        XCTAssertEqual(silent.handshake(code: testCode)?.first, WireTag.welcome.rawValue)
        let client = FollowerClient(target: .init(host: "127.0.0.1", port: port, code: testCode, wantsFolder: false))
        let probe = FollowerProbe(client)
        client.start()
        defer { client.stop() }
        XCTAssertTrue(eventually { probe.has(.joined) })
        // 3,000 changes of a state padded to 4 KiB: 12 MB sent to a peer that reads nothing.
        let padding = String(repeating: "x", count: 4000)
        for r in 2...3001 { server.publish(share(UInt64(r), slide: .topic("t\(r)"), fingerprint: padding)) }
        XCTAssertTrue(eventually { probe.lastState?.revision == 3001 }, "the reading follower gets the last state")
        let held = server.bufferedBytes()
        XCTAssertEqual(held.count, 2)
        XCTAssertLessThan(held.max() ?? 0, (64 << 10) + 2 * 4200,
                          "the silent follower holds at most the write buffer's high mark and one state: \(held)")
    }

    func testFiveHundredConnectionsAtOnce() throws {
        let peers = (0..<500).compactMap { i in RawPeer(port: port, from: "127.0.1.\(i % 250 + 1)") }
        XCTAssertEqual(peers.count, 500)
        assertServesAFollower(from: "127.0.0.4")
        XCTAssertLessThanOrEqual(server.bounds().handshakes, 256, "handshakes in progress are capped")
        var busy = 0, timedOut = 0
        for peer in peers {
            switch rejectReason(inStream: peer.readUntilClosed(timeout: 4).bytes) {
            case .busy?: busy += 1
            case .helloTimeout?: timedOut += 1
            default: break
            }
        }
        XCTAssertEqual(busy + timedOut, 500, "each peer is told why: \(busy) busy, \(timedOut) timed out")
        XCTAssertGreaterThan(busy, 0)
        XCTAssertTrue(eventually { server.bounds().handshakes == 0 })
    }

    func testAFullRoomRefusesTheNextFollower() throws {
        server.stop()
        var settings = testSettings()
        settings.maxFollowers = 3
        server = PresenterServer(settings: settings)
        port = try server.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let probes = (0..<4).map { _ in
            FollowerProbe(FollowerClient(target: .init(host: "127.0.0.1", port: port, code: testCode, wantsFolder: false), group: group))
        }
        for (i, probe) in probes.enumerated() {
            probe.client.start()
            if i < 3 { XCTAssertTrue(eventually { probe.has(.joined) }) }
        }
        XCTAssertTrue(eventually { probes[3].refusal == .full })
        XCTAssertTrue(eventually { probes[3].poll().contains { if case .waiting = $0 { return true } else { return false } } },
                      "a full room is tried again later")
        probes.forEach { $0.client.stop() }
    }
}
