import CioDashCore
import Foundation
import Synchronization

/// A private folder in TMPDIR for a command's passing files (the status file being checked), removed
/// when the work is done and, through `TerminationCleanup`, when SIGTERM, SIGHUP or SIGINT ends the
/// process first: an `import` that is stopped leaves nothing behind.
final class ScratchFolder {
    let path: String
    private var removed = false

    /// Makes `TMPDIR/ciodash-<purpose>-XXXXXX` (mode 0700) with `subfolders`, and registers it. A
    /// signal that comes while the folder is made, before it can be registered, waits until it is.
    init(purpose: String, subfolders: [String] = []) throws(XLSXFailure) {
        ScratchSignals.installOnce()
        ScratchSignals.holding.store(true, ordering: .sequentiallyConsistent)
        defer { ScratchSignals.release() }
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/ciodash-\(purpose)-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .unreadable("cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        for sub in subfolders where mkdir(path + "/" + sub, 0o700) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw .unreadable("cannot create a temporary folder in \(base): \(reason)")
        }
        TerminationCleanup.register(folder: path, subfolders: subfolders)
    }

    /// Removes the folder and everything in it; a signal no longer needs to.
    func remove() {
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(atPath: path)
        TerminationCleanup.forget()
    }

    deinit { remove() }
}

/// The command line's handlers for SIGTERM, SIGHUP and SIGINT while scratch folders are in use:
/// `TerminationCleanup`'s work, then the signal's own end (status 128 + signal); a signal that comes
/// while a folder is being made and registered is held until that is done.
private enum ScratchSignals {
    static let holding = Atomic<Bool>(false)
    static let pending = Atomic<Int32>(0)
    nonisolated(unsafe) private static var installed = false

    static func installOnce() {
        guard !installed else { return }
        installed = true
        _ = holding.load(ordering: .relaxed)
        _ = pending.load(ordering: .relaxed)
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            // Only where nobody handles the signal yet (the dashboard's terminal has its own).
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = onScratchSignal
            sigfillset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }

    /// Ends the hold; a signal held meanwhile is acted on now, the folder registered.
    static func release() {
        holding.store(false, ordering: .sequentiallyConsistent)
        let sig = pending.exchange(0, ordering: .sequentiallyConsistent)
        if sig != 0 { end(sig) }
    }

    static func end(_ sig: Int32) {
        TerminationCleanup.runFromSignalHandler()
        signal(sig, SIG_DFL)
        raise(sig)
    }
}

private func onScratchSignal(_ sig: Int32) {
    if ScratchSignals.holding.load(ordering: .sequentiallyConsistent) {
        ScratchSignals.pending.store(sig, ordering: .sequentiallyConsistent)
        // The maker may have finished between the two loads: then nobody would act on it.
        if ScratchSignals.holding.load(ordering: .sequentiallyConsistent) { return }
        if ScratchSignals.pending.exchange(0, ordering: .sequentiallyConsistent) == 0 { return }
    }
    ScratchSignals.end(sig)
}
