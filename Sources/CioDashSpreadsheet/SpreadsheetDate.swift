import CioDashCore

/// Spreadsheet date serials: days since 1899-12-30 (the 1900 system, with Lotus's phantom 29 February
/// 1900 as serial 60) or since 1904-01-01 (the 1904 system).
enum SpreadsheetDate {
    /// The date of a serial (its time of day dropped); nil outside years 1900–9999 and for serial 60.
    static func date(serial: Double, uses1904: Bool) -> LocalDate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        var days = Int(serial.rounded(.down))
        let base: LocalDate
        if uses1904 {
            base = LocalDate(year: 1904, month: 1, day: 1)!
        } else {
            if days == 60 { return nil }
            if days < 60 { days += 1 }
            base = LocalDate(year: 1899, month: 12, day: 30)!
        }
        return fromDayNumber(base.dayNumber + days)
    }

    /// The serial of a date in the 1900 system, for writing dates as numbers.
    static func serial(_ date: LocalDate) -> Double {
        let base = LocalDate(year: 1899, month: 12, day: 30)!
        return Double(date.days(since: base))
    }

    /// The inverse of `LocalDate.dayNumber` (same March-based eras).
    static func fromDayNumber(_ z: Int) -> LocalDate? {
        guard z >= 0, let date = LocalDate.fromDayNumber(z), (1900...9999).contains(date.year) else { return nil }
        return date
    }
}
