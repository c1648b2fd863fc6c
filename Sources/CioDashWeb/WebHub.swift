import CioDashApp
import CioDashCore
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// What the web side tells the presenter's terminal thread.
public enum WebLinkEvent: Sendable, Equatable {
    /// Event streams open now (a delegate's browser each, while its page is open).
    case viewers(Int)
    /// Browsers refused since the last such event, summarised to about one a second.
    case refused(WebRefusalSummary)
    /// The units (province ids) browsers announced, with how many browsers each (`/attend`).
    case announced([String: Int])
}

/// The web side's state, on its one event loop only (no locks): connections and their heads, the
/// token limiter, the event streams, the presenter's latest state and the content.
final class WebHub: @unchecked Sendable {
    let settings: WebSettings
    let loop: EventLoop
    let content: WebContent
    let events = NIOLockedValueBox<[WebLinkEvent]>([])
    private let allocator = ByteBufferAllocator()

    private(set) var connections = 0
    /// Connections whose head has not come yet, oldest first.
    private var pending: [Channel] = []
    private var limiter: AttemptLimiter
    private var refusals = WebRefusalLog()
    private(set) var viewers: [ObjectIdentifier: Channel] = [:]
    /// The unit each browser's source address announced; its own limiter (every announcement
    /// counts), so a script cannot churn the presenter's attendance line.
    private(set) var units: [String: String] = [:]
    private var announcements: AttemptLimiter
    /// The presenter's latest state and when it arrived (monotonic seconds).
    private var latest: (share: PresenterShare, at: Double)?
    /// The furthest deck index the projector has shown (for `noAhead`).
    private(set) var furthest = 0
    private var leaving = false

    init(settings: WebSettings, loop: EventLoop) {
        self.settings = settings
        self.loop = loop
        content = WebContent(capacity: settings.cacheEntries)
        limiter = AttemptLimiter(limit: settings.failureLimit, window: settings.failureWindow, overallLimit: settings.overallFailureLimit)
        announcements = AttemptLimiter(limit: settings.announcementLimit, window: settings.failureWindow,
                                       overallLimit: settings.announcementLimit * settings.maxViewers)
    }

    // MARK: Connections

    /// A new connection: refused when the server holds as many as it may; the oldest connection
    /// still sending its head gives way when too many are.
    func admit(_ channel: Channel) -> Bool {
        loop.preconditionInEventLoop()
        if connections >= settings.maxConnections || leaving {
            refuse(channel, .tooManyConnections, headOnly: false)
            return false
        }
        connections += 1
        if pending.count >= settings.maxPending {
            let oldest = pending.removeFirst()
            oldest.close(promise: nil)
            said(address(of: oldest), .tooManyConnections)
        }
        pending.append(channel)
        channel.closeFuture.whenComplete { [weak self] _ in self?.closed(channel) }
        return true
    }

    private func closed(_ channel: Channel) {
        connections -= 1
        headEnded(channel)
        if viewers.removeValue(forKey: ObjectIdentifier(channel)) != nil { post(.viewers(viewers.count)) }
    }

    func headEnded(_ channel: Channel) {
        if let i = pending.firstIndex(where: { $0 === channel }) { pending.remove(at: i) }
    }

    var pendingCount: Int { pending.count }

    func address(of channel: Channel) -> String { channel.remoteAddress?.ipAddress ?? "?" }

    /// Answers with the refusal's page and closes; the presenter hears of it (summarised).
    func refuse(_ channel: Channel, _ reason: WebRefusal, headOnly: Bool) {
        respond(channel, WebPages.refusal(reason), headOnly: headOnly)
        said(address(of: channel), reason)
    }

    func said(_ address: String, _ reason: WebRefusal) {
        guard reason.isSaid, let summary = refusals.record(address: address, reason: reason, now: WebClock.now()) else { return }
        post(.refused(summary))
    }

    /// Writes a whole response and closes; a peer that never reads is closed shortly after anyway.
    func respond(_ channel: Channel, _ response: WebResponse, headOnly: Bool) {
        channel.writeAndFlush(response.encoded(headOnly: headOnly, allocator: allocator)).whenComplete { _ in
            channel.close(promise: nil)
        }
        loop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
    }

    func post(_ event: WebLinkEvent) {
        events.withLockedValue { events in
            // Only the latest viewer count and units matter; refusals are already summarised.
            if case .viewers = event, let i = events.lastIndex(where: { if case .viewers = $0 { return true }; return false }) {
                events.remove(at: i)
            }
            if case .announced = event, let i = events.lastIndex(where: { if case .announced = $0 { return true }; return false }) {
                events.remove(at: i)
            }
            events.append(event)
        }
    }

    // MARK: The token

    /// Whether `candidate` is the room's token; a wrong one counts against its address. Nil: let in.
    func check(token candidate: Substring, from address: String) -> WebRefusal? {
        let now = WebClock.now()
        if let refusal = limiter.refusal(address, now: now) { return WebRefusal(refusal) }
        guard ViewerToken.matches(candidate, settings.token) else {
            limiter.recordFailure(address, now: now)
            return .wrongToken
        }
        limiter.recordSuccess(address)
        return nil
    }

