/// The `format:` field every ciodash file starts with.
enum FormatVersion {
    static let current = "ciodash/1"

    /// False when the file declares another format version and must not be read further.
    static func check<F: FieldLookup>(_ fields: F, key: F.Key, _ reader: FieldReader) -> Bool {
        guard let node = fields[key] else {
            reader.error(fields.line, fields.column, LoadMessages.missingFormat)
            return true
        }
        guard let text = reader.text(node, key: "format") else {
            if node.isNull { reader.error(at: node, LoadMessages.missingFormat) }
            return true
        }
        if text != current {
            reader.error(at: node, LoadMessages.otherFormat(text))
            return false
        }
        return true
    }

    static func check(_ fields: Fields, _ reader: FieldReader) -> Bool { check(fields, key: "format", reader) }
}
