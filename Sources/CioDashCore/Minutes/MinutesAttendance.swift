/// Who attended, as the minutes state it: the provinces present (by default every province with a
/// file, less those the secretary marked absent), the absent, and names that matched no province.
public struct MinutesAttendance: Hashable, Sendable {
    public var present: [ProvinceReport]
    public var absent: [ProvinceReport]
    /// Parts of the "absent" field that name no province of the meeting, as typed.
    public var unmatched: [String]
    public var chair: String
    public var secretary: String
    public var guests: String

    public init(meeting: Meeting, record: MinutesRecord) {
        var absentIDs: Set<String> = []
        var unmatched: [String] = []
        for part in ProvinceNameMatch.parts(record.text(.absent)) {
            if let p = ProvinceNameMatch.province(part, in: meeting.provinces) { absentIDs.insert(p.id) } else { unmatched.append(part) }
        }
        present = meeting.provinces.filter { !absentIDs.contains($0.id) }
        absent = meeting.provinces.filter { absentIDs.contains($0.id) }
        self.unmatched = unmatched
        let typedChair = record.text(.chair)
        chair = typedChair.isEmpty ? meeting.chairs.joined(separator: "; ") : typedChair
        secretary = record.text(.secretary)
        guests = record.text(.guests)
    }

    /// Provinces that browsers announced (`announced`: province id → browsers) and that the minutes
    /// still have absent: what the secretary is offered to confirm as present.
    public func announcedAbsent(_ announced: [String: Int]) -> [ProvinceReport] {
        absent.filter { (announced[$0.id] ?? 0) > 0 }
    }

    /// The "absent" field's text once `confirmed` are present: its other parts as typed.
    public static func absentText(_ typed: String, without confirmed: [ProvinceReport], in provinces: [ProvinceReport]) -> String {
        let ids = Set(confirmed.map(\.id))
        return ProvinceNameMatch.parts(typed).filter { part in
            ProvinceNameMatch.province(part, in: provinces).map { !ids.contains($0.id) } ?? true
        }.joined(separator: ", ")
    }
}
