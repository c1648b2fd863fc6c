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
        // Every subfolder a copy may hold is made now (parents first), so that a signal handler,
        // which may not allocate, finds each already open (`TerminationCleanup`).
        for sub in FolderFiles.receivedSubfolders.reversed() {
            guard mkdir(path + "/" + sub, 0o700) == 0 else {
                throw AtomicFile.Failure.cannotWrite(path, reason: String(cString: strerror(errno)))
            }
        }
        TerminationCleanup.register(folder: path, subfolders: FolderFiles.receivedSubfolders)
    }

    /// Where the earlier meetings sent with the folder are kept: `1`, `2`, … under it.
    public var earlierMeetingsFolder: String { path + "/" + FolderFiles.earlierFolder }

    /// Makes the folder hold exactly `files`: new and changed ones written atomically, others
    /// removed. Paths are compared by their bytes (an NFC and an NFD spelling are two files, as on
    /// the presenter's disk). Answers the files that could not be written; the rest are written.
    /// `shouldStop` is asked before each file (a follower quitting does not wait for 5,000 of them).
    @discardableResult
    public func replace(with files: FolderFiles, shouldStop: () -> Bool = { false }) -> [FolderFiles.Left] {
        let all = files.files + files.earlierFiles
        let wanted = Set(all.map { Array($0.path.utf8) })
        for old in currentPaths() where !wanted.contains(Array(old.utf8)) {
            unlink(path + "/" + old)
        }
        var failed: [FolderFiles.Left] = []
        // The earlier meetings first: the meeting file written after them reloads the copy whole.
        for file in files.earlierFiles + files.files where FolderFiles.isAllowed(file.path) {
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
        func files(in folder: String) -> [String] {
            let prefix = folder.isEmpty ? "" : folder + "/"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path + "/" + prefix + provinces)) ?? []
            return MeetingFolderLayout.topLevelFiles.filter { FileManager.default.fileExists(atPath: path + "/" + prefix + $0) }
                .map { prefix + $0 } + names.map { prefix + provinces + "/" + $0 }
        }
        return files(in: "") + (1...FolderFiles.maxEarlierMeetings).flatMap { files(in: "\(FolderFiles.earlierFolder)/\($0)") }
    }
}
