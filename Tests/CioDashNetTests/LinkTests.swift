import CioDashApp
import CioDashRender
import NIOPosix
import XCTest
@testable import CioDashNet

/// A presenter and followers on loopback: joining, the state, the folder, leaving and coming back.
final class LinkTests: XCTestCase {
    private func follower(_ port: Int, code: RoomCode = testCode, role: LinkRole = .follower,
                          wantsFolder: Bool = false, from local: String? = nil) -> FollowerProbe {
        let client = FollowerClient(target: .init(host: "127.0.0.1", port: port, code: code, role: role,
                                                  wantsFolder: wantsFolder, localAddress: local))
        client.start()
        return FollowerProbe(client)
    }

    func testAFollowerGetsTheStateOnJoiningAndOnEveryChange() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        server.publish(share(1, slide: .overview))
        let probe = follower(port)
        defer { probe.client.stop() }
        XCTAssertTrue(eventually { probe.lastState?.slide == .overview }, "the full state on joining: \(probe.poll())")
        XCTAssertTrue(probe.has(.joined))
        server.publish(share(2, slide: .topic("smart-city")))
        XCTAssertTrue(eventually { probe.lastState?.slide == .topic("smart-city") }, "the new state: \(probe.poll())")
        XCTAssertEqual(server.followerCount(), 1)
        XCTAssertTrue(eventually { server.inbox.drain().contains(.followers(1)) || server.followerCount() == 1 })
    }

    func testAWrongCodeIsRefusedAndTheFollowerStopsTrying() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        let probe = follower(port, code: try RoomCode(typed: "WRONG-CODE-1"))
        defer { probe.client.stop() }
        XCTAssertTrue(eventually { probe.refusal != nil })
        XCTAssertEqual(probe.refusal, .wrongCode)
        // Gave up once the refused connection closed: had it not, a retry would have been scheduled.
        XCTAssertTrue(eventually { probe.client.hasStoppedTrying }, "a wrong code is final")
        XCTAssertFalse(probe.poll().contains { if case .waiting = $0 { return true } else { return false } },
                       "a wrong code is final: no retry")
        XCTAssertTrue(eventually { server.inbox.drain().contains { if case .rejected(let s) = $0 { return s.reason == .wrongCode } else { return false } } })
    }

    func testAPresenterThatCannotProveTheCodeIsNotFollowed() throws {
        // The follower proves its code first; a presenter with another code cannot answer with the
        // right proof, so the follower says so (an impostor, or the wrong address) and stops.
        let impostor = PresenterServer(settings: testSettings(try RoomCode(typed: "OTHER-ROOM-9")))
        let port = try impostor.start()
        defer { impostor.stop() }
        let probe = follower(port)
        defer { probe.client.stop() }
        XCTAssertTrue(eventually { probe.refusal != nil })
        // The impostor refuses the proof first (wrong code for it): either way nothing is followed.
        XCTAssertEqual(probe.refusal, .wrongCode)
        XCTAssertNil(probe.lastState)
    }

    func testAFollowerWithoutAFolderGetsTheFilesAndTheirFingerprintMatches() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        let files = FolderFiles(files: [.init(path: "meeting.yaml", bytes: Array("format: ciodash/1\n".utf8)),
                                        .init(path: "provinces/hue.yaml", bytes: Array(repeating: 65, count: 300_000))])
        server.publish(folder: files)
        server.publish(share(1, fingerprint: files.fingerprint))
        let withCopy = follower(port)
        let without = follower(port, wantsFolder: true)
        defer { withCopy.client.stop(); without.client.stop() }
        XCTAssertTrue(eventually { without.poll().contains(.folder(files)) })
        // The state is a message of its own after the files: on a loaded machine it can be a poll later.
        XCTAssertTrue(eventually { without.lastState != nil })
        XCTAssertEqual(without.lastState?.fingerprint, files.fingerprint)
        XCTAssertTrue(eventually { withCopy.lastState != nil })
        XCTAssertFalse(withCopy.poll().contains { if case .folder = $0 { return true } else { return false } },
                       "a follower with its own copy is not sent the files")
        // A late file: the new files go to the follower without a copy.
        let late = FolderFiles(files: files.files + [.init(path: "provinces/da-nang.yaml", bytes: [1])])
        server.publish(folder: late)
        XCTAssertTrue(eventually { without.poll().contains(.folder(late)) })
    }

    func testFollowersAreToldThePresenterLeftAndFollowAgainWhenItRestarts() throws {
        var settings = testSettings()
        let first = PresenterServer(settings: settings)
        let port = try first.start()
        first.publish(share(5, slide: .overview))
        let probe = follower(port)
        defer { probe.client.stop() }
        XCTAssertTrue(eventually { probe.lastState?.revision == 5 })
        first.stop()
        XCTAssertTrue(eventually { probe.has(.presenterLeft) }, "\(probe.poll())")
        XCTAssertTrue(eventually { probe.poll().contains { if case .waiting = $0 { return true } else { return false } } },
                      "the follower tries again by itself")

        settings.port = port
        let second = PresenterServer(settings: settings)
        try second.start()
        defer { second.stop() }
        second.publish(share(1, slide: .closing))
        XCTAssertTrue(eventually(timeout: 12) { probe.lastState?.slide == .closing },
                      "a restarted presenter (revisions from 1 again) is followed: \(probe.poll().suffix(4))")
    }

    func testTheSpeakerViewDrivesThePresenterFromLoopback() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        let speaker = follower(port, role: .speaker)
        defer { speaker.client.stop() }
        XCTAssertTrue(eventually { speaker.has(.joined) })
        speaker.client.send(.nextSlide)
        speaker.client.send(.togglePause)
        var seen: [PresenterLinkEvent] = []
        XCTAssertTrue(eventually { seen += server.inbox.drain(); return seen.contains(.command(.togglePause)) })
        XCTAssertEqual(seen.filter { if case .command = $0 { return true } else { return false } },
                       [.command(.nextSlide), .command(.togglePause)])
    }

    func testAFollowersCommandsAreRefused() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        let delegate = follower(port)
        defer { delegate.client.stop() }
        XCTAssertTrue(eventually { delegate.has(.joined) })
        delegate.client.send(.nextSlide)
        XCTAssertTrue(eventually { delegate.has(.lost) }, "a follower that tries to drive is dropped")
        XCTAssertFalse(server.inbox.drain().contains(.command(.nextSlide)), "and its command never reaches the presenter")
    }

    func testLoopbackIsTheOnlyPlaceASpeakerViewIsAdmittedFrom() throws {
        XCTAssertTrue(PresenterConnection.isLoopback(try .init(ipAddress: "127.0.0.1", port: 1)))
        XCTAssertTrue(PresenterConnection.isLoopback(try .init(ipAddress: "127.4.5.6", port: 1)))
        XCTAssertTrue(PresenterConnection.isLoopback(try .init(ipAddress: "::1", port: 1)))
        XCTAssertFalse(PresenterConnection.isLoopback(try .init(ipAddress: "192.168.1.20", port: 1)))
        XCTAssertFalse(PresenterConnection.isLoopback(try .init(ipAddress: "::ffff:192.168.1.20", port: 1)))
    }

    func testTheHeartbeatBringsTheCountdownUpToThePresentersClock() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        var running = share(1, slide: .topic("smart-city"))
        running.activeTopic = "smart-city"
        running.runningFor = 10
        server.publish(running)
        let probe = follower(port)
        defer { probe.client.stop() }
        XCTAssertTrue(eventually { (probe.lastState?.runningFor ?? 0) > 10.4 }, "heartbeats carry the running time on")
    }
}
