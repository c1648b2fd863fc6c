extension UnitsCatalogue {
    /// The id a unit of one meeting has at a meeting held on `date`: its own when it still exists then,
    /// else the unit it became part of (a 2026 meeting's `quang-binh` is `quang-tri`), its new name
    /// (`thua-thien-hue` is `hue` from 2025) or its earlier one. An id the catalogue does not know (a
    /// ministry, a district invited) stays as it is.
    public static func unitID(_ id: String, on date: LocalDate) -> String {
        if unit(id: id, on: date) != nil { return id }
        switch formerUnitFinding(id: id, on: date) {
        case .mergedInto(_, let successor, _)?: return successor.id
        case .renamed(_, let unit, _)?: return unit.id
        case .notYet(_, let useID, _)?: return useID
        case .codeMismatch?, nil: return id
        }
    }

    /// A meeting's province list carried to a meeting held on `date`: each id as `unitID` gives it,
    /// once. A unit merged from several listed ones takes the place of the one that holds its seat
    /// (Gia Lai, seated at the former Bình Định, stays where Bình Định was), so the list keeps its
    /// north-to-south order.
    public static func provinces(_ ids: [String], carriedTo date: LocalDate) -> [String] {
        var rank: [String: Int] = [:]
        var seatRank: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            let now = unitID(id, on: date)
            if rank[now] == nil { rank[now] = index }
            if let unit = unit(id: now, on: date), unit.seatIn == id || (unit.seatIn == "hue" && id == "thua-thien-hue") {
                seatRank[now] = seatRank[now] ?? index
            }
        }
        return rank.keys.sorted { a, b in
            let (x, y) = (seatRank[a] ?? rank[a]!, seatRank[b] ?? rank[b]!)
            return x != y ? x < y : a < b
        }
    }

    /// The units a unit of `date` was made of among `ids` (the listed provinces of an earlier meeting),
    /// when there are several: what `ciodash init` says about a merge.
    public static func mergedFrom(_ id: String, among ids: [String], on date: LocalDate) -> [String] {
        let parts = ids.filter { unitID($0, on: date) == id }
        return parts.count > 1 ? parts : []
    }
}
