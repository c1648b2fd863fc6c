import CioDashCore
import Foundation

/// A private temporary folder (mode 0700, under $TMPDIR) holding the files a presenter sent, so
/// they load through the very loader, limits and sanitiser a folder on disk does. Removed by
/// `remove()` when the follower quits, and by `TerminationCleanup` when a signal ends it.
public final class ReceivedFolder {
    public let path: String

    public init() throws {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base + "/ciodash-follow-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw AtomicFile.Failure.cannotWrite(base, reason: String(cString: strerror(errno)))
        }
        path = String(cString: made)
        guard mkdir(path + "/" + MeetingFolderLayout.provincesFolder, 0o700) == 0 else {
            throw AtomicFile.Failure.cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        TerminationCleanup.register(folder: path, subfolders: [MeetingFolderLayout.provincesFolder])
    }

    /// Makes the folder hold exactly `files`: new and changed ones written atomically, others
    /// removed. Paths are compared by their bytes (an NFC and an NFD spelling are two files, as on
    /// the presenter's disk). Answers the files that could not be written; the rest are written.
    /// `shouldStop` is asked before each file (a follower quitting does not wait for 5,000 of them).
    @discardableResult
    public func replace(with files: FolderFiles, shouldStop: () -> Bool = { false }) -> [FolderFiles.Left] {
        let wanted = Set(files.files.map { Array($0.path.utf8) })
        for old in currentPaths() where !wanted.contains(Array(old.utf8)) {
            unlink(path + "/" + old)
        }
        var failed: [FolderFiles.Left] = []
        for file in files.files where FolderFiles.isAllowed(file.path) {
            if shouldStop() { break }
            let target = path + "/" + file.path
            if FileManager.default.contents(atPath: target).map(Array.init) == file.bytes { continue }
            do {
                try AtomicFile.write(file.bytes, to: target, overwrite: true)
            } catch {
                failed.append(FolderFiles.Left(path: file.path, reason: .notWritten))
            }
        }
        return failed
    }

    public func remove() {
        TerminationCleanup.forget()
        try? FileManager.default.removeItem(atPath: path)
    }

    private func currentPaths() -> [String] {
        let provinces = MeetingFolderLayout.provincesFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path + "/" + provinces)) ?? []
        return MeetingFolderLayout.topLevelFiles.filter { FileManager.default.fileExists(atPath: path + "/" + $0) }
            + names.map { provinces + "/" + $0 }
    }
}
