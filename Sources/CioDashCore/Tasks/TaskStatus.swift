import Foundation

/// What a province says became of a task it was given.
public enum TaskStatus: String, CaseIterable, Sendable, Hashable {
    case done = "done"
    case inProgress = "in-progress"
    case notStarted = "not-started"

    /// The words a clerk writes, in the order of `allCases`: the form's drop-down.
    public static let vietnamese: [TaskStatus: String] = [.done: "xong", .inProgress: "đang làm", .notStarted: "chưa làm"]

    public static var choices: [String] { allCases.map { vietnamese[$0]! } }

    public var vietnamese: String { Self.vietnamese[self]! }

    private static let byKey: [String: TaskStatus] = {
        var table: [String: TaskStatus] = [:]
        for status in allCases {
            table[SearchKey.fold(status.vietnamese)] = status
            table[SearchKey.fold(status.rawValue)] = status
            table[SearchKey.fold(status.rawValue.replacingOccurrences(of: "-", with: " "))] = status
        }
        return table
    }()

    /// The status a word names (Vietnamese with or without marks, any case, or the English id), or nil.
    public static func named(_ word: String) -> TaskStatus? {
        byKey[SearchKey.fold(word.trimmingCharacters(in: .whitespaces))]
    }
}

/// A province's report on one of its tasks, from its status file's `tasks:` (written by `import`).
public struct TaskReport: Hashable, Sendable {
    public var status: TaskStatus
    /// When it was done (for `done`).
    public var doneOn: LocalDate?
    public var note: String?
    /// The document that shows it (số/ký hiệu: "125/KH-UBND").
    public var reference: String?

    public init(status: TaskStatus, doneOn: LocalDate? = nil, note: String? = nil, reference: String? = nil) {
        self.status = status
        self.doneOn = doneOn
        self.note = note
        self.reference = reference
    }
}

/// A deadline as a secretary types it: 30/9/2019, 30-09-2019, 30.9.2019 or 2019-09-30.
public enum TaskDueDate {
    public static func parse(_ typed: String) -> LocalDate? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let iso = LocalDate(iso: text) { return iso }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }
}
