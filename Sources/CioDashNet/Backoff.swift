/// How long a follower waits before its next try: 0.5 s, doubling to at most 8 s, with up to a
/// quarter of random spread so that a room of followers does not reconnect all in the same instant.
public struct Backoff: Sendable {
    public let initial: Double
    public let maximum: Double
    public private(set) var attempt = 0

    public init(initial: Double = 0.5, maximum: Double = 8) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The next delay in seconds; `unit` is a random number in 0..<1.
    public mutating func next(unit: Double = Double.random(in: 0..<1)) -> Double {
        let base = min(maximum, initial * Double(1 << min(attempt, 20)))
        attempt += 1
        return base * (1 - 0.25 * unit)
    }

    public mutating func reset() { attempt = 0 }
}
