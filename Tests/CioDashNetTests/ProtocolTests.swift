import CioDashApp
import CioDashCore
import CioDashRender
import NIOCore
import XCTest
@testable import CioDashNet

/// The link's pure parts: codes, proofs, sealing, frames, limits.
final class ProtocolTests: XCTestCase {
    func testTypedCodesIgnoreCaseSpacesAndDashesAndReadOAndIAsDigits() throws {
        XCTAssertEqual(try RoomCode(typed: "ab12o-il 9x").value, "AB120119X")
        XCTAssertThrowsError(try RoomCode(typed: "ab1")) { XCTAssertEqual($0 as? RoomCode.Failure, .tooShort) }
        XCTAssertThrowsError(try RoomCode(typed: "phòng-123")) { XCTAssertEqual($0 as? RoomCode.Failure, .badCharacter("ò")) }
    }

    /// A code the presenter chose is shown as chosen (`PHONG-HOP-2026`, not `PH0NG-H0P20-26`: issue 26
    /// item 11), and the shown form, typed by a follower, is the same code.
    func testAChosenCodeIsShownAsChosenAndReadsBackAsItself() throws {
        let chosen = try RoomCode(typed: "phong hop-2026")
        XCTAssertEqual(chosen.description, "PHONG-HOP-2026")
        XCTAssertEqual(chosen.value, "PH0NGH0P2026")
        XCTAssertEqual(try RoomCode(typed: chosen.description), chosen)
        XCTAssertEqual(try RoomCode(typed: "PH0NG-H0P20-26"), chosen, "the digit forms are the same code")
        XCTAssertEqual(try RoomCode(typed: " a-b--c d 123 ").description, "A-B-C-D-123", "one dash between groups")
    }

    func testGeneratedCodesAreTenSymbolsShownInFivesAndDiffer() {
        let a = RoomCode.generate(), b = RoomCode.generate()
        XCTAssertEqual(a.value.count, 10)
        XCTAssertEqual(a.description.count, 11, "grouped as XXXXX-XXXXX")
        XCTAssertNotEqual(a, b, "two sessions get two codes (50 random bits each)")
        XCTAssertEqual(try RoomCode(typed: a.description), a, "the code as shown reads back as itself")
    }

    func testProofsBindTheCodeTheProverTheRoleAndBothNonces() {
        let f = LinkKeys.nonce(), p = LinkKeys.nonce()
        let proof = LinkKeys.proof(.follower, code: testCode, role: .follower, followerNonce: f, presenterNonce: p)
        XCTAssertTrue(LinkKeys.verify(proof, .follower, code: testCode, role: .follower, followerNonce: f, presenterNonce: p))
        let other = try! RoomCode(typed: "TEST-CODE-43")
        XCTAssertFalse(LinkKeys.verify(proof, .follower, code: other, role: .follower, followerNonce: f, presenterNonce: p))
        XCTAssertFalse(LinkKeys.verify(proof, .presenter, code: testCode, role: .follower, followerNonce: f, presenterNonce: p),
                       "a follower's proof cannot be reflected back as the presenter's")
        XCTAssertFalse(LinkKeys.verify(proof, .follower, code: testCode, role: .speaker, followerNonce: f, presenterNonce: p),
                       "a follower's proof does not admit a speaker view")
        XCTAssertFalse(LinkKeys.verify(proof, .follower, code: testCode, role: .follower, followerNonce: f, presenterNonce: LinkKeys.nonce()),
                       "a proof recorded in one session is refused in another")
    }

    private func body(_ parts: [ByteBuffer]) -> [UInt8] {
        var all: [UInt8] = []
        for var part in parts { all += part.readBytes(length: part.readableBytes)! }
        return Array(all.dropFirst(4))
    }

    func testSealedMessagesOpenOnceInOrderAndNotWhenTampered() {
        let keys = LinkKeys(code: testCode, followerNonce: LinkKeys.nonce(), presenterNonce: LinkKeys.nonce())
        var sealer = MessageSealer(key: keys.toFollower)
        let allocator = ByteBufferAllocator()
        let first = body(sealer.seal(.state, ByteBuffer(bytes: [1, 2, 3]), allocator: allocator))
        let second = body(sealer.seal(.state, ByteBuffer(bytes: [4]), allocator: allocator))

        var opener = MessageOpener(key: keys.toFollower)
        XCTAssertNil(opener.open(second), "the second message before the first is refused (reordered or dropped)")
        XCTAssertEqual(opener.open(first).map { Array($0.1) }, [1, 2, 3])
        XCTAssertNil(opener.open(first), "a replayed message is refused")
        var tampered = second
        tampered[10] ^= 1
        XCTAssertNil(opener.open(tampered), "a changed payload fails its tag")
        XCTAssertEqual(opener.open(second).map { Array($0.1) }, [4])

        var wrongDirection = MessageOpener(key: keys.toPresenter)
        XCTAssertNil(wrongDirection.open(first), "the presenter's messages do not open with the follower's key")
    }

