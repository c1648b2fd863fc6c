import CioDashApp
import CioDashRender
import NIOPosix
import XCTest
@testable import CioDashNet

/// The room at its limit: 200 followers on one presenter (in process, on loopback), 100 slide
/// changes. What is asserted is correctness, with timeouts generous enough for a loaded 2-core
/// machine: every follower ends on the presenter's last state, and none ever goes back to an older
/// one. (How fast it gets there is measured in Benchmarks/, not here.)
final class LoadTests: XCTestCase {
    func testTwoHundredFollowersAllReceiveTheFinalStateOfAHundredSlideChanges() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        server.publish(share(0, slide: .agenda))

        // Test clients share two threads: 200 event loops would be 200 threads on two cores.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        defer { try? group.syncShutdownGracefully() }
        let probes = (0..<200).map { _ in
            FollowerProbe(FollowerClient(target: .init(host: "127.0.0.1", port: port, code: testCode, wantsFolder: false),
                                         group: group))
        }
        probes.forEach { $0.client.start() }
        defer { probes.forEach { $0.client.stop() } }
        XCTAssertTrue(eventually(timeout: 120) { server.followerCount() == 200 },
                      "all 200 join: \(server.followerCount()) did")
        XCTAssertTrue(eventually(timeout: 60) { probes.allSatisfy { $0.lastState != nil } },
                      "each has the state on joining: \(probes.filter { $0.lastState == nil }.count) have not")

        // A hundred changes as fast as the presenter's thread makes them; the last is the closing slide.
        let slides: [ViewID] = [.overview, .topic("smart-city"), .panel(province: "da-nang", topic: "smart-city"),
                                .topic("digital-signatures")]
        for revision in 1...100 {
            server.publish(share(UInt64(revision), slide: revision == 100 ? .closing : slides[revision % slides.count]))
        }
        let final = { (probe: FollowerProbe) in probe.lastState?.revision == 100 && probe.lastState?.slide == .closing }
        XCTAssertTrue(eventually(timeout: 60) { probes.allSatisfy(final) },
                      "every follower shows revision 100, the closing slide: \(probes.filter { !final($0) }.count) do not")

        for (i, probe) in probes.enumerated() {
            var revisions: [UInt64] = []
            for case .state(let state, _) in probe.poll() { revisions.append(state.revision) }
            // (The heartbeat repeats the latest revision, so equal neighbours are expected.)
            XCTAssertEqual(revisions, revisions.sorted(), "follower \(i) never goes back to an older state")
        }
        XCTAssertEqual(server.followerCount(), 200, "nobody was dropped")
    }
}
