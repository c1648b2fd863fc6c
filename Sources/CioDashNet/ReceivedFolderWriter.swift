import Dispatch
import NIOConcurrencyHelpers

/// Writes the folders a presenter sends into the follower's `ReceivedFolder` on a thread of its
/// own, so that the screen's thread never waits for a disk (5,000 files take seconds). Only the
/// latest folder waits while one is written, and a new write starts at most once per
/// `minimumInterval`: a presenter resending folders costs the follower one write a second at most.
public final class ReceivedFolderWriter: @unchecked Sendable {
    /// What one write came to, for the screen's thread.
    public struct Outcome: Equatable, Sendable {
        /// Files the presenter left out or this follower did not take, and files not written.
        public var left: [FolderFiles.Left]
    }

    public let folder: ReceivedFolder
    public let minimumInterval: Double
    /// One `Outcome` per write finished, drained by the screen's thread.
    public let outcomes = NetInbox<Outcome>()
    private let write: (FolderFiles) -> [FolderFiles.Left]
    private let queue = DispatchQueue(label: "ciodash.received-folder")
    private struct Pending {
        var waiting: FolderFiles?
        var busy = false
        var lastStart = -Double.infinity
        var closed = false
    }
    private let pending: NIOLockedValueBox<Pending>

    /// `write`: how a folder is written (tests hold it to see the screen's thread go on meanwhile).
    public init(folder: ReceivedFolder, minimumInterval: Double = 1,
                write: ((FolderFiles) -> [FolderFiles.Left])? = nil) {
        self.folder = folder
        self.minimumInterval = minimumInterval
        let pending = NIOLockedValueBox(Pending())
        self.pending = pending
        self.write = write ?? { folder.replace(with: $0, shouldStop: { pending.withLockedValue { $0.closed } }) }
    }

    /// Takes `files` to be written; returns at once. A folder still waiting is replaced by it.
    public func submit(_ files: FolderFiles) {
        let delay = pending.withLockedValue { p -> Double? in
            p.waiting = files
            guard !p.busy else { return nil }
            p.busy = true
            return max(0, p.lastStart + minimumInterval - LinkClock.now())
        }
        if let delay { schedule(after: delay) }
    }

    /// Whether nothing is being written or waits to be (tests, and `follow` before its screen opens).
    public var isIdle: Bool { pending.withLockedValue { !$0.busy } }

    /// Writes nothing more and waits for the file being written (before the folder is removed).
    public func close() {
        pending.withLockedValue { $0.closed = true; $0.waiting = nil }
        queue.sync {}
    }

    private func schedule(after delay: Double) {
        queue.asyncAfter(deadline: .now() + .milliseconds(Int(delay * 1000))) { self.run() }
    }

    private func run() {
        let files = pending.withLockedValue { p -> FolderFiles? in
            defer { p.waiting = nil }
            if p.closed { return nil }
            p.lastStart = LinkClock.now()
            return p.waiting
        }
        if let files {
            outcomes.post(Outcome(left: files.left + write(files)))
        }
        let again = pending.withLockedValue { p -> Bool in
            if p.waiting == nil { p.busy = false }
            return p.busy
        }
        if again { schedule(after: minimumInterval) }
    }
}
