/// A wall-clock moment (seconds since 1970, UTC) read at a fixed offset from UTC: the minutes print
/// times at the offset the journal was begun in, not the machine's zone, so they read the same anywhere.
public struct WallTime: Hashable, Sendable {
    public var date: LocalDate
    public var hour: Int
    public var minute: Int

    public init(_ seconds: Double, utcOffset: Int) {
        let local = WholeNumber.seconds(seconds + Double(utcOffset))
        let (year, month, day, secondOfDay) = Self.civil(local)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        date = LocalDate(year: year, month: month, day: day) ?? LocalDate(year: 1970, month: 1, day: 1)!
    }

    /// Year, month, day and seconds into the day of a moment given in seconds since 1970.
    public static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : -((86_399 - seconds) / 86_400)
        let secs = seconds - days * 86_400
        // LocalDate numbers days from 0000-03-01; 1970-01-01 is day 719,468.
        let date = LocalDate.fromDayNumber(days + 719_468)
        return (date?.year ?? 1970, date?.month ?? 1, date?.day ?? 1, secs)
    }

    /// "08:05".
    public var hoursMinutes: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
