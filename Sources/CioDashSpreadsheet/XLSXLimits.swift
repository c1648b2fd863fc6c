/// Bounds on what reading a workbook may cost, so that a zip bomb or a huge sheet fails fast with a
/// message instead of filling memory or disk.
public struct XLSXLimits: Hashable, Sendable {
    /// Largest .xlsx file read, in bytes.
    public var maxFileSize: Int
    /// Most bytes one zip entry may inflate to (claimed or actual).
    public var maxEntryBytes: Int
    /// Most bytes all entries read may inflate to together.
    public var maxTotalBytes: Int
    /// Most rows read from one sheet; a return form has a few dozen.
    public var maxRows: Int
    /// Most shared strings accepted.
    public var maxSharedStrings: Int

    public init(maxFileSize: Int = 32 << 20, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 128 << 20,
                maxRows: Int = 10_000, maxSharedStrings: Int = 200_000) {
        self.maxFileSize = maxFileSize
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRows = maxRows
        self.maxSharedStrings = maxSharedStrings
    }

    public static let `default` = XLSXLimits()
}
