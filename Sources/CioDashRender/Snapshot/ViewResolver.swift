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
            case .unknownView(let v, let valid):
                return "unknown view '\(TextSanitizer.line(v))'; valid views: \(valid.joined(separator: ", "))"
            case .unknownTopic(let t, let valid):
                return "unknown topic '\(TextSanitizer.line(t))'; valid topics: \(valid.joined(separator: ", "))"
            case .unknownProvince(let p, let valid):
                return "unknown province '\(TextSanitizer.line(p))'; valid provinces: \(valid.joined(separator: ", "))"
            case .ambiguousProvince(let p, let candidates):
                return "province '\(TextSanitizer.line(p))' matches several: \(candidates.joined(separator: ", "))"
            }
        }
    }

    /// `overview`, `agenda`, `topic:<id>`, `province:<id or name>`, `panel:<province>/<topic>`,
    /// `history:<province>/<topic>`.
    /// `all` is handled by the caller.
    public static func resolve(_ text: String, in meeting: Meeting) -> Result<ViewID, Failure> {
        let trimmed = text.trimmingSpaces
        switch trimmed {
        case "overview": return .success(.overview)
        case "agenda": return .success(.agenda)
        case "status": return .success(.status)
        case "tasks": return .success(.tasks)
        default: break
        }
        guard let colon = trimmed.firstIndex(of: ":") else {
            return .failure(.unknownView(trimmed, valid: validViewForms))
        }
        let kind = String(trimmed[..<colon])
        let argument = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces
        switch kind {
        case "topic":
            return topic(argument, in: meeting).map { .topic($0) }
        case "province":
            return province(argument, in: meeting).map { .province($0) }
        case "panel", "history":
            guard let slash = argument.lastIndex(of: "/") else {
                return .failure(.unknownView(trimmed, valid: validViewForms))
            }
            let p = String(argument[..<slash]), t = String(argument[argument.index(after: slash)...])
            return province(p, in: meeting).flatMap { pid in
                topic(t, in: meeting).map { kind == "panel" ? .panel(province: pid, topic: $0) : .history(province: pid, topic: $0) }
            }
        default:
            return .failure(.unknownView(trimmed, valid: validViewForms))
        }
    }

    public static let validViewForms = ["overview", "agenda", "status", "tasks", "topic:<topic-id>", "province:<province-id>",
                                        "panel:<province-id>/<topic-id>", "history:<province-id>/<topic-id>", "all"]

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
