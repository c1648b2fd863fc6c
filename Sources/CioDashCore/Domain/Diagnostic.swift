/// A problem found in a meeting folder, with its place, in the compiler's format.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning

        /// `error` / `warning`, or in Vietnamese output `lỗi` / `cảnh báo`: a clerk reads these lines.
        public func word(in language: Language) -> String {
            guard language == .vi else { return rawValue }
            return self == .error ? "lỗi" : "cảnh báo"
        }
    }

    public var severity: Severity
    /// The file's path as the user gave it (folder argument joined with the relative path).
    public var file: String
    /// 1-based; nil when the problem has no line (an unreadable file, a missing file).
    public var line: Int?
    public var column: Int?
    /// One sentence a secretariat clerk understands, in both languages.
    public var text: BilingualText

    /// The sentence in English (the language of `description`).
    public var message: String { text.en }

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: BilingualText) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        text = message
    }

    /// `path:line:col: error: message`, so that editors can jump to it.
    public var description: String { description(in: .en) }

    /// The same line in `language`: the place stays as editors read it; the severity word and the
    /// sentence are in the clerk's language (`lỗi`, `cảnh báo` in Vietnamese).
    public func description(in language: Language) -> String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(severity.word(in: language)): \(text.in(language))"
    }
}
