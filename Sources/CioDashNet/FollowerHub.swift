import CioDashApp
import CioDashCore
import Foundation
import NIOCore

/// The presenter's fan-out: every joined follower, the latest state and folder, the handshake
/// count, the wrong-code limiter and the rejection log. It lives on the server's one event loop,
/// and is touched only there (`preconditionInEventLoop`), so it needs no locks.
final class FollowerHub: @unchecked Sendable {
    let settings: ShareSettings
    let loop: EventLoop
    let inbox: NetInbox<PresenterLinkEvent>

    /// One joined follower. Each follower's queue holds at most the latest state and the latest
    /// folder: while its socket is full, a newer state replaces the one waiting.
    final class Link {
        let channel: Channel
        let role: LinkRole
        let wantsFolder: Bool
        /// The follower asked for the earlier meetings too (hello flag 2).
        let wantsEarlier: Bool
        var sealer: MessageSealer
        var lastHeard: Double
        var waitingState: ByteBuffer?
        var waitingFolder: (SealedKind, ByteBuffer)?

        init(channel: Channel, role: LinkRole, wantsFolder: Bool, wantsEarlier: Bool = false, sealer: MessageSealer, now: Double) {
            self.channel = channel
            self.role = role
            self.wantsFolder = wantsFolder
            self.wantsEarlier = wantsEarlier
            self.sealer = sealer
            lastHeard = now
        }
    }

    private(set) var links: [ObjectIdentifier: Link] = [:]
    /// Connections in their handshake, oldest first.
    private var pending: [Channel] = []
    private var state: ByteBuffer?
    private var folder: (kind: SealedKind, plain: ByteBuffer, withEarlier: ByteBuffer)?
    private var limiter: AttemptLimiter
    private var rejections = RejectionLog()
    private let allocator = ByteBufferAllocator()

    init(settings: ShareSettings, loop: EventLoop, inbox: NetInbox<PresenterLinkEvent>) {
        self.settings = settings
        self.loop = loop
        self.inbox = inbox
        limiter = AttemptLimiter(limit: settings.failureLimit, window: settings.failureWindow,
                                 overallLimit: settings.overallFailureLimit)
    }

    var followerCount: Int { links.count }

    // MARK: Handshakes

    var handshakes: Int { pending.count }

    /// A new connection starts its handshake. When as many are in progress as allowed, the oldest
    /// gives way (told "busy"): a flood of idle connections cannot keep a real follower out, since a
    /// real handshake takes a round trip and the flood must open `maxHandshakes` more to evict it.
    func admit(_ channel: Channel) {
        loop.preconditionInEventLoop()
        if pending.count >= settings.maxHandshakes {
            let oldest = pending.removeFirst()
            refuse(oldest, address: oldest.remoteAddress?.ipAddress ?? "?", reason: .busy)
        }
        pending.append(channel)
    }

    func isHandshaking(_ channel: Channel) -> Bool { pending.contains { $0 === channel } }

    func handshakeEnded(_ channel: Channel) {
        if let i = pending.firstIndex(where: { $0 === channel }) { pending.remove(at: i) }
    }

    /// Checks a hello before the presenter spends a nonce on it.
    func screen(_ hello: Hello, from address: String, isLoopback: Bool) -> RejectReason? {
        if let reason = attemptRefusal(from: address) { return reason }
        if links.count >= settings.maxFollowers { return .full }
        if hello.role == .speaker && !isLoopback { return .speakerNotLocal }
        return nil
    }

    /// Asked just before a proof is checked: whether the limits still allow a guess from `address`.
    func attemptRefusal(from address: String) -> RejectReason? {
        limiter.refusal(address, now: LinkClock.now()).map(RejectReason.init)
    }

    func wrongCode(from address: String) {
        limiter.recordFailure(address, now: LinkClock.now())
    }

    var limiterAddresses: Int { limiter.trackedAddresses }

    /// Refuses a peer: the reason on the wire, then the connection closed; the status line is told.
    func refuse(_ channel: Channel, address: String, reason: RejectReason) {
        let frame = FrameDecoder.frame(RejectFrame(reason: reason).body, allocator: allocator)
        channel.writeAndFlush(frame).whenComplete { _ in channel.close(promise: nil) }
        // A peer that never reads must not keep the socket: it is closed in any case shortly after.
        loop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
        if let summary = rejections.record(address: address, reason: reason, now: LinkClock.now()) {
            inbox.post(.rejected(summary))
        }
    }

    // MARK: Followers

    func join(_ link: Link) {
        loop.preconditionInEventLoop()
        links[ObjectIdentifier(link.channel)] = link
        inbox.post(.followers(links.count))
        if link.wantsFolder, let folder { link.waitingFolder = (folder.kind, link.wantsEarlier ? folder.withEarlier : folder.plain) }
        link.waitingState = state
        flush(link)
    }

    func leave(_ channel: Channel) {
        guard links.removeValue(forKey: ObjectIdentifier(channel)) != nil else { return }
        inbox.post(.followers(links.count))
    }

    func link(for channel: Channel) -> Link? { links[ObjectIdentifier(channel)] }

    /// A new state for everyone (or the same again, as the heartbeat).
    func publish(state payload: ByteBuffer) {
        loop.preconditionInEventLoop()
        state = payload
        for link in links.values {
            link.waitingState = payload
            flush(link)
        }
    }

    /// New folder files (or word that they are too large) for followers without their own copy.
    func publish(folder kind: SealedKind, _ payload: ByteBuffer, withEarlier: ByteBuffer? = nil) {
        loop.preconditionInEventLoop()
        folder = (kind, payload, withEarlier ?? payload)
        for link in links.values where link.wantsFolder {
            link.waitingFolder = (kind, link.wantsEarlier ? withEarlier ?? payload : payload)
            flush(link)
        }
    }

    /// Writes what waits for `link` while its socket takes it; the rest stays (latest only) until
    /// the channel is writable again.
    func flush(_ link: Link) {
        guard link.channel.isWritable else { return }
        var wrote = false
        if let (kind, payload) = link.waitingFolder {
            link.waitingFolder = nil
            write(link, kind, payload)
            wrote = true
        }
        if link.channel.isWritable, let payload = link.waitingState {
            link.waitingState = nil
            write(link, .state, payload)
            wrote = true
        }
        if wrote { link.channel.flush() }
    }

    private func write(_ link: Link, _ kind: SealedKind, _ payload: ByteBuffer) {
        for part in link.sealer.seal(kind, payload, allocator: allocator) {
            link.channel.write(part, promise: nil)
        }
    }

    /// Every second: rejections held back, and followers gone silent (half-open links).
    func everySecond() {
        if let summary = rejections.flush(now: LinkClock.now()) { inbox.post(.rejected(summary)) }
        let now = LinkClock.now()
        for link in links.values where now - link.lastHeard > settings.silenceLimit {
            refuse(link.channel, address: link.channel.remoteAddress?.ipAddress ?? "?", reason: .silent)
            leave(link.channel)
        }
    }

    /// Says goodbye to every follower, so they can say the presenter left rather than "link lost".
    func goodbye() -> EventLoopFuture<Void> {
        let futures = links.values.map { link -> EventLoopFuture<Void> in
            let parts = link.sealer.seal(.bye, allocator.buffer(capacity: 0), allocator: allocator)
            parts.dropLast().forEach { link.channel.write($0, promise: nil) }
            return link.channel.writeAndFlush(parts.last!).flatMap { link.channel.close() }
        }
        links.removeAll()
        return EventLoopFuture.andAllComplete(futures, on: loop)
    }
}
