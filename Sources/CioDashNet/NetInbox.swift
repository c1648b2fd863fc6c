import NIOConcurrencyHelpers

/// Events from the network's threads to the terminal's (main) thread, which takes them between
/// keys. Unbounded in type but not in use: each side puts at most a handful per frame it receives
/// or per second (rejections are summarised by `RejectionLog`), and the runner drains it each tick.
public final class NetInbox<Event: Sendable>: Sendable {
    private let events = NIOLockedValueBox<[Event]>([])

    public init() {}

    public func post(_ event: Event) {
        events.withLockedValue { $0.append(event) }
    }

    /// Everything posted since the last call, oldest first.
    public func drain() -> [Event] {
        events.withLockedValue { taken in
            defer { taken.removeAll(keepingCapacity: true) }
            return taken
        }
    }
}
