import Foundation

/// Writes a file so that it is either complete or absent: temporary file in the same folder, fsync,
/// then a no-clobber link (or a rename when overwriting was asked for). Nothing is lost.
public enum AtomicFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, reason: String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; use --force to overwrite it"
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `data` to `path`. Without `overwrite`, an existing file is left untouched and reported.
    public static func write(_ data: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        if !overwrite && access(path, F_OK) == 0 { throw .exists(path) }
        var template = Array((folder + "/.ciodash-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotWrite(path, reason: errorText()) }
        let temporary = String(cString: template)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        var written = 0
        while written < data.count {
            let n = data.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + written, data.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errorText()
                close(fd)
                throw .cannotWrite(path, reason: reason)
            }
            written += n
        }
        // A snapshot the user can read: 0644 less the umask (mkstemp makes it 0600).
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        if fsync(fd) != 0 {
            let reason = errorText()
            close(fd)
            throw .cannotWrite(path, reason: reason)
        }
        close(fd)
        if overwrite {
            guard rename(temporary, path) == 0 else { throw .cannotWrite(path, reason: errorText()) }
        } else {
            // link() fails with EEXIST if someone created the file meanwhile: no clobbering, ever.
            if link(temporary, path) == 0 {
                unlink(temporary)
            } else if errno == EEXIST {
                throw .exists(path)
            } else if (errno == EPERM || errno == EOPNOTSUPP) && access(path, F_OK) != 0 {
                // Filesystems without hard links (FAT, some shares): rename, checked just before.
                guard rename(temporary, path) == 0 else { throw .cannotWrite(path, reason: errorText()) }
            } else {
                throw .cannotWrite(path, reason: errorText())
            }
        }
        ok = true
        let dir = open(folder, O_RDONLY)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
