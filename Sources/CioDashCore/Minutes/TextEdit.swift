/// One change to a field's text, in Unicode scalars: `removed` scalars at `offset` replaced by
/// `inserted`. Applying it to the text before gives the text after.
public struct TextEdit: Hashable, Sendable {
    public var offset: Int
    public var removed: Int
    public var inserted: String

    public init(offset: Int, removed: Int, inserted: String) {
        self.offset = offset
        self.removed = removed
        self.inserted = inserted
    }

    /// The text after this edit, or nil when it does not fit `text` (a damaged journal).
    public func applied(to text: String) -> String? {
        var buffer = FieldText(text)
        return buffer.apply(self) ? buffer.string : nil
    }
}
