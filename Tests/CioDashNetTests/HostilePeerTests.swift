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

    /// Every hello first, then every proof (a wrong code), then the answers: when the proofs
    /// arrive no guess has failed yet. The reasons the peers were given, counted.
    private func guessTogether(from addresses: [String], port: Int) throws -> [RejectReason: Int] {
        let wrong = try RoomCode(typed: "GUESS-00000")
        let peers = addresses.compactMap { RawPeer(port: port, from: $0) }
        XCTAssertEqual(peers.count, addresses.count)
        let nonces = peers.map { peer -> [UInt8] in
            let nonce = LinkKeys.nonce()
            peer.sendFrame(Hello(version: linkProtocolVersion, role: .follower, wantsFolder: false, nonce: nonce).body)
            return nonce
        }
        let challenges = peers.map { $0.readFrame().flatMap(Challenge.parse) }
        XCTAssertEqual(challenges.compactMap { $0 }.count, peers.count, "every hello gets a challenge")
        for (i, peer) in peers.enumerated() {
            guard let challenge = challenges[i] else { continue }
            peer.sendFrame(ProofFrame(tag: .proof, mac: LinkKeys.proof(.follower, code: wrong, role: .follower,
                                                                       followerNonce: nonces[i], presenterNonce: challenge.nonce)).body)
        }
        var reasons: [RejectReason: Int] = [:]
        for peer in peers { if let reason = rejectReason(peer.readFrame()) { reasons[reason, default: 0] += 1 } }
        return reasons
    }

    func testGuessesSentTogetherFromOneAddressAreCheckedOnlyFiveTimes() throws {
        server.stop()
        server = PresenterServer(settings: testSettings())
        port = try server.start()
        server.publish(share(1, slide: .overview))
        let reasons = try guessTogether(from: Array(repeating: "127.0.0.6", count: 250), port: port)
        XCTAssertEqual(reasons[.wrongCode], 5, "five guesses checked, however many were sent at once: \(reasons)")
        XCTAssertEqual(reasons[.tooManyAttempts], 245, "\(reasons)")
        assertServesAFollower(from: "127.0.0.7")
    }

    func testRotatingSourceAddressesGainsNothingBeyondTheRoomsLimit() throws {
        server.stop()
        server = PresenterServer(settings: testSettings())
        port = try server.start()
        // 250 addresses, each guessing once (within the 256 handshakes allowed at once).
        let addresses = (1...250).map { "127.0.3.\($0)" }
        let reasons = try guessTogether(from: addresses, port: port)
        XCTAssertEqual(reasons[.wrongCode], 60, "sixty guesses a minute from all addresses together: \(reasons)")
        XCTAssertEqual(reasons[.tooManyAttemptsInRoom], 190, "\(reasons)")
        // A real follower from a fresh address is told so, and keeps trying by itself.
        let client = FollowerClient(target: .init(host: "127.0.0.1", port: port, code: testCode, wantsFolder: false,
                                                  localAddress: "127.0.0.8"))
        let probe = FollowerProbe(client)
        client.start()
        defer { client.stop() }
        XCTAssertTrue(eventually { probe.refusal == .tooManyAttemptsInRoom }, "\(probe.poll())")
        XCTAssertTrue(eventually { probe.poll().contains { if case .waiting = $0 { return true } else { return false } } })
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
        for r in 2...3001 { server.publish(share(UInt64(r), slide: .topic("t\(r)" + padding))) }
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

/// A presenter that knows the code and sends what no ciodash presenter would (issue 28): every
/// state is checked before it reaches the screen, the follower keeps its last good state and its
/// link, and says what it ignored and from where.
final class HostilePresenterTests: XCTestCase {
    private func joined(_ presenter: HostilePresenter) throws -> (FollowerProbe, HostilePresenter.Session) {
        let client = FollowerClient(target: .init(host: "127.0.0.1", port: presenter.port, code: testCode, wantsFolder: false))
        let probe = FollowerProbe(client)
        client.start()
        let session = try XCTUnwrap(presenter.accept(), "the follower joins the hostile presenter")
        XCTAssertTrue(eventually { probe.has(.joined) })
        return (probe, session)
    }

    private func ignored(_ probe: FollowerProbe) -> [(String, PresenterShare.Problem, Int)] {
        probe.poll().compactMap { if case .stateIgnored(let from, let p, let n) = $0 { return (from, p, n) } else { return nil } }
    }

    func testStatesWithHugeNegativeOrUnreadableNumbersAreIgnoredAndTheLastGoodOneKept() throws {
        let presenter = try XCTUnwrap(HostilePresenter())
        let (probe, session) = try joined(presenter)
        defer { probe.client.stop() }
        session.send(share(1, slide: .overview))
        XCTAssertTrue(eventually { probe.lastState?.revision == 1 })

        var running = share(2, slide: .topic("a"))
        running.activeTopic = "a"
        running.runningFor = 1e308
        var spentHuge = share(3, slide: .topic("a")); spentHuge.spent = ["a": 1e308]
        var spentNegative = share(4, slide: .topic("a")); spentNegative.spent = ["a": -1e300]
        var tooManyTopics = share(5); tooManyTopics.slideCount = 3; tooManyTopics.slideNumber = 1
        tooManyTopics.spent = Dictionary(uniqueKeysWithValues: (0..<4).map { ("t\($0)", 1.0) })
        var pastTheDeck = share(6); pastTheDeck.slideNumber = 201; pastTheDeck.slideCount = 200
        var farBehind = share(7); farBehind.sessionDelta = Int.max
        var notAFingerprint = share(8); notAFingerprint.fingerprint = String(repeating: "x", count: 5000)
        for bad in [running, spentHuge, spentNegative, tooManyTopics, pastTheDeck, farBehind, notAFingerprint] {
            session.send(bad)
        }
        // JSON that is not a state, and numbers JSON cannot hold as a Double.
        session.send(json: #"{"revision":9,"slide":"agenda","slideNumber":1,"slideCount":2,"spent":{"a":1e400},"paused":false,"sessionDelta":0,"fingerprint":""}"#)
        session.send(json: "[]")
        session.send(share(20, slide: .closing))
        XCTAssertTrue(eventually { probe.lastState?.revision == 20 }, "a good state after the bad ones is used: \(probe.poll().suffix(3))")
        let states = probe.poll().compactMap { if case .state(let s, _) = $0 { return s.revision } else { return nil } }
        XCTAssertEqual(states.filter { $0 != 1 }, [20], "no bad state reached the screen's side")
        XCTAssertFalse(probe.has(.lost), "the link stays: the next good state is used")
        // Said once at once and the rest counted, naming the presenter's address.
        XCTAssertTrue(eventually(timeout: 8) { self.ignored(probe).reduce(0) { $0 + $1.2 } == 9 }, "\(ignored(probe))")
        let said = ignored(probe)
        XCTAssertTrue(said.allSatisfy { $0.0 == "127.0.0.1:\(presenter.port)" }, "\(said.map(\.0))")
        XCTAssertEqual(said.first?.1, .outOfRange(field: "runningFor", value: "1e+308"))
        XCTAssertLessThanOrEqual(said.count, 3, "about once a second, not once a state")
    }

    func testAStateOverTheSizeLimitIsIgnoredBeforeItIsRead() throws {
        let presenter = try XCTUnwrap(HostilePresenter())
        let (probe, session) = try joined(presenter)
        defer { probe.client.stop() }
        session.send(share(1))
        XCTAssertTrue(eventually { probe.lastState?.revision == 1 })
        // 13 MB of spent topics, as the adversarial test sent: refused on its size.
        let spent = (0..<600_000).map { "\"topic-\($0)\":1" }.joined(separator: ",")
        session.send(json: #"{"revision":2,"slide":"agenda","slideNumber":1,"slideCount":1000000,"spent":{"# + spent
            + #"},"paused":false,"sessionDelta":0,"fingerprint":""}"#)
        XCTAssertTrue(eventually(timeout: 10) { self.ignored(probe).contains { if case .tooLarge = $0.1 { return true } else { return false } } },
                      "\(ignored(probe))")
        session.send(share(3))
        XCTAssertTrue(eventually { probe.lastState?.revision == 3 })
    }

    /// The hostile-state corpus, as JSON a presenter could send: none is let through.
    func testNoHostileStateIsLetThrough() {
        let good = #"{"revision":1,"slide":"topic:a","slideNumber":1,"slideCount":3,"spent":{"a":1},"activeTopic":"a","runningFor":2,"paused":false,"sessionDelta":0,"fingerprint":""}"#
        XCTAssertEqual(FollowerMessage.decode(kind: SealedKind.state.rawValue, Array(good.utf8)[...]).isState, true)
        let hostile: [(String, String)] = [
            (#""runningFor":2"#, #""runningFor":1e308"#), (#""runningFor":2"#, #""runningFor":-1"#),
            (#""runningFor":2"#, #""runningFor":1e400"#), (#""runningFor":2"#, #""runningFor":NaN"#),
            (#""spent":{"a":1}"#, #""spent":{"a":-1e300}"#), (#""spent":{"a":1}"#, #""spent":{"a":604800.001}"#),
            (#""spent":{"a":1}"#, #""spent":{"a":1,"b":1,"c":1,"d":1}"#),
            (#""slideNumber":1"#, #""slideNumber":4"#), (#""slideNumber":1"#, #""slideNumber":0"#),
            (#""slideNumber":1"#, #""slideNumber":1e20"#), (#""slideCount":3"#, #""slideCount":-3"#),
            (#""slideCount":3"#, #""slideCount":1000001"#), (#""sessionDelta":0"#, #""sessionDelta":9223372036854775807"#),
            (#""revision":1"#, #""revision":-1"#), (#""fingerprint":"""#, #""fingerprint":"\u001b[2J""#),
            (#""slide":"topic:a""#, #""slide":"nowhere""#),
            (#""activeTopic":"a""#, #""activeTopic":""# + String(repeating: "a", count: 10_001) + #"""#),
        ]
        for (from, to) in hostile {
            XCTAssertTrue(good.contains(from), from)
            let json = good.replacingOccurrences(of: from, with: to)
            let decoded = FollowerMessage.decode(kind: SealedKind.state.rawValue, Array(json.utf8)[...])
            XCTAssertFalse(decoded.isState, "\(to.prefix(60)) was let through")
        }
    }

    func testEveryProblemSaysWhereInBothLanguages() {
        var bad = share(1); bad.spent = ["hue": -1e300]
        let problem = bad.problem
        XCTAssertEqual(problem, .outOfRange(field: "spent[hue]", value: "-1e+300"))
        XCTAssertEqual(problem?.text.en, "spent[hue] = -1e+300 is outside its range")
        XCTAssertEqual(problem?.text.vi, "spent[hue] = -1e+300 nằm ngoài khoảng cho phép")
        var fine = share(1, slide: .topic("hue")); fine.spent = ["hue": PresenterShare.maxDuration]; fine.runningFor = 0
        fine.sessionDelta = -Int(PresenterShare.maxDuration)
        XCTAssertNil(fine.problem, "the bounds themselves are allowed")
    }
}

extension FollowerMessage {
    var isState: Bool { if case .state = self { return true } else { return false } }
}
