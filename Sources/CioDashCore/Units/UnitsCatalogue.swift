/// Vietnam's provincial-level units before and after the 2025 reorganisation, with the questions a
/// meeting folder asks of them: which units existed on the meeting's date, what became of a former
/// unit, and what a code meant in each period.
public enum UnitsCatalogue {
    /// Every unit of the catalogue, both periods.
    public static var all: [AdministrativeUnit] { before + after }

    /// The units that existed on `date` (63 before 1 July 2025, 34 from then on).
    public static func units(on date: LocalDate) -> [AdministrativeUnit] {
        all.filter { $0.exists(on: date) }
    }

    /// The unit with this id on `date`, if the catalogue knows one.
    public static func unit(id: String, on date: LocalDate) -> AdministrativeUnit? {
        all.first { $0.id == id && $0.exists(on: date) }
    }

    /// The unit that held `code` on `date`.
    public static func unit(code: String, on date: LocalDate) -> AdministrativeUnit? {
        all.first { $0.code == code && $0.exists(on: date) }
    }

    /// The name of a unit of the period before 1 July 2025, by id (the id itself when unknown).
    public static func formerName(_ id: String) -> String {
        before.first { $0.id == id }?.name ?? id
    }

    /// The unit of 1 July 2025 on that a former unit became part of (itself when it was not merged).
    public static func successor(of formerID: String) -> AdministrativeUnit? {
        let former = formerID == "thua-thien-hue" ? "hue" : formerID
        return after.first { $0.predecessors.contains(former) }
    }

    /// The former units (as they stood on 30 June 2025) that a unit of 1 July 2025 on was made of.
    public static func predecessors(of unit: AdministrativeUnit) -> [AdministrativeUnit] {
        unit.predecessors.compactMap { id in before.first { $0.id == id && $0.exists(on: lastDayOf63) } }
    }

    /// How each unit of a meeting held on `date` is found in an earlier meeting held on `earlier`:
    /// under another id (Thành phố Huế was Thừa Thiên Huế), or not as one unit at all (a unit merged
    /// in 2025 against the provinces it was made of). Ids that keep their meaning are left out, so an
    /// id missing from the map is compared with the same id.
    public static func counterparts(at date: LocalDate, in earlier: LocalDate) -> [String: Counterpart] {
        var map: [String: Counterpart] = [:]
        guard earlier < date else { return map }
        for unit in units(on: date) where !unit.exists(on: earlier) {
            let parts = unit.from.map { $0 >= firstDayOf34 } == true
                ? predecessors(of: unit) : [unit]
            let then = parts.map { part in
                part.exists(on: earlier) ? part : self.unit(code: part.code, on: earlier) ?? part
            }
            map[unit.id] = then.count == 1 ? .same(then[0].id) : .merged(then.map(\.id))
        }
        return map
    }

    /// What the catalogue has to say about a province file's `id` and `code` at a meeting held on
    /// `date`. Ids the catalogue does not know are allowed (councils also invite ministries and
    /// cities' districts) and get no finding.
    public static func findings(id: String, code: String?, on date: LocalDate) -> [UnitFinding] {
        guard let unit = unit(id: id, on: date) else {
            return formerUnitFinding(id: id, on: date).map { [$0] } ?? []
        }
        guard let code, !code.isEmpty, code != unit.code else { return [] }
        let holder = self.unit(code: code, on: date)
        let otherHolder = self.unit(code: code, on: date < firstDayOf34 ? firstDayOf34 : lastDayOf63)
        return [.codeMismatch(unit: unit, code: code, holder: holder, otherPeriodHolder: otherHolder,
                              meetingBeforeReorganisation: date < firstDayOf34)]
    }

    /// A former unit named at a meeting after it ceased to exist, or a later name used too early.
    static func formerUnitFinding(id: String, on date: LocalDate) -> UnitFinding? {
        if id == "thua-thien-hue", date >= hueBecameCity {
            return .renamed(formerName: "Thừa Thiên Huế", unit: after.first { $0.id == "hue" }!, since: hueBecameCity)
        }
        if id == "hue", date < hueBecameCity {
            return .notYet(name: "Thành phố Huế", useID: "thua-thien-hue", from: hueBecameCity)
        }
        if date >= firstDayOf34, let former = before.first(where: { $0.id == id }), let successor = successor(of: id) {
            return .mergedInto(former: former, successor: successor, since: firstDayOf34)
        }
        return nil
    }
}

