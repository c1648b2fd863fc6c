import Foundation

/// The status words a province writes in its form: Vietnamese (with or without diacritics, any letter
/// case) or the English ids of the file format.
public enum StatusWords {
    /// The drop-down's choices, in the order of `ReportStatus.allCases`.
    public static let vietnamese: [ReportStatus: String] = [
        .onTrack: "đúng tiến độ", .atRisk: "có rủi ro", .behind: "chậm", .notStarted: "chưa triển khai", .unknown: "chưa rõ",
    ]

    public static var choices: [String] { ReportStatus.allCases.map { vietnamese[$0]! } }

    private static let byKey: [String: ReportStatus] = {
        var table: [String: ReportStatus] = [:]
        for status in ReportStatus.allCases {
            table[SearchKey.fold(vietnamese[status]!)] = status
            table[SearchKey.fold(status.rawValue)] = status
            table[SearchKey.fold(status.rawValue.replacingOccurrences(of: "-", with: " "))] = status
        }
        return table
    }()

    /// The status whose word begins `text` (`chậm tiến độ`, `co rui ro cao`), when exactly one does and
    /// the text does not name another status too; nil otherwise.
    public static func statusStarting(_ text: String) -> ReportStatus? {
        let key = SearchKey.fold(text.trimmingCharacters(in: .whitespaces))
        let found = Set(byKey.filter { key.hasPrefix($0.key + " ") }.map(\.value))
        guard found.count == 1, let status = found.first else { return nil }
        // "chậm tiến độ" is not "đúng tiến độ"; but "chưa rõ, đúng tiến độ" names two.
        let others = byKey.filter { $0.value != status && key.contains($0.key) }
        return others.isEmpty ? status : nil
    }

    /// The status a word names, or nil.
    public static func status(_ word: String) -> ReportStatus? {
        byKey[SearchKey.fold(word.trimmingCharacters(in: .whitespaces))]
    }
}
