/// The one place a Double becomes an Int: a count of cells (or eighths of a cell) or of seconds.
///
/// `Int(_:)` of a Double traps past Int's range and on NaN or infinity, and a figure from a file, a
/// journal or the network can be anything a Double holds (a target of 1e20, a `spent` of 1e308, an
/// `at` of -1e300). Every such conversion goes through here: NaN is 0 (or the nearest bound), and
/// everything past the bounds is the bound.
public enum WholeNumber {
    /// Durations and moments are held within ±10^12 seconds (about 31,700 years): past any meeting,
    /// far inside Int, and still exact in a Double.
    public static let secondsLimit = 1_000_000_000_000

    /// `value` rounded by `rule` and clamped to `range`; NaN gives the value of `range` nearest 0.
    @inlinable
    public static func clamped(_ value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero,
                               to range: ClosedRange<Int>) -> Int {
        let zero = Swift.min(Swift.max(0, range.lowerBound), range.upperBound)
        guard !value.isNaN else { return zero }
        let r = value.rounded(rule)
        if r <= Double(range.lowerBound) { return range.lowerBound }
        // Double(Int.max) rounds up to 2^63, so `>=` keeps `Int(r)` below for every bound.
        if r >= Double(range.upperBound) { return range.upperBound }
        return Int(r)
    }

    /// A count of cells (or of parts of cells) between 0 and `limit`.
    @inlinable
    public static func cells(_ value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero, limit: Int) -> Int {
        clamped(value, rule, to: 0...Swift.max(0, limit))
    }

    /// Whole seconds, rounded down, within ±`secondsLimit`.
    @inlinable
    public static func seconds(_ value: Double) -> Int {
        clamped(value, .down, to: -secondsLimit...secondsLimit)
    }
}
