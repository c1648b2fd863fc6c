import Glibc
import Synchronization

/// A private folder that must not outlive the process: removed by its owner on a normal exit, and
/// by `runFromSignalHandler()` when a signal ends the process (SIGTERM, SIGHUP, SIGINT, a crash).
/// A follower's received meeting folder is one.
///
/// A signal handler may call only what is async-signal-safe, so everything that allocates is done
/// when the folder is registered: its path is copied, and it and its subfolders are opened as
/// directory streams. The handler reads those streams again (`rewinddir`, `readdir`: no
/// allocation on an open stream), `unlinkat`s every entry, and removes the folders. Until the
/// terminal's own handlers are installed (`TerminalRestorer`, which calls this too), `register`
/// installs handlers for SIGTERM, SIGHUP and SIGINT that clean up and then end the process as
/// the signal would have. SIGKILL cannot be caught: a folder can outlive that.
public enum TerminationCleanup {
    private static let none = 0, registered = 1, running = 2, done = 3
    /// The most directory streams kept (the folder and its subfolders): a follower's copy has
    /// `provinces`, and `earlier` with up to four earlier meetings, each with its `provinces`.
    static let maxStreams = 12

    /// Registers `folder` (already created, holding only files and the `subfolders` named, which
    /// hold only files). One folder at a time; a second registration replaces the first.
    public static func register(folder: String, subfolders: [String]) {
        forget()
        // Initialise the globals before a handler can read them.
        _ = cleanupState.load(ordering: .relaxed)
        _ = streams
        rootPath = strdup(folder)
        var count = 0
        for sub in subfolders.prefix(maxStreams - 1) {
            if let stream = opendir(folder + "/" + sub) { streams[count] = stream; count += 1 }
        }
        if let stream = opendir(folder) { streams[count] = stream; count += 1 }
        streamCount = count
        cleanupState.store(registered, ordering: .sequentiallyConsistent)
        installHandlersOnce()
    }

    /// The owner removed the folder itself (or keeps it): a signal no longer touches it.
    public static func forget() {
        while true {
            if cleanupState.compareExchange(expected: registered, desired: none, ordering: .sequentiallyConsistent).exchanged { break }
            // A handler on another thread is removing it: let it finish.
            if cleanupState.load(ordering: .sequentiallyConsistent) == running { usleep(1_000); continue }
            break
        }
        for i in 0..<streamCount { if let s = streams[i] { closedir(s) }; streams[i] = nil }
        streamCount = 0
        if let path = rootPath { free(path) }
        rootPath = nil
        if cleanupState.load(ordering: .sequentiallyConsistent) == done { cleanupState.store(none, ordering: .sequentiallyConsistent) }
    }

    /// Removes the registered folder, if any; async-signal-safe. Called from signal handlers only.
    /// When a handler on another thread is already at it, waits for it (up to 2 s), so that the
    /// process does not end halfway through.
    public static func runFromSignalHandler() {
        guard cleanupState.compareExchange(expected: registered, desired: running, ordering: .sequentiallyConsistent).exchanged else {
            var waited = 0
            var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
            while cleanupState.load(ordering: .sequentiallyConsistent) == running && waited < 2_000 {
                nanosleep(&pause, nil)
                waited += 1
            }
            return
        }
        // Subfolders first, then the folder itself, whose entries include the emptied subfolders.
        for i in 0..<streamCount {
            guard let stream = streams[i] else { continue }
            rewinddir(stream)
            let fd = dirfd(stream)
            while let entry = readdir(stream) {
                withUnsafePointer(to: entry.pointee.d_name) { raw in
                    raw.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { name in
                        if name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0)) { return }
                        if unlinkat(fd, name, 0) != 0 { _ = unlinkat(fd, name, AT_REMOVEDIR) }
                    }
                }
            }
        }
        if let path = rootPath { rmdir(path) }
        cleanupState.store(done, ordering: .sequentiallyConsistent)
    }

    private static func installHandlersOnce() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            // Only where nobody handles the signal yet: the terminal's handlers call this themselves.
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = onSignal
            sigfillset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }

    nonisolated(unsafe) private static var handlersInstalled = false
}

private let cleanupState = Atomic<Int>(0)
nonisolated(unsafe) private var rootPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var streamCount = 0
nonisolated(unsafe) private let streams: UnsafeMutablePointer<OpaquePointer?> = {
    let p = UnsafeMutablePointer<OpaquePointer?>.allocate(capacity: TerminationCleanup.maxStreams)
    p.initialize(repeating: nil, count: TerminationCleanup.maxStreams)
    return p
}()

/// Cleans up, then lets the signal end the process as it would have (status 128 + signal).
private func onSignal(_ sig: Int32) {
    TerminationCleanup.runFromSignalHandler()
    signal(sig, SIG_DFL)
    raise(sig)
}
