import Glibc

/// Wrong secrets allowed (a room code from a follower, a viewer token from a browser): at most
/// `limit` per source per `window` seconds, and at most `overallLimit` from all sources together.
/// A guess is checked only while both allow one more (`refusal` is asked just before, on the loop
/// that records the result), so however many connections a guesser opens at once, no more guesses
/// are checked than the limits; a right secret is never counted, so a room joining at once is not
/// held up. A source that has shown the right secret (`recordSuccess`) keeps its way in while the
/// room as a whole is over its limit, so a flood of guesses does not lock out those already in.
///
/// A source is an IPv4 address, or the /64 network of an IPv6 address (one machine can take any
/// address in its /64). The tables hold only sources with a failure in the window (and admitted
/// ones), never more than `maxAddresses` each. Used by the room link and the browsers' side alike.
public struct AttemptLimiter: Sendable {
    /// Why a guess may not be checked now.
    public enum Refusal: Sendable, Equatable {
        /// This source has had its `limit` in the window.
        case tooManyAttempts
        /// All sources together have had `overallLimit`.
        case tooManyAttemptsInRoom
    }

    public let limit: Int
    public let window: Double
    public let overallLimit: Int
    public let maxAddresses: Int
    private var failures: [String: [Double]] = [:]
    /// Every failure in the window, oldest first, with its source.
    private var overall: [(time: Double, source: String)] = []
    /// Sources that showed the right secret (bounded: emptied when full).
    private var admitted: Set<String> = []

    public init(limit: Int = 5, window: Double = 60, overallLimit: Int = 60, maxAddresses: Int = 4096) {
        self.limit = limit
        self.window = window
        self.overallLimit = overallLimit
        self.maxAddresses = maxAddresses
    }

    /// Why a guess from `address` may not be checked at time `now` (seconds), or nil when it may.
    public mutating func refusal(_ address: String, now: Double) -> Refusal? {
        forget(before: now - window)
        let source = Self.source(of: address)
        if (failures[source]?.count ?? 0) >= limit { return .tooManyAttempts }
        if overall.count >= overallLimit && !admitted.contains(source) { return .tooManyAttemptsInRoom }
        return nil
    }

    public mutating func recordFailure(_ address: String, now: Double) {
        forget(before: now - window)
        let source = Self.source(of: address)
        if failures[source] == nil && failures.count >= maxAddresses, let oldest = overall.first {
            // Full: the source of the oldest failure is forgotten (only when more sources than the
            // overall limit allows are configured to be tracked).
            failures[oldest.source] = nil
            overall.removeAll { $0.source == oldest.source }
        }
        failures[source, default: []].append(now)
        overall.append((now, source))
    }

    /// `address` showed the right secret: the room-wide limit no longer holds it back.
    public mutating func recordSuccess(_ address: String) {
        if admitted.count >= maxAddresses { admitted.removeAll() }
        admitted.insert(Self.source(of: address))
    }

    private mutating func forget(before cutoff: Double) {
        var aged = 0
        while aged < overall.count && overall[aged].time <= cutoff {
            let source = overall[aged].source
            failures[source]?.removeFirst()
            if failures[source]?.isEmpty == true { failures[source] = nil }
            aged += 1
        }
        if aged > 0 { overall.removeFirst(aged) }
    }

    /// Sources with a failure in the window.
    public var trackedAddresses: Int { failures.count }
    /// Sources let past the room-wide limit.
    public var admittedAddresses: Int { admitted.count }

    /// An IPv4 address as it is; an IPv6 address as its /64 network ("2001:db8:1:2::/64"); an
    /// IPv4-mapped IPv6 address as the IPv4 address.
    public static func source(of address: String) -> String {
        guard address.contains(":") else { return address }
        var raw = in6_addr()
        guard inet_pton(AF_INET6, address, &raw) == 1 else { return address }
        let bytes = withUnsafeBytes(of: raw) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
