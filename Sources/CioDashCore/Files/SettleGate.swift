/// Decides when a changed file may be reloaded: only once it has stopped changing, that is when
/// it was not reported as changed since the previous poll and its size and time are the same as
/// then. A file caught mid-write (often valid YAML at a line boundary) is never loaded half done.
public struct SettleGate: Sendable {
    /// Files that changed and have not settled yet, with their stamp at the last poll (nil: absent).
    private var pending: [String: Stamp?] = [:]

    /// What is compared between polls: the size and modification time.
    public typealias Stamp = FolderSignature.Entry

    public init() {}

    /// Whether some file is waiting to settle.
    public var isWaiting: Bool { !pending.isEmpty }

    /// One poll: `changed` are the files reported changed since the last poll, `stamp` reads a file's
    /// current stamp. Returns the files that settled (sorted), which are then forgotten.
    public mutating func poll(changed: Set<String>, stamp: (String) -> Stamp?) -> [String] {
        var settled: [String] = []
        for name in Set(pending.keys).union(changed) {
            let now = stamp(name)
            if !changed.contains(name), let before = pending[name], before == now {
                settled.append(name)
                pending[name] = nil
            } else {
                pending[name] = .some(now)
            }
        }
        return settled.sorted()
    }
}
