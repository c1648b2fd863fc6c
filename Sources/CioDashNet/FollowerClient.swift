import CioDashApp
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A follower's side of the room link: connects to the presenter, proves the code and checks the
/// presenter's proof, then turns what arrives into `FollowerLinkEvent`s in `inbox`. When the link
/// drops it tries again by itself with `Backoff`, and stops only for a final refusal or `stop()`.
public final class FollowerClient: @unchecked Sendable {
    public struct Target: Sendable {
        public var host: String
        public var port: Int
        public var code: RoomCode
        public var role: LinkRole
        public var wantsFolder: Bool
        /// With the folder, the earlier meetings of its `previous:` chain (default: when it wants the folder).
        public var wantsEarlier: Bool
        /// Local address to connect from (tests use other loopback addresses); nil: any.
        public var localAddress: String?

        public init(host: String, port: Int, code: RoomCode, role: LinkRole = .follower, wantsFolder: Bool,
                    wantsEarlier: Bool? = nil, localAddress: String? = nil) {
            self.host = host
            self.port = port
            self.code = code
            self.role = role
            self.wantsFolder = wantsFolder
            self.wantsEarlier = wantsEarlier ?? wantsFolder
            self.localAddress = localAddress
        }
    }

    public let target: Target
    public let inbox = NetInbox<FollowerLinkEvent>()
    private let group: EventLoopGroup
    private let ownsGroup: Bool
    private let loop: EventLoop
    // Touched on `loop` only.
    private var backoff = Backoff()
    private var attempts = 0
    private var channel: Channel?
    private var stopped = false
    private var retry: Scheduled<Void>?
    private let stopOnce = NIOLockedValueBox(false)

    /// The largest message a presenter may send: the folder at its cap, with room for names.
    static let maxInbound = FolderFiles.maxTotalBytes + FolderFiles.maxFiles * 300 + 64

    /// Pings at this interval; a presenter silent for `silenceLimit` is taken as gone.
    static let pingInterval = 3.0
    static let silenceLimit = 10.0

    /// `group`: share one among many clients (the load test); nil: a thread of its own.
    public init(target: Target, group: EventLoopGroup? = nil) {
        self.target = target
        self.group = group ?? MultiThreadedEventLoopGroup(numberOfThreads: 1)
        ownsGroup = group == nil
        loop = self.group.next()
    }

    public func start() {
        loop.execute { self.connect() }
    }

    /// Sends a speaker command (dropped when not joined).
    public func send(_ command: SpeakerCommand) {
        loop.execute {
            self.channel?.pipeline.handler(type: FollowerConnection.self).whenSuccess { $0.send(.command, [command.rawValue]) }
        }
    }

    /// Whether the client gave up for good (a final refusal, or `stop()`): it will not try again.
    public var hasStoppedTrying: Bool {
        (try? loop.submit { self.stopped && self.channel == nil }.wait()) ?? true
    }

    /// Closes the link and stops trying. Once: later calls do nothing (the loop may be gone).
    public func stop() {
        guard stopOnce.withLockedValue({ (done: inout Bool) -> Bool in defer { done = true }; return !done }) else { return }
        try? loop.submit {
            self.stopped = true
            self.retry?.cancel()
            self.channel?.close(promise: nil)
        }.wait()
        if ownsGroup { try? group.syncShutdownGracefully() }
    }

    private func connect() {
        guard !stopped else { return }
        attempts += 1
        let outcome = LinkOutcome()
        var bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.seconds(3))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [target, inbox] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxBody: Self.maxInbound)))
                    try channel.pipeline.syncOperations.addHandler(FollowerConnection(target: target, inbox: inbox, outcome: outcome))
                }
            }
        if let local = target.localAddress, let address = try? SocketAddress(ipAddress: local, port: 0) {
            bootstrap = bootstrap.bind(to: address)
        }
        bootstrap.connect(host: target.host, port: target.port).whenComplete { result in
            switch result {
            case .success(let channel):
                self.channel = channel
                channel.closeFuture.whenComplete { _ in self.closed(outcome) }
            case .failure:
                self.scheduleRetry()
            }
        }
    }

    private func closed(_ outcome: LinkOutcome) {
        channel = nil
        if outcome.joined { backoff.reset(); attempts = 0 }
        if outcome.finalRefusal { stopped = true; return }
        scheduleRetry()
    }

    private func scheduleRetry() {
        guard !stopped else { return }
        let delay = backoff.next()
        inbox.post(.waiting(attempt: attempts, after: delay))
        retry = loop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) { self.connect() }
    }
}

/// What one connection came to, read by the client when it closes (both on the client's loop).
final class LinkOutcome: @unchecked Sendable {
    var joined = false
    var finalRefusal = false
}
