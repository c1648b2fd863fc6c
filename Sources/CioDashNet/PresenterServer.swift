import CioDashApp
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The presenter's side of the room link: listens, runs every handshake and fan-out on one event
/// loop thread of its own, and hears from the terminal's thread only through `publish`. What it
/// has to say goes into `inbox`, which the runner drains between keys.
public final class PresenterServer: @unchecked Sendable {
    public let settings: ShareSettings
    public let inbox = NetInbox<PresenterLinkEvent>()
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let hub: FollowerHub
    private var channel: Channel?
    private var timers: [RepeatedTask] = []
    /// The last state published (terminal thread only), for the heartbeat and for `differs`.
    private var lastShare: PresenterShare?
    private let encoder = JSONEncoder()
    private let stopOnce = NIOLockedValueBox(false)

    /// The most bytes a follower's message may have (pings and commands are a few dozen).
    static let maxInbound = 4096

    public init(settings: ShareSettings) {
        self.settings = settings
        hub = FollowerHub(settings: settings, loop: group.next(), inbox: inbox)
    }

    /// Binds and starts listening; the port actually bound (useful with port 0).
    @discardableResult
    public func start() throws -> Int {
        let hub = self.hub
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // Low marks: a follower that stops reading holds at most this much, plus the latest state.
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 16 << 10, high: 64 << 10))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxBody: Self.maxInbound)))
                    try channel.pipeline.syncOperations.addHandler(PresenterConnection(hub: hub))
                }
            }
        let bound = try bootstrap.bind(host: settings.host, port: settings.port).wait()
        channel = bound
        let loop = hub.loop
        timers.append(loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in hub.everySecond() })
        let beat = TimeAmount.milliseconds(Int64(settings.heartbeat * 1000))
        timers.append(loop.scheduleRepeatedTask(initialDelay: beat, delay: beat) { [weak self] _ in
            self?.resendLatest()
        })
        return bound.localAddress?.port ?? settings.port
    }

    /// The presenter's state (terminal thread). Sent at once when a follower would see a
    /// difference; otherwise kept for the next heartbeat.
    public func publish(_ share: PresenterShare) {
        let changed = lastShare.map { share.differs(from: $0) } ?? true
        lastShare = share
        latest.withLockedValue { $0 = (share, LinkClock.now()) }
        guard changed else { return }
        send(share)
    }

    /// The folder's files for followers without a copy (terminal thread); nil when it is too large.
    /// Followers that asked for the earlier meetings get them among the files (`FolderFiles.earlierFiles`).
    public func publish(folder: FolderFiles?) {
        let hub = self.hub
        let payload = ByteBuffer(bytes: folder?.encoded(withEarlier: false) ?? [])
        let withEarlier = folder.flatMap { $0.earlierFiles.isEmpty ? nil : ByteBuffer(bytes: $0.encoded(withEarlier: true)) } ?? payload
        hub.loop.execute { hub.publish(folder: folder == nil ? .folderUnavailable : .folder, payload, withEarlier: withEarlier) }
    }

    /// The latest state and when it was sent: shared by the terminal thread and the loop's heartbeat.
    private let latest = NIOLockedValueBox<(share: PresenterShare, at: Double)?>(nil)

    private func send(_ share: PresenterShare) {
        guard let json = try? encoder.encode(share) else { return }
        let hub = self.hub
        let payload = ByteBuffer(bytes: json)
        hub.loop.execute { hub.publish(state: payload) }
    }

    /// The heartbeat: the latest state again, its running time brought up to now.
    private func resendLatest() {
        guard let (sent, at) = latest.withLockedValue({ $0 }) else { return }
        var share = sent
        share.runningFor = sent.runningFor.map { $0 + (LinkClock.now() - at) }
        guard let json = try? JSONEncoder().encode(share) else { return }
        hub.publish(state: ByteBuffer(bytes: json))
    }

    /// Joined followers now (a snapshot from the loop; for tests and the `i` screen).
    public func followerCount() -> Int {
        (try? hub.loop.submit { self.hub.followerCount }.wait()) ?? 0
    }

    /// Connections in their handshake and addresses the limiter remembers (for the bounds tests).
    func bounds() -> (handshakes: Int, limiterAddresses: Int) {
        (try? hub.loop.submit { (self.hub.handshakes, self.hub.limiterAddresses) }.wait()) ?? (0, 0)
    }

    /// Bytes waiting in each follower's socket buffer and queue (for the slow-follower test).
    func bufferedBytes() -> [Int] {
        let hub = self.hub
        let future = hub.loop.flatSubmit { () -> EventLoopFuture<[Int]> in
            let links = Array(hub.links.values)
            let futures = links.map { link in
                link.channel.getOption(.bufferedWritableBytes).map { bytes in
                    bytes + (link.waitingState?.readableBytes ?? 0) + (link.waitingFolder?.1.readableBytes ?? 0)
                }
            }
            return EventLoopFuture.whenAllSucceed(futures, on: hub.loop)
        }
        return (try? future.wait()) ?? []
    }

    /// Tells every follower the presenter is leaving, stops listening and ends the loop thread.
    /// Once: later calls do nothing.
    public func stop() {
        guard stopOnce.withLockedValue({ (done: inout Bool) -> Bool in defer { done = true }; return !done }) else { return }
        let hub = self.hub
        timers.forEach { $0.cancel() }
        _ = try? hub.loop.flatSubmit { hub.goodbye() }.wait()
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }
}
