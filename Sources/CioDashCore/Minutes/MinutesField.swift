/// One text field of the minutes, known by what it records. Its `key` names it in the journal.
public enum MinutesField: Hashable, Sendable {
    /// Who chairs (chủ trì, chủ tọa); default: the meeting's `chairs`.
    case chair
    /// Who keeps the minutes (thư ký).
    case secretary
    /// Provinces absent, by name as the secretary types them ("dak lak, Kon Tum").
    case absent
    /// Others attending (thành phần khác): the ministry, guests.
    case guests
    /// What was concluded on an agenda item (kết luận).
    case conclusions(topic: String)
    /// Notes on the discussion of an agenda item.
    case notes(topic: String)
    /// One cell of an assignment row (giao nhiệm vụ) of an agenda item; rows count from 1.
    case assignment(topic: String, row: Int, part: AssignmentPart)

    public enum AssignmentPart: String, Hashable, Sendable, CaseIterable {
        /// The province or body assigned.
        case who
        /// The task.
        case what
        /// By when, as said in the meeting ("30/9/2019", "quý IV").
        case due
    }

    /// The most assignment rows one agenda item keeps.
    public static let maxAssignmentRows = 99

    /// Conclusions and notes take paragraphs; names, tasks and deadlines are one line.
    public var isMultiline: Bool {
        switch self {
        case .conclusions, .notes: return true
        default: return false
        }
    }

    /// The agenda item this field belongs to, if any.
    public var topic: String? {
        switch self {
        case .conclusions(let t), .notes(let t), .assignment(let t, _, _): return t
        default: return nil
        }
    }

    /// "chair", "topic/smart-city/conclusions", "topic/smart-city/task/2/who".
    public var key: String {
        switch self {
        case .chair: return "chair"
        case .secretary: return "secretary"
        case .absent: return "absent"
        case .guests: return "guests"
        case .conclusions(let t): return "topic/\(t)/conclusions"
        case .notes(let t): return "topic/\(t)/notes"
        case .assignment(let t, let row, let part): return "topic/\(t)/task/\(row)/\(part.rawValue)"
        }
    }

    public init?(key: String) {
        switch key {
        case "chair": self = .chair
        case "secretary": self = .secretary
        case "absent": self = .absent
        case "guests": self = .guests
        default:
            let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3, parts[0] == "topic", !parts[1].isEmpty,
                  parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else { return nil }
            switch (parts.count, parts[2]) {
            case (3, "conclusions"): self = .conclusions(topic: parts[1])
            case (3, "notes"): self = .notes(topic: parts[1])
            case (5, "task"):
                guard let row = Int(parts[3]), (1...Self.maxAssignmentRows).contains(row),
                      String(row) == parts[3], let part = AssignmentPart(rawValue: parts[4]) else { return nil }
                self = .assignment(topic: parts[1], row: row, part: part)
            default: return nil
            }
        }
    }
}
