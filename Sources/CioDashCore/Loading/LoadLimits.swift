/// Bounds that keep a hostile or broken meeting folder from taking unbounded time or memory.
///
/// Every limit is checked while loading and reported as a clear error on the file that crossed it;
/// the defaults are far above what a real status file needs (a province file is a few kilobytes).
public struct LoadLimits: Hashable, Sendable {
    /// Largest file read, in bytes; checked with `fstat` before reading. Default 8 MiB.
    public var maxFileSize: Int
    /// Longest text value, in Unicode scalars. Default 10,000.
    public var maxStringLength: Int
    /// Deepest nesting of lists and mappings. Default 64 (a status file needs 5).
    public var maxDepth: Int
    /// Values produced through YAML aliases (`*name`) in one file, counted with their whole
    /// subtrees, so that "billion laughs" files stop early. Default 10,000.
    public var maxAliasedNodes: Int
    /// Most files read from `provinces/`. Default 20,000.
    public var maxProvinceFiles: Int
    /// Most earlier meetings read along the `previous:` chain. Default 50 (a council meeting
    /// once a year has 50 years of history within it).
    public var maxHistoryDepth: Int = 50

    public init(maxFileSize: Int = 8 << 20, maxStringLength: Int = 10_000, maxDepth: Int = 64,
                maxAliasedNodes: Int = 10_000, maxProvinceFiles: Int = 20_000) {
        self.maxFileSize = maxFileSize
        self.maxStringLength = maxStringLength
        self.maxDepth = maxDepth
        self.maxAliasedNodes = maxAliasedNodes
        self.maxProvinceFiles = maxProvinceFiles
    }

    /// The most `--max-file-size` may ask for: a file is read whole into memory (1 GiB).
    public static let largestFileSize = 1 << 30
    /// The most `--max-string-length` may ask for (what fits in the largest file).
    public static let largestStringLength = 1 << 30

    /// The documented defaults.
    public static let `default` = LoadLimits()
}
