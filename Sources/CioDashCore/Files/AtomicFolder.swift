import Foundation

/// Makes a new folder so that it is either complete or absent: everything is written into a hidden
/// temporary folder beside it, synced, then renamed into place. rename(2) replaces only a missing
/// name or an empty folder, so a folder that someone fills meanwhile is never overwritten.
public enum AtomicFolder {
    public enum Failure: Error, Equatable {
        /// The path exists and is not an empty folder.
        case exists(String)
        case cannotWrite(String, reason: String)
    }

    /// Creates `path` holding `files` (relative path → bytes) and the empty `folders`.
    public static func create(_ path: String, files: [(String, [UInt8])], folders: [String]) throws(Failure) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        if !isAbsentOrEmptyFolder(trimmed) { throw .exists(path) }
        let parent = FolderPath.parent(of: trimmed)
        let folder = parent.isEmpty ? "." : parent
        let name = (trimmed as NSString).lastPathComponent
        var template = Array("\(folder)/.\(name).ciodash-init-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        let temporary = String(cString: made)
        var done = false
        defer { if !done { try? FileManager.default.removeItem(atPath: temporary) } }
        do {
            // mkdtemp makes the folder 0700; a meeting folder is shared like any other.
            chmod(temporary, 0o755 & ~currentUmask())
            for sub in folders {
                try FileManager.default.createDirectory(atPath: temporary + "/" + sub, withIntermediateDirectories: true)
            }
            for (relative, bytes) in files {
                let target = temporary + "/" + relative
                try FileManager.default.createDirectory(atPath: FolderPath.parent(of: target),
                                                        withIntermediateDirectories: true)
                do {
                    try AtomicFile.write(bytes, to: target, overwrite: false)
                } catch {
                    throw Failure.cannotWrite(path, reason: "\(error)")
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .cannotWrite(path, reason: error.localizedDescription)
        }
        guard rename(temporary, trimmed) == 0 else {
            if errno == ENOTEMPTY || errno == EEXIST || errno == ENOTDIR || errno == EISDIR { throw .exists(path) }
            throw .cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        done = true
        let dir = open(folder, O_RDONLY)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// True for a name that does not exist or is an empty folder (not a link to one).
    static func isAbsentOrEmptyFolder(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR else { return false }
        return (try? FileManager.default.contentsOfDirectory(atPath: path).isEmpty) ?? false
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
