/// Times in report files: local with the offset ("2019-07-27 15:00 +07:00"), or "2019-07-27 08:00 UTC".
public enum ReportTime {
    /// `seconds` since 1970 shown in a zone `utcOffset` seconds east of UTC; nil means UTC.
    public static func format(_ seconds: Int, utcOffset: Int?) -> String {
        let (y, m, d, secs) = UTCTimestamp.civil(seconds + (utcOffset ?? 0))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let clock = "\(y)-\(two(m))-\(two(d)) \(two(secs / 3600)):\(two(secs / 60 % 60))"
        guard let offset = utcOffset else { return clock + " UTC" }
        let minutes = abs(offset) / 60
        return clock + " " + (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }
}
