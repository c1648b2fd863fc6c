#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several files written together, all or none: every file is first written and synced to a
/// temporary beside its target (where a full disk or a read-only folder shows), and only then are
/// all renamed into place. A failure before the renames removes the temporaries; a rename that fails
/// halfway puts back the files already replaced (from hard-link copies of the old ones).
public enum AtomicFileSet {
    public enum Failure: Error, Equatable, Sendable {
        /// Nothing was changed: `path` could not be written.
        case nothingWritten(path: String, reason: String)
        /// The set was cut halfway and could not be undone: these targets hold the new contents.
        case partlyWritten(written: [String], path: String, reason: String)
    }

    /// Writes `bytes` to each `path` (already resolved: a link is the caller's to follow). A path
    /// marked `mustBeNew` is not replaced if someone created it meanwhile.
    public static func write(_ files: [(path: String, bytes: [UInt8], mustBeNew: Bool)]) throws(Failure) {
        var temporaries: [String] = []
        var backups: [String?] = []
        var renamed = 0
        var finished = false
        defer {
            if !finished {
                for t in temporaries[renamed...] { unlink(t) }
                for case let b? in backups { unlink(b) }
            }
        }
        for file in files {
            let folder = self.folder(of: file.path)
            let (fd, temporary): (Int32, String)
            do {
                (fd, temporary) = try AtomicFile.createTemporary(in: folder, for: file.path)
            } catch {
                throw .nothingWritten(path: file.path, reason: reason(error))
            }
            temporaries.append(temporary)
            do {
                try StandardStream(descriptor: fd, name: file.path).write(file.bytes)
            } catch {
                close(fd)
                throw .nothingWritten(path: file.path, reason: error.reason)
            }
            if fsync(fd) != 0 {
                let why = String(cString: strerror(errno))
                close(fd)
                throw .nothingWritten(path: file.path, reason: why)
            }
            close(fd)
        }
        // A copy of each file about to be replaced, for undoing a cut-off set of renames.
        for file in files {
            var info = stat()
            guard lstat(file.path, &info) == 0 else { backups.append(nil); continue }
            if file.mustBeNew { throw .nothingWritten(path: file.path, reason: "it was created meanwhile") }
            let backup = temporaries[backups.count] + ".old"
            backups.append(link(file.path, backup) == 0 ? backup : nil)
        }
        for (i, file) in files.enumerated() {
            let ok = file.mustBeNew ? link(temporaries[i], file.path) == 0 && unlink(temporaries[i]) == 0
                                    : rename(temporaries[i], file.path) == 0
            if ok { renamed += 1; continue }
            let why = errno == EEXIST ? "it was created meanwhile" : String(cString: strerror(errno))
            var undone = true
            for j in 0..<renamed {
                if let backup = backups[j] {
                    if rename(backup, files[j].path) == 0 { backups[j] = nil } else { undone = false }
                } else if unlink(files[j].path) != 0 {
                    undone = false
                }
            }
            if undone { throw .nothingWritten(path: file.path, reason: why) }
            throw .partlyWritten(written: files[..<renamed].map(\.path), path: file.path, reason: why)
        }
        finished = true
        for case let b? in backups { unlink(b) }
        for folder in Set(files.map { self.folder(of: $0.path) }) {
            let dir = open(folder, O_RDONLY)
            if dir >= 0 { fsync(dir); close(dir) }
        }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func reason(_ failure: AtomicFile.Failure) -> String {
        switch failure {
        case .exists(let path): return "\(path) already exists"
        case .cannotWrite(_, let reason): return reason
        }
    }
}
