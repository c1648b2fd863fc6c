import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import Foundation
import Glibc
import NIOPosix

/// The meeting room on loopback, in process: a PresenterServer and `followers` FollowerClients (test
/// clients sharing two event-loop threads, as 200 terminals could not be run here). `change()`
/// publishes the presenter's next slide and waits until every follower has decoded it, woken by
/// its inbox's pipe as the follower's screen loop is; `changeToFrame()` also draws follower 0's
/// frame at 80×24 from it, as `ciodash follow` would.
public final class RoomLatency {
    public let followers: Int
    private let server: PresenterServer
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    private let clients: [FollowerClient]
    private var presenter: AppState
    private var follower: AppState
    private let bodies = ViewBodyCache()
    private var revision: UInt64 = 0
    private var fds: [pollfd]
    private let presenterBodies = ViewBodyCache()
    private var previousGrid: Grid?
    private var keys = 0
    private var forward = true

    public init(meeting: Meeting, followers: Int) throws {
        self.followers = followers
        let code = try RoomCode(typed: "BENCH-ROOM-1")
        var settings = ShareSettings(host: "127.0.0.1", port: 0, code: code)
        settings.maxFollowers = max(200, followers)
        server = PresenterServer(settings: settings)
        let port = try server.start()
        let group = self.group
        clients = (0..<followers).map { _ in
            FollowerClient(target: .init(host: "127.0.0.1", port: port, code: code, wantsFolder: false), group: group)
        }
        fds = clients.map { pollfd(fd: $0.inbox.wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0) }
        presenter = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: .init(now: 0, wall: "08:00"))
        follower = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: .init(now: 0, wall: "08:00"))
        follower.follow = FollowState(presenter: "127.0.0.1", ownFingerprint: nil)
        clients.forEach { $0.start() }
        let end = Date().addingTimeInterval(120)
        while server.followerCount() < followers && Date() < end { usleep(10_000) }
        guard server.followerCount() == followers else {
            throw BenchmarkDataError(message: "only \(server.followerCount()) of \(followers) followers joined")
        }
        change()
    }

    deinit {
        clients.forEach { $0.stop() }
        server.stop()
        try? group.syncShutdownGracefully()
    }

    /// The presenter's next slide, back and forth through the deck (→ to the closing slide, then ←),
    /// so that every step changes what followers see.
    private func step() {
        if presenter.navigation.view == .closing { forward = false }
        if presenter.navigation.view == .agenda { forward = true }
        presenter = AppCore.update(presenter, .key(forward ? .right : .left)).0
    }

    /// The presenter moves one slide on (its key, as the app core takes it) and publishes its state.
    private func publish() -> UInt64 {
        step()
        revision += 1
        server.publish(PresenterShare(presenter, revision: revision, fingerprint: "bench"))
        return revision
    }

    /// Waits until follower `i` (all when nil) has decoded `wanted`; the last state follower 0 got.
    private func wait(for wanted: UInt64, only: Int?) -> (PresenterShare, Double)? {
        var pending = Set(only.map { [$0] } ?? Array(clients.indices))
        var first: (PresenterShare, Double)?
        while !pending.isEmpty {
            _ = poll(&fds, nfds_t(fds.count), 1000)
            for i in pending where fds[i].revents != 0 || only != nil {
                for case .state(let share, let at) in clients[i].inbox.drain() where share.revision >= wanted {
                    pending.remove(i)
                    if i == 0 { first = (share, at) }
                }
            }
        }
        return first
    }

    /// The presenter's key while the followers are attached, as its loop does it: the key through
    /// the app core, the 240×70 frame and its changed cells, the state published. Nothing waits for
    /// the followers; their threads take the CPU they need meanwhile, as they would.
    public func presenterKey() -> Int {
        step()
        let grid = presenter.frame(width: 240, height: 70, cache: presenterBodies).grid
        let changed = changedCells(previousGrid, grid)
        previousGrid = grid
        revision += 1
        server.publish(PresenterShare(presenter, revision: revision, fingerprint: "bench"))
        keys += 1
        // The followers' inboxes are emptied now and then, as their own loops would.
        if keys % 50 == 0 { clients.forEach { _ = $0.inbox.drain() } }
        return changed
    }

    /// State change → every follower has decoded it.
    public func change() {
        _ = wait(for: publish(), only: nil)
    }

    /// State change → follower 0 has decoded it and drawn its 80×24 frame (the others receive it too).
    public func changeToFrame() -> Int {
        guard let (share, at) = wait(for: publish(), only: 0) else { return 0 }
        follower = AppCore.update(follower, .remote(.presenterState(share, receivedAt: at))).0
        return follower.frame(width: 80, height: 24, cache: bodies).grid.cells.count
    }
}