    func testHelloTellsAnotherVersionFromGarbage() {
        var hello = Hello(version: linkProtocolVersion, role: .speaker, wantsFolder: true, nonce: LinkKeys.nonce())
        XCTAssertEqual(try? Hello.parse(hello.body).get(), hello)
        hello.version = 2
        XCTAssertEqual(Hello.parse(hello.body).failure, .unsupportedVersion)
        XCTAssertEqual(Hello.parse(Array("GET / HTTP/1.1\r\n".utf8)).failure, .malformed)
        XCTAssertEqual(Hello.parse(Array(hello.body.dropLast())).failure, .unsupportedVersion)
    }

    func testEveryReasonHasASentenceInBothLanguagesAndTheRejectFrameCarriesBoth() {
        for reason in RejectReason.allCases {
            XCTAssertFalse(reason.text(.vi).isEmpty)
            XCTAssertNotEqual(reason.text(.vi), reason.text(.en), "\(reason) has a Vietnamese sentence of its own")
            let text = String(decoding: RejectFrame(reason: reason).body.dropFirst(4), as: UTF8.self)
            XCTAssertTrue(text.contains(reason.text(.vi)) && text.contains(reason.text(.en)), text)
            XCTAssertEqual(RejectFrame.parse(RejectFrame(reason: reason).body)?.reason, reason)
        }
    }

    func testFolderMessagesOnlyNameFilesOfTheLayout() {
        XCTAssertTrue(FolderFiles.isAllowed("meeting.yaml"))
        XCTAssertTrue(FolderFiles.isAllowed("provinces/đà-nẵng.yaml"))
        for bad in ["../etc/passwd", "provinces/../x", "provinces/.hidden", "provinces/a/b", "/etc/passwd",
                    "provinces/", "notes.txt", "provinces/a\u{1B}[2J"] {
            XCTAssertFalse(FolderFiles.isAllowed(bad), bad)
        }
        let files = FolderFiles(files: [.init(path: "meeting.yaml", bytes: Array("a: 1".utf8)),
                                        .init(path: "provinces/hue.yaml", bytes: [1, 2])])
        XCTAssertEqual(FolderFiles.decode(files.encoded[...]), files)
        // A file the layout does not allow is left out and said; the rest is taken (issue 28, item 14).
        let evil = FolderFiles(files: [.init(path: "provinces/../../x", bytes: [1]), .init(path: "meeting.yaml", bytes: [2])])
        let taken = FolderFiles.decode(evil.encoded[...])
        XCTAssertEqual(taken?.files.map(\.path), ["meeting.yaml"], "a path leaving the folder is never taken")
        XCTAssertEqual(taken?.left, [.init(path: "provinces/../../x", reason: .badName)])
        let twice = FolderFiles(files: [.init(path: "meeting.yaml", bytes: [1]), .init(path: "meeting.yaml", bytes: [2])])
        XCTAssertEqual(FolderFiles.decode(twice.encoded[...])?.files.count, 1, "a file named twice is taken once")
        XCTAssertNil(FolderFiles.decode(files.encoded.dropLast()), "a cut message is refused")
    }

    func testFingerprintChangesWithAnyByteOrName() {
        let a = FolderFiles(files: [.init(path: "meeting.yaml", bytes: [1, 2])])
        let b = FolderFiles(files: [.init(path: "meeting.yaml", bytes: [1, 3])])
        let c = FolderFiles(files: [.init(path: "meeting.yml", bytes: [1, 2])])
        XCTAssertEqual(a.fingerprint.count, 64)
        XCTAssertEqual(Set([a.fingerprint, b.fingerprint, c.fingerprint]).count, 3)
    }