    var limiterAddresses: Int { limiter.trackedAddresses + limiter.admittedAddresses }

    // MARK: Attendance

    /// A browser (already past the token) says which unit it represents; "" takes it back. One
    /// unit per source address (a convenience, never an identity); the presenter hears the counts.
    func announce(unit: String, from address: String) -> WebRefusal? {
        let now = WebClock.now()
        guard unit.isEmpty || content.isUnit(unit) else { return .unknownUnit }
        if let refusal = announcements.refusal(address, now: now) {
            return refusal == .tooManyAttempts ? .tooManyAnnouncements : .tooManyAttemptsInRoom
        }
        announcements.recordFailure(address, now: now)
        let source = AttemptLimiter.source(of: address)
        if unit.isEmpty {
            units[source] = nil
        } else {
            if units[source] == nil && units.count >= settings.maxConnections { return .tooManyViewers }
            units[source] = unit
        }
        post(.announced(units.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }))
        return nil
    }

    // MARK: The stream

    /// A browser's event stream: the head, the reconnect delay, and the whole state at once.
    func watch(_ channel: Channel) {
        loop.preconditionInEventLoop()
        guard viewers.count < settings.maxViewers else {
            return refuse(channel, .tooManyViewers, headOnly: false)
        }
        viewers[ObjectIdentifier(channel)] = channel
        post(.viewers(viewers.count))
        var head = WebResponse.eventStreamHead(allocator: allocator)
        head.writeString("retry: 2000\n\n")
        channel.write(head, promise: nil)
        if let event = stateEvent() { channel.write(event, promise: nil) }
        channel.flush()
    }

    func publish(_ share: PresenterShare, at: Double) {
        loop.preconditionInEventLoop()
        let changed = latest.map { $0.share.revision != share.revision } ?? true
        latest = (share, at)
        if let index = content.deck?.index(of: share.slide) { furthest = max(furthest, index) }
        guard changed, let event = stateEvent() else { return }
        send(event)
    }

    func publish(meeting: Meeting, generation: Int) {
        loop.preconditionInEventLoop()
        content.replace(meeting: meeting, generation: generation)
        if let share = latest?.share, let index = content.deck?.index(of: share.slide) { furthest = max(furthest, index) }
        if let event = stateEvent() { send(event) }
    }

    /// To every stream; a browser whose socket already holds `viewerBuffer` bytes is dropped (it
    /// reconnects and gets the whole state), so the presenter never waits nor holds more.
    private func send(_ event: ByteBuffer) {
        for channel in viewers.values {
            guard channel.isWritable else {
                viewers[ObjectIdentifier(channel)] = nil
                post(.viewers(viewers.count))
                said(address(of: channel), .slowViewer)
                channel.close(promise: nil)
                continue
            }
            channel.writeAndFlush(event, promise: nil)
        }
    }

    /// `id: REVISION`, `event: state`, the whole state as JSON; its running time brought up to now.
    func stateEvent() -> ByteBuffer? {
        guard let (share, at) = latest else { return nil }
        struct State: Encodable {
            var view: String; var slide: Int; var slides: Int; var revision: UInt64; var generation: Int
            var spent: [String: Double]; var active: String?; var runningFor: Double?; var paused: Bool
            var furthest: Int; var noAhead: Bool
        }
        let state = State(view: WebContent.name(share.slide), slide: share.slideNumber, slides: share.slideCount,
                          revision: share.revision, generation: content.generation, spent: share.spent,
                          active: share.activeTopic, runningFor: share.runningFor.map { $0 + max(0, WebClock.now() - at) },
                          paused: share.paused, furthest: furthest, noAhead: settings.noAhead)
        guard let json = try? JSONEncoder().encode(state) else { return nil }
        var out = allocator.buffer(capacity: json.count + 40)
        out.writeString("id: \(share.revision)\nevent: state\ndata: ")
        out.writeBytes(json)
        out.writeString("\n\n")
        return out
    }

    /// Every `heartbeat`: a comment on every stream (a slow reader is dropped as for a state).
    func heartbeat() {
        var beat = allocator.buffer(capacity: 4)
        beat.writeString(":\n\n")
        send(beat)
    }

    func everySecond() {
        if let summary = refusals.flush(now: WebClock.now()) { post(.refused(summary)) }
    }

    /// The presenter quits: every stream is told, so its page can say so and keep the last slide.
    func goodbye() -> EventLoopFuture<Void> {
        leaving = true
        var bye = allocator.buffer(capacity: 32)
        bye.writeString("event: bye\ndata: {}\n\n")
        let futures = viewers.values.map { channel in
            channel.writeAndFlush(bye).flatMap { channel.close() }
        }
        viewers.removeAll()
        return EventLoopFuture.andAllComplete(futures, on: loop)
    }
}

enum WebClock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
