import CioDashCore

/// Turns the `--view` text a user types into a `ViewID`, accepting province names without diacritics.
public enum ViewResolver {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownView(String, valid: [String])
        case unknownTopic(String, valid: [String])
        case unknownProvince(String, valid: [String])
        case ambiguousProvince(String, candidates: [String])

        public var description: String {
            switch self {
            // Both languages: `--view` is read before the meeting's language is known to the caller.
            case .unknownView(let v, let valid):
                let list = valid.joined(separator: ", ")
                return "không có màn hình '\(TextSanitizer.line(v))'; các màn hình: \(list) / unknown view '\(TextSanitizer.line(v))'; valid views: \(list)"
            case .unknownTopic(let t, let valid):
                let list = valid.joined(separator: ", ")
                return "không có chủ đề '\(TextSanitizer.line(t))'; các chủ đề: \(list) / unknown topic '\(TextSanitizer.line(t))'; valid topics: \(list)"
            case .unknownProvince(let p, let valid):
                let list = valid.joined(separator: ", ")
                return "không có tỉnh '\(TextSanitizer.line(p))'; các tỉnh: \(list) / unknown province '\(TextSanitizer.line(p))'; valid provinces: \(list)"
            case .ambiguousProvince(let p, let candidates):
                let list = candidates.joined(separator: ", ")
                return "'\(TextSanitizer.line(p))' khớp với nhiều tỉnh: \(list) / province '\(TextSanitizer.line(p))' matches several: \(list)"
            }
        }
    }

    /// `overview`, `agenda`, `topic:<id>`, `province:<id or name>`, `panel:<province>/<topic>`,
    /// `history:<province>/<topic>`.
    /// `all` is handled by the caller.
    public static func resolve(_ text: String, in meeting: Meeting) -> Result<ViewID, Failure> {
        let trimmed = text.trimmingSpaces
        let colon = trimmed.firstIndex(of: ":")
        let argument = colon.map { String(trimmed[trimmed.index(after: $0)...]).trimmingSpaces }
        guard let kind = ViewKind.named[String(trimmed[..<(colon ?? trimmed.endIndex)])],
              let resolved = kind.resolve(argument, meeting) else {
            return .failure(.unknownView(trimmed, valid: validViewForms))
        }
        return resolved
    }

    /// What `--view` takes: each kind's form, then `all`.
    public static let validViewForms = ViewKind.all.compactMap(\.form) + ["all"]

    /// `<province>/<topic>`, each resolved as `province:` and `topic:` are; nil without a slash.
    static func pair(_ text: String, in meeting: Meeting, _ make: (String, String) -> ViewID) -> Result<ViewID, Failure>? {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let p = String(text[..<slash]), t = String(text[text.index(after: slash)...])
        return province(p, in: meeting).flatMap { pid in topic(t, in: meeting).map { make(pid, $0) } }
    }

    static func topic(_ text: String, in meeting: Meeting) -> Result<String, Failure> {
        if meeting.topic(text) != nil { return .success(text) }
        let folded = SearchKey.fold(text)
        let hits = meeting.topics.filter { SearchKey.fold($0.id) == folded || SearchKey.fold($0.title) == folded }
        if hits.count == 1 { return .success(hits[0].id) }
        return .failure(.unknownTopic(text, valid: meeting.topics.map(\.id)))
    }

    /// By id first, then by folded name: exact, then prefix or contained ("hue" → Thừa Thiên Huế).
    static func province(_ text: String, in meeting: Meeting) -> Result<String, Failure> {
        if meeting.province(text) != nil { return .success(text) }
        let folded = SearchKey.fold(text)
        guard !folded.isEmpty else { return .failure(.unknownProvince(text, valid: meeting.provinces.map(\.id))) }
        let exact = meeting.provinces.filter { SearchKey.fold($0.name) == folded || SearchKey.fold($0.id) == folded }
        if exact.count == 1 { return .success(exact[0].id) }
        let partial = meeting.provinces.filter { SearchKey.fold($0.name).contains(folded) }
        if partial.count == 1 { return .success(partial[0].id) }
        if partial.count > 1 { return .failure(.ambiguousProvince(text, candidates: partial.map(\.id))) }
        return .failure(.unknownProvince(text, valid: meeting.provinces.map(\.id)))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