    func testFailedAttemptsArePerAddressPerMinuteAndTheTableIsBounded() {
        var limiter = AttemptLimiter(limit: 3, window: 60, overallLimit: 1_000_000, maxAddresses: 100)
        for t in 0..<3 { limiter.recordFailure("10.0.0.5", now: Double(t)) }
        XCTAssertEqual(limiter.refusal("10.0.0.5", now: 10), .tooManyAttempts)
        XCTAssertNil(limiter.refusal("10.0.0.6", now: 10), "another address is not punished")
        XCTAssertNil(limiter.refusal("10.0.0.5", now: 60.5), "the oldest failure aged out after a minute")
        for i in 0..<10_000 { limiter.recordFailure("10.1.\(i / 256).\(i % 256)", now: 100) }
        XCTAssertLessThanOrEqual(limiter.trackedAddresses, 100)
    }

    func testWrongCodesFromAllAddressesTogetherAreLimitedToo() {
        var limiter = AttemptLimiter(limit: 5, window: 60, overallLimit: 60)
        for i in 0..<60 { limiter.recordFailure("127.0.0.\(i + 1)", now: 1) }
        XCTAssertEqual(limiter.refusal("127.0.0.200", now: 2), .tooManyAttemptsInRoom, "a fresh address gains nothing")
        XCTAssertFalse(RejectReason.tooManyAttemptsInRoom.isFinal, "an innocent follower tries again by itself")
        XCTAssertNil(limiter.refusal("127.0.0.200", now: 61.5), "a minute later the room takes guesses again")
        XCTAssertEqual(limiter.trackedAddresses, 0, "and holds no address any more")
    }

    func testAnIPv6SourceIsItsSlash64() {
        XCTAssertEqual(AttemptLimiter.source(of: "2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64")
        XCTAssertEqual(AttemptLimiter.source(of: "2001:db8:1:2:bbbb:cccc:dddd:eeee"), "2001:db8:1:2::/64")
        XCTAssertEqual(AttemptLimiter.source(of: "::ffff:10.0.0.7"), "10.0.0.7")
        XCTAssertEqual(AttemptLimiter.source(of: "10.0.0.7"), "10.0.0.7")
        var limiter = AttemptLimiter(limit: 2, window: 60)
        limiter.recordFailure("2001:db8:1:2::a", now: 0)
        limiter.recordFailure("2001:db8:1:2::b", now: 0)
        XCTAssertEqual(limiter.refusal("2001:db8:1:2::c", now: 1), .tooManyAttempts, "another address of the /64 is the same source")
        XCTAssertNil(limiter.refusal("2001:db8:1:3::c", now: 1))
    }

    func testRejectionsAreSaidAtMostAboutOnceASecond() {
        var log = RejectionLog(interval: 1)
        XCTAssertEqual(log.record(address: "a", reason: .wrongCode, now: 0)?.count, 1, "the first is said at once")
        for i in 0..<999 { XCTAssertNil(log.record(address: "b", reason: .wrongCode, now: 0.001 * Double(i))) }
        XCTAssertNil(log.flush(now: 0.5))
        XCTAssertEqual(log.flush(now: 1.0), RejectionLog.Summary(count: 999, address: "b", reason: .wrongCode))
        XCTAssertNil(log.flush(now: 3))
    }

    func testBackoffDoublesToEightSecondsWithSpread() {
        var backoff = Backoff()
        let delays = (0..<7).map { _ in backoff.next(unit: 0) }
        XCTAssertEqual(delays, [0.5, 1, 2, 4, 8, 8, 8])
        XCTAssertEqual(backoff.next(unit: 1), 6, "a quarter of spread at most")
        backoff.reset()
        XCTAssertEqual(backoff.next(unit: 0), 0.5)
    }

    func testShareRoundTripsAndOnlyTimeMovingIsNoChange() throws {
        var a = share(1, slide: .panel(province: "da-nang", topic: "smart-city"))
        a.activeTopic = "smart-city"
        a.runningFor = 12.5
        let back = try JSONDecoder().decode(PresenterShare.self, from: JSONEncoder().encode(a))
        XCTAssertEqual(back, a)
        var later = a
        later.runningFor = 14
        later.revision = 2
        XCTAssertFalse(later.differs(from: a), "the countdown moving is not a change to send at once")
        later.paused = true
        XCTAssertTrue(later.differs(from: a))
        let timer = a.timer(receivedAt: 100)
        XCTAssertEqual(timer.elapsed("smart-city", now: 101), 13.5, accuracy: 1e-9)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