/// What a unit of one meeting is in an earlier meeting.
public enum Counterpart: Hashable, Sendable {
    /// The same unit, under this id.
    case same(String)
    /// Several earlier units, by id: no single earlier figure is this unit's.
    case merged([String])
}

/// One thing the catalogue says about a province file, in Vietnamese and English.
public enum UnitFinding: Hashable, Sendable {
    /// A former unit named at a meeting held after the 2025 reorganisation.
    case mergedInto(former: AdministrativeUnit, successor: AdministrativeUnit, since: LocalDate)
    /// Thừa Thiên Huế named at a meeting held after it became Thành phố Huế.
    case renamed(formerName: String, unit: AdministrativeUnit, since: LocalDate)
    /// A unit's later id used at a meeting held before it existed.
    case notYet(name: String, useID: String, from: LocalDate)
    /// A `code` that is not this unit's code on the meeting's date.
    case codeMismatch(unit: AdministrativeUnit, code: String, holder: AdministrativeUnit?,
                      otherPeriodHolder: AdministrativeUnit?, meetingBeforeReorganisation: Bool)

    /// Whether the finding is about the file's `code` field rather than its id.
    public var isAboutCode: Bool {
        if case .codeMismatch = self { return true }
        return false
    }

    /// One sentence for `check` and the dashboard.
    public func message(_ language: Language) -> String {
        switch self {
        case let .mergedInto(former, successor, since):
            let parts = UnitsCatalogue.predecessors(of: successor).map(\.name)
            let list = { (and: String) in
                parts.count < 2 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " \(and) " + parts.last!
            }
            switch language {
            case .vi:
                return "\(former.name) đã nhập vào \(successor.fullName(.vi)) (hợp nhất từ \(list("và"))) từ ngày "
                    + "\(Self.vi(since)); phiên họp này dùng mã tệp \"\(successor.id)\" (mã đơn vị \(successor.code))"
            case .en:
                return "\(former.name) has been part of \(successor.name) (formed from \(list("and"))) since "
                    + "\(Self.en(since)); a meeting of this date uses the file id \"\(successor.id)\" (unit code \(successor.code))"
            }
        case let .renamed(formerName, unit, since):
            switch language {
            case .vi:
                return "\(formerName) là \(unit.fullName(.vi)) từ ngày \(Self.vi(since)); dùng mã tệp \"\(unit.id)\""
            case .en:
                return "\(formerName) has been the centrally-run city of \(unit.name) since \(Self.en(since)); "
                    + "use the file id \"\(unit.id)\""
            }
        case let .notYet(name, useID, from):
            switch language {
            case .vi: return "\(name) chỉ có từ ngày \(Self.vi(from)); phiên họp trước đó dùng mã tệp \"\(useID)\""
            case .en: return "\(name) exists only from \(Self.en(from)); a meeting before that uses the file id \"\(useID)\""
            }
        case let .codeMismatch(unit, code, holder, other, before):
            return Self.codeMessage(unit: unit, code: code, holder: holder, other: other, before: before, language)
        }
    }

    private static func codeMessage(unit: AdministrativeUnit, code: String, holder: AdministrativeUnit?,
                                    other: AdministrativeUnit?, before: Bool, _ language: Language) -> String {
        let vi = language == .vi
        var parts: [String] = []
        parts.append(vi ? "mã \(code) không phải mã của \(unit.name) vào ngày họp (mã của \(unit.name) là \(unit.code))"
                        : "code \(code) is not \(unit.name)'s on the meeting's date (\(unit.name)'s code is \(unit.code))")
        if let holder {
            parts.append(vi ? "vào ngày đó mã \(code) là của \(holder.name)" : "on that date \(code) is \(holder.name)'s")
        }
        if let other {
            switch (before, vi) {
            case (true, true): parts.append("từ ngày 01/07/2025 mã \(code) là của \(other.name)")
            case (true, false): parts.append("from 1 July 2025 \(code) is \(other.name)'s")
            case (false, true): parts.append("trước ngày 01/07/2025 mã \(code) là của \(other.name)")
            case (false, false): parts.append("before 1 July 2025 \(code) was \(other.name)'s")
            }
        }
        if holder == nil && other == nil {
            parts.append(vi ? "không đơn vị cấp tỉnh nào có mã \(code)" : "no provincial unit has had code \(code)")
        }
        return parts.joined(separator: "; ")
    }

    /// 01/07/2025, as the Vietnamese interface writes dates.
    static func vi(_ date: LocalDate) -> String { date.vietnamese }

    /// 1 July 2025.
    static func en(_ date: LocalDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
