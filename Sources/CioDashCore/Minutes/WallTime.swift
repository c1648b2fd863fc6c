/// A wall-clock moment (seconds since 1970, UTC) read at a fixed offset from UTC: the minutes print
/// times at the offset the journal was begun in, not the machine's zone, so they read the same anywhere.
public struct WallTime: Hashable, Sendable {
    public var date: LocalDate
    public var hour: Int
    public var minute: Int

    public init(_ seconds: Double, utcOffset: Int) {
        let local = Int((seconds + Double(utcOffset)).rounded(.down))
        let (year, month, day, secondOfDay) = Self.civil(local)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        date = LocalDate(year: year, month: month, day: day) ?? LocalDate(year: 1970, month: 1, day: 1)!
    }

    /// Year, month, day and seconds into the day of a moment given in seconds since 1970.
    public static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, seconds: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secs = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d, secs)
    }

    /// "08:05".
    public var hoursMinutes: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
