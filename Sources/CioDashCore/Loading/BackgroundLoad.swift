import Foundation

/// Loads a meeting folder on a thread of its own, so that the screen keeps answering keys (and
/// `q`) while a big folder reloads. One load at a time; a request made while one runs is merged
/// into one more load after it, so the last change is never missed.
public final class BackgroundLoad: @unchecked Sendable {
    /// A finished load, with what asked for it.
    public struct Done {
        public var result: LoadResult
        /// Whether the user asked (the `r` key) rather than the folder watch.
        public var asked: Bool
        /// The files that changed, for the status line.
        public var changed: [String]
    }

    private let lock = NSLock()
    private var running = false
    private var queued: (asked: Bool, changed: [String])?
    private var finished: Done?
    private let work: @Sendable () -> LoadResult

    /// `work` loads the folder (the same call every time).
    public init(_ work: @escaping @Sendable () -> LoadResult) {
        self.work = work
    }

    /// Whether a load is under way or waiting.
    public var isBusy: Bool { lock.withLock { running || queued != nil } }

    /// Asks for a load; returns at once.
    public func start(asked: Bool, changed: [String]) {
        lock.lock()
        if running {
            let previous = queued ?? (false, [])
            queued = (previous.asked || asked, Array(Set(previous.changed + changed)).sorted())
            lock.unlock()
            return
        }
        running = true
        lock.unlock()
        let thread = Thread { [self] in run(asked: asked, changed: changed) }
        thread.stackSize = 8 << 20  // the YAML tree builder recurses to the nesting limit
        thread.start()
    }

    /// The load that finished since the last call, if any (a newer one replaces an older one).
    public func take() -> Done? {
        lock.withLock {
            defer { finished = nil }
            return finished
        }
    }

    private func run(asked: Bool, changed: [String]) {
        var request = (asked: asked, changed: changed)
        while true {
            let result = work()
            lock.lock()
            let askedSoFar = (finished?.asked ?? false) || request.asked
            finished = Done(result: result, asked: askedSoFar, changed: Array(Set((finished?.changed ?? []) + request.changed)).sorted())
            guard let next = queued else {
                running = false
                lock.unlock()
                return
            }
            queued = nil
            lock.unlock()
            request = next
        }
    }
}
