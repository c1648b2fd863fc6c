/// A provincial-level administrative unit of Vietnam (tỉnh, or thành phố trực thuộc trung ương) as it
/// stood in one period of the bundled catalogue.
public struct AdministrativeUnit: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Tỉnh.
        case province
        /// Thành phố trực thuộc trung ương (centrally-run city).
        case city
    }

    /// The samples' convention: the name without diacritics, lower case, words joined by hyphens.
    public let id: String
    /// The name without its "Tỉnh" / "Thành phố" prefix, NFC ("Thừa Thiên Huế", "Đắk Lắk").
    public let name: String
    /// The administrative unit code of this unit's period (two digits, "46").
    public let code: String
    public let kind: Kind
    /// First and last day the unit existed as listed here; nil means open-ended in the catalogue.
    public let from: LocalDate?
    public let until: LocalDate?
    /// For a unit of 1 July 2025 on: the ids of the units of the period before that it was made of
    /// (itself alone for a unit that was not merged). Empty for units of the earlier period.
    public let predecessors: [String]
    /// For a unit of 1 July 2025 on: the id of the former unit whose present centre is the seat
    /// (Nghị quyết 60-NQ/TW words it "đặt tại tỉnh X hiện nay"), and how far that was confirmed.
    public let seatIn: String?
    public let seatConfirmed: SeatConfirmation

    public enum SeatConfirmation: String, Hashable, Sendable {
        /// Read in two or more independent public sources.
        case twoSources
        /// Read in one source only.
        case oneSource
        /// The seat is the unit's own (not merged, or it kept its centre); not looked up separately.
        case unchanged
        /// Not confirmed when the catalogue was made.
        case notConfirmed
        /// Not applicable (a unit of the earlier period).
        case none
    }

    /// "Tỉnh Gia Lai" / "Thành phố Huế".
    public func fullName(_ language: Language) -> String {
        switch (kind, language) {
        case (.province, .vi): return "Tỉnh \(name)"
        case (.city, .vi): return "Thành phố \(name)"
        case (.province, .en): return "\(name) province"
        case (.city, .en): return "\(name) city"
        }
    }

    /// Whether the unit existed on `date`.
    public func exists(on date: LocalDate) -> Bool {
        if let from, date < from { return false }
        if let until, until < date { return false }
        return true
    }

    /// Whether this unit was made by the 2025 reorganisation out of more than one earlier unit.
    public var isMerged: Bool { predecessors.count > 1 }
}
