import Glibc
import NIOConcurrencyHelpers

/// Events from the network's threads to the terminal's (main) thread, which takes them between
/// keys. Unbounded in type but not in use: each side puts at most a handful per frame it receives
/// or per second (rejections are summarised by `RejectionLog`), and the runner drains it each tick.
///
/// `wakeDescriptor` is the read end of a pipe that gets a byte with every event, so that the
/// terminal's key wait can watch it and wake at once instead of polling.
public final class NetInbox<Event: Sendable>: @unchecked Sendable {
    private let events = NIOLockedValueBox<[Event]>([])
    /// The pipe's two ends, made on the first ask for `wakeDescriptor` (tests with hundreds of
    /// followers never ask, and open no pipes).
    private let pipeEnds = NIOLockedValueBox<(read: Int32, write: Int32)?>(nil)

    public init() {}

    deinit {
        if let ends = pipeEnds.withLockedValue({ $0 }) {
            close(ends.read)
            close(ends.write)
        }
    }

    /// Posts `event`; with `replaces`, an event still waiting that it matches is dropped first, so
    /// that only the latest of its kind waits (a state, a folder).
    public func post(_ event: Event, replaces: ((Event) -> Bool)? = nil) {
        events.withLockedValue { waiting in
            if let replaces { waiting.removeAll(where: replaces) }
            waiting.append(event)
        }
        // After the event: a drain that empties the pipe before taking the events cannot miss it.
        if let write = pipeEnds.withLockedValue({ $0?.write }) {
            var byte: UInt8 = 1
            _ = Glibc.write(write, &byte, 1)  // a full pipe already says "something is waiting"
        }
    }

    /// Everything posted since the last call, oldest first.
    public func drain() -> [Event] {
        if let read = pipeEnds.withLockedValue({ $0?.read }) {
            var bytes = [UInt8](repeating: 0, count: 256)
            while bytes.withUnsafeMutableBytes({ Glibc.read(read, $0.baseAddress, $0.count) }) > 0 {}
        }
        return events.withLockedValue { taken in
            defer { taken.removeAll(keepingCapacity: true) }
            return taken
        }
    }

    /// A descriptor that becomes readable when an event is posted (and stays so until `drain`);
    /// nil if no pipe could be made.
    public var wakeDescriptor: Int32? {
        pipeEnds.withLockedValue { ends in
            if ends == nil {
                var fds: [Int32] = [0, 0]
                guard pipe(&fds) == 0 else { return nil }
                for fd in fds {
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                }
                ends = (fds[0], fds[1])
                // Events posted before the pipe existed still wake the next wait.
                if !events.withLockedValue({ $0.isEmpty }) {
                    var byte: UInt8 = 1
                    _ = write(fds[1], &byte, 1)
                }
            }
            return ends?.read
        }
    }
}
