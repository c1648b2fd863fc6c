import CioDashCore

/// A problem in a returned form, with its place: `ha-tinh.xlsx:Biểu mẫu!G12` or `ha-tinh.yaml:14:9`.
public struct FormProblem: Hashable, Sendable {
    public var severity: Diagnostic.Severity
    public var file: String
    /// `Sheet!Cell`, `line:col`, or nil for the whole file.
    public var place: String?
    public var message: SpreadsheetMessages.Text

    public init(_ severity: Diagnostic.Severity, file: String, place: String? = nil, _ message: SpreadsheetMessages.Text) {
        self.severity = severity
        self.file = file
        self.place = place
        self.message = message
    }

    /// `file:place: error: message` (`lỗi`, `cảnh báo` in Vietnamese), sanitised: the file name, the sheet name and the quoted values
    /// all come from outside.
    public func description(in language: Language) -> String {
        let where_ = place.map { "\(file):\($0)" } ?? file
        return TextSanitizer.line("\(where_): \(severity.word(in: language)): \(message.in(language))")
    }
}
