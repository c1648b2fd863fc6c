/// Rejected peers, said on the presenter's status line without flooding it: the first rejection
/// in a quiet second is said at once, later ones within `interval` are counted and said together.
public struct RejectionLog: Sendable {
    /// What the status line shows: how many peers, the latest address and reason.
    public struct Summary: Equatable, Sendable {
        public var count: Int
        public var address: String
        public var reason: RejectReason
    }

    let interval: Double
    private var lastSaid = -Double.infinity
    private var pending: Summary?

    public init(interval: Double = 1) { self.interval = interval }

    /// Records a rejection; answers with what to say now, if anything.
    public mutating func record(address: String, reason: RejectReason, now: Double) -> Summary? {
        if pending == nil && now - lastSaid >= interval {
            lastSaid = now
            return Summary(count: 1, address: address, reason: reason)
        }
        pending = Summary(count: (pending?.count ?? 0) + 1, address: address, reason: reason)
        return nil
    }

    /// The rejections held back, once `interval` has passed since the last thing said.
    public mutating func flush(now: Double) -> Summary? {
        guard let p = pending, now - lastSaid >= interval else { return nil }
        pending = nil
        lastSaid = now
        return p
    }
}
