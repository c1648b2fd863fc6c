/// At most `limit` failed attempts per address per minute: one more is refused until the oldest
/// failure is a minute old. The table is bounded, so a flood of addresses cannot grow it without end.
struct AttemptLimiter {
    let limit: Int
    let window: Double
    let maxAddresses: Int
    private var failures: [String: [Double]] = [:]

    init(limit: Int = 5, window: Double = 60, maxAddresses: Int = 4096) {
        self.limit = limit
        self.window = window
        self.maxAddresses = maxAddresses
    }

    /// Whether `address` has used up its attempts at time `now` (seconds).
    mutating func isBlocked(_ address: String, now: Double) -> Bool {
        guard var times = failures[address] else { return false }
        times.removeAll { now - $0 >= window }
        failures[address] = times.isEmpty ? nil : times
        return times.count >= limit
    }

    mutating func recordFailure(_ address: String, now: Double) {
        if failures[address] == nil && failures.count >= maxAddresses {
            // Forget addresses whose failures have all aged out; if none, the one with the oldest last failure.
            failures = failures.filter { $0.value.contains { now - $0 < window } }
            if failures.count >= maxAddresses, let oldest = failures.min(by: { ($0.value.last ?? 0) < ($1.value.last ?? 0) }) {
                failures[oldest.key] = nil
            }
        }
        failures[address, default: []].append(now)
    }

    var trackedAddresses: Int { failures.count }
}
