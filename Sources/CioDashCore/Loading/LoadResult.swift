/// What loading a meeting folder gives: the meeting (with every good province) and every problem found.
public struct LoadResult: Sendable {
    /// Nil only when the meeting file itself cannot be used (or the folder cannot be read).
    public var meeting: Meeting?
    /// Errors and warnings, sorted by file, then line and column.
    public var diagnostics: [Diagnostic]
    /// True when the folder itself cannot be read: `ciodash check` exits 2.
    public var folderUnreadable: Bool
    /// The folder as the user gave it; diagnostics' paths start with it.
    public var folderArgument: String
    /// True when `provinces/` is missing or cannot be listed (a sync tool swapping it, a permission):
    /// a live reload keeps the provinces it had rather than showing none.
    public var provincesNotRead = false
    /// A follower's copy names a previous meeting that the presenter did not send (an older
    /// presenter, or one whose earlier folders were too large): the changes and earlier figures
    /// cannot be shown, and the follower says so.
    public var earlierNotSent = false
    /// The meeting file's `previous:` and the file it is in, for following the chain.
    var previousLink: (link: Placed<String>, meetingFile: String)?

    public init(meeting: Meeting?, diagnostics: [Diagnostic], folderUnreadable: Bool, folderArgument: String) {
        self.meeting = meeting
        self.diagnostics = diagnostics
        self.folderUnreadable = folderUnreadable
        self.folderArgument = folderArgument
    }

    public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }

    /// 0 without errors, 1 with errors, 2 when the folder cannot be read.
    public var exitCode: Int32 { folderUnreadable ? 2 : (errorCount > 0 ? 1 : 0) }

    /// The problems found in one province's file (for its panel).
    public func diagnostics(for province: ProvinceReport) -> [Diagnostic] {
        let path = FolderPath.join(folderArgument, province.file)
        return diagnostics.filter { $0.file == path }
    }
}
