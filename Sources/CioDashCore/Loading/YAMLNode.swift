/// One value of a parsed YAML or JSON document, with the place it starts at.
///
/// A deliberately light tree: scalars keep their text and whether they were written plain, so that
/// the decoder, not a tag resolver, decides what `12`, `"12"`, `yes` or `2019-07-27` mean.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// Text as written; `isPlain` is false for quoted and block (`|`, `>`) scalars and `!!str`.
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLMappingEntry])
    }

    public var content: Content
    /// 1-based line and column (in characters) where the value starts.
    public var line: Int
    public var column: Int
    /// A value refused while parsing (a text over the length limit, already reported): it reads as
    /// absent, and a required field made of it is not reported a second time as missing.
    public var isRejected = false

    public init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The scalar's text, or nil for a list or mapping.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is a plain scalar meaning "no value": empty, `~` or `null`.
    public var isNull: Bool {
        guard case .scalar(let text, true) = content, text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A word for the kind of value, for messages ("a list").
    public var kindDescription: String {
        switch content {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One `key: value` pair; keys are always text in ciodash files.
public struct YAMLMappingEntry: Sendable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: YAMLNode

    public init(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}
