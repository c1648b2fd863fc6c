/// The live screen's side of its meeting folder: reading it again now, or when a file changed since
/// the last read (the fingerprint is taken before reading, so an edit during the read is seen next time).
public struct FolderWatch {
    public let folder: String
    private var signature: FolderSignature
    private let load: () -> LoadResult

    public init(folder: String, load: @escaping () -> LoadResult) {
        self.folder = folder
        self.load = load
        signature = FolderSignature(folder: folder)
    }

    /// The folder read again now.
    public mutating func reload() -> LoadResult {
        signature = FolderSignature(folder: folder)
        return load()
    }

    /// The folder read again if a file changed since the last read, with the files that did.
    public mutating func reloadIfChanged() -> (result: LoadResult, changed: [String])? {
        let current = FolderSignature(folder: folder)
        let changed = current.changedFiles(since: signature)
        guard !changed.isEmpty else { return nil }
        signature = current
        return (load(), changed)
    }
}
