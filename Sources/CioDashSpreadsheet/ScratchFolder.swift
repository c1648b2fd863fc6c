import CioDashCore
import Foundation

/// A private folder in TMPDIR for a command's passing files (an unpacked sheet, the status file being
/// checked), removed when the work is done and, through `TerminationCleanup`, when SIGTERM, SIGHUP or
/// SIGINT ends the process first: an `import` that is stopped leaves nothing behind.
final class ScratchFolder {
    let path: String
    private var removed = false

    /// Makes `TMPDIR/ciodash-<purpose>-XXXXXX` (mode 0700) with `subfolders`, and registers it.
    init(purpose: String, subfolders: [String] = []) throws(XLSXFailure) {
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
