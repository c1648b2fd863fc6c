import CioDashApp
import CioDashCore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Glibc

/// The presenter's web side (`present --share`, `--web`): the room in every browser. Listens on
/// its own event loop thread; hears from the terminal's thread only through `publish`, and what it
/// has to say waits in `drain` for the runner.
public final class WebServer: @unchecked Sendable {
    public let settings: WebSettings
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let hub: WebHub
    private var channel: Channel?
    private var timers: [RepeatedTask] = []
    private let stopOnce = NIOLockedValueBox(false)
    private var lastRevision: UInt64?
    private var generation: Int?

    public init(settings: WebSettings) {
        self.settings = settings
        hub = WebHub(settings: settings, loop: group.next())
    }

    /// Binds and listens; the port actually bound (useful with port 0).
    @discardableResult
    public func start() throws -> Int {
        let hub = self.hub, settings = self.settings
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // A stream that holds this much unread is dropped at the next event (`WebHub.send`).
            .childChannelOption(.writeBufferWaterMark, value: .init(low: settings.viewerBuffer / 2, high: settings.viewerBuffer))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard hub.admit(channel) else { return }
                    let gate = RequestHeadGate(maxRequestLine: settings.maxRequestLine, maxHead: settings.maxHead,
                                               deadline: .milliseconds(Int64(settings.headerDeadline * 1000))) { channel, refusal in
                        hub.headEnded(channel)
                        if let refusal { hub.said(hub.address(of: channel), refusal) }
                    }
                    try channel.pipeline.syncOperations.addHandler(gate)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                    try channel.pipeline.syncOperations.addHandler(WebConnection(hub: hub))
                }
            }
        let bound = try bootstrap.bind(host: settings.host, port: settings.port).wait()
        channel = bound
        // The presenter's screen comes first: on a 2-core laptop, 200 browsers' writes must not take
        // the CPU from the key being drawn (their budget is tens of milliseconds, the key's two). On Linux
        // the nice value is per thread, and `who` 0 is the calling thread: the loop's own.
        if settings.niceness > 0 { try? hub.loop.submit { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, settings.niceness) }.wait() }
        timers.append(hub.loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in hub.everySecond() })
        let beat = TimeAmount.milliseconds(Int64(settings.heartbeat * 1000))
        timers.append(hub.loop.scheduleRepeatedTask(initialDelay: beat, delay: beat) { _ in hub.heartbeat() })
        return bound.localAddress?.port ?? settings.port
    }

    /// The presenter's meeting after a (re)load, and its state after each round of events
    /// (terminal thread); only a new revision or generation goes to the loop.
    public func publish(meeting: Meeting, generation: Int) {
        guard generation != self.generation else { return }
        self.generation = generation
        let hub = self.hub
        hub.loop.execute { hub.publish(meeting: meeting, generation: generation) }
    }

    public func publish(_ share: PresenterShare) {
        guard share.revision != lastRevision else { return }
        lastRevision = share.revision
        let hub = self.hub, at = WebClock.now()
        hub.loop.execute { hub.publish(share, at: at) }
    }

    /// What happened since the last call (terminal thread).
    public func drain() -> [WebLinkEvent] {
        hub.events.withLockedValue { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }

    /// Streams open now (a snapshot from the loop; for tests and the benchmark).
    public func viewerCount() -> Int {
        (try? hub.loop.submit { self.hub.viewers.count }.wait()) ?? 0
    }

    /// Open connections, those still sending their head, and addresses the limiter remembers.
    func bounds() -> (connections: Int, pending: Int, limiterAddresses: Int) {
        (try? hub.loop.submit { (self.hub.connections, self.hub.pendingCount, self.hub.limiterAddresses) }.wait()) ?? (0, 0, 0)
    }

    /// Views made so far (not served from the cache).
    func viewsMade() -> Int { (try? hub.loop.submit { self.hub.content.made }.wait()) ?? 0 }

    /// Tells every browser the presenter is leaving, stops listening, ends the loop thread. Once.
    public func stop() {
        guard stopOnce.withLockedValue({ (done: inout Bool) -> Bool in defer { done = true }; return !done }) else { return }
        let hub = self.hub
        timers.forEach { $0.cancel() }
        _ = try? hub.loop.flatSubmit { hub.goodbye() }.wait()
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// The join address for `host`: upper case throughout, so a QR code holds it alphanumerically
    /// (the server takes the J either way, and the token is upper case).
    public static func joinURL(host: String, port: Int, token: String) -> String {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return "HTTP://\(authority)/J/\(token)".uppercased()
    }
}
