#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C `read`, named apart from `SourceFile.read`.
private let posixRead: (Int32, UnsafeMutableRawPointer?, Int) -> Int = { read($0, $1, $2) }

/// Reads one file's bytes with POSIX calls, so that each failure gets its own clear sentence and the
/// size limit is checked before a single byte is read.
enum SourceFile {
    enum Failure: Error, Equatable {
        case missing, isFolder, notRegular, permission, loop, tooLarge(size: Int), other(String)

        func message(limits: LoadLimits) -> BilingualText {
            switch self {
            case .missing: return LoadMessages.fileMissing
            case .isFolder: return LoadMessages.fileIsFolder
            case .notRegular: return LoadMessages.fileNotRegular
            case .permission: return LoadMessages.filePermission
            case .loop: return LoadMessages.fileLoop
            case .tooLarge(let size): return LoadMessages.fileTooLarge(size, limit: limits.maxFileSize)
            case .other(let reason): return LoadMessages.fileUnreadable(reason)
            }
        }
    }

    static func read(_ path: String, limits: LoadLimits) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: a FIFO named like a status file must not hang the loader in open().
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { return .failure(failure(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(failure(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isFolder)
        default: return .failure(.notRegular)
        }
        let size = Int(info.st_size)
        if size > limits.maxFileSize { return .failure(.tooLarge(size: size)) }

        // The file may grow between fstat and read (live editing): read to the end, bounded by the limit.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limits.maxFileSize { return .failure(.tooLarge(size: count)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                posixRead(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno: errno))
            }
            if n == 0 { break }
            count += n
        }
        if count > limits.maxFileSize { return .failure(.tooLarge(size: count)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// Whether `path` names an existing directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything exists at `path` (a dangling link counts, so that it is reported, not skipped).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func failure(errno code: Int32) -> Failure {
        switch code {
        case ENOENT: return .missing
        case EACCES, EPERM: return .permission
        case ELOOP: return .loop
        case EISDIR: return .isFolder
        default: return .other(describe(errno: code))
        }
    }

    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
