/// One sentence in Vietnamese and in English, so that a command can print either (`check --lang`).
public struct BilingualText: Hashable, Sendable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The same text in both languages (a path, a parser's own words).
    public init(both text: String) {
        vi = text
        en = text
    }

    public func `in`(_ language: Language) -> String { language == .en ? en : vi }

    /// `text(language)`, as the command table's help and hints are read.
    public func callAsFunction(_ language: Language) -> String { self.in(language) }
}
