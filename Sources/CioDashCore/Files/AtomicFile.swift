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

    /// How long a pipe without a reader is waited for before giving up.
    public static let pipeReaderWaitMilliseconds = 2_000

    /// Writes `data` to `path`. Without `overwrite`, an existing file is left untouched and reported.
    ///
    /// A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written into: it has no
    /// contents to lose, and renaming a file over it would replace the device itself. A symbolic
    /// link to a file stays a link: the file it points to is the one replaced.
    public static func write(_ data: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        var info = stat()
        let given = path
        // A link is followed to the file it names even when that does not exist yet (a dangling
        // link): with --force the file is created there, and the link stays a link.
        let (path, isLink) = try followingLinks(given)
        if isLink && !overwrite && lstat(path, &info) != 0 { throw .exists(given) }
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFCHR, S_IFIFO:
                try writeInPlace(data, to: path)
                return
            case S_IFDIR:
                throw .cannotWrite(path, reason: "it is a folder")
            case S_IFREG:
                if !overwrite { throw .exists(given) }
            default:
                throw .cannotWrite(path, reason: "it is not a file")
            }
        }
        let directory = FolderPath.parent(of: path)
        let folder = directory.isEmpty ? "." : directory
        let (fd, temporary) = try createTemporary(in: folder, for: path)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        try writeAll(data, to: fd, path: path)
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

    /// The path a chain of symbolic links ends at (relative targets are read from the link's folder),
    /// and whether `path` was a link at all.
    static func followingLinks(_ path: String) throws(Failure) -> (String, Bool) {
        var current = path
        var info = stat()
        for hop in 0..<40 {
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return (current, hop > 0) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw .cannotWrite(path, reason: errorText()) }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else {
                let folder = FolderPath.parent(of: current)
                current = folder.isEmpty ? target : folder + "/" + target
            }
        }
        throw .cannotWrite(path, reason: "its symbolic links loop back on themselves")
    }

    private static func writeInPlace(_ data: [UInt8], to path: String) throws(Failure) {
        // Non-blocking open: a FIFO with nobody reading it fails (ENXIO) instead of blocking forever.
        // A reader may be just starting (`cat pipe & ciodash snapshot -o pipe`): it gets a while.
        var fd: Int32 = -1
        for _ in 0..<(pipeReaderWaitMilliseconds / 10) {
            fd = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK)
            if fd >= 0 || errno != ENXIO { break }
            usleep(10_000)
        }
        guard fd >= 0 else {
            if errno == ENXIO { throw .cannotWrite(path, reason: "it is a pipe that nobody is reading") }
            throw .cannotWrite(path, reason: errorText())
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        try writeAll(data, to: fd, path: path)
        close(fd)
    }

    /// Writes everything or closes `fd` and throws.
    private static func writeAll(_ data: [UInt8], to fd: Int32, path: String) throws(Failure) {
        do {
            try StandardStream(descriptor: fd, name: path).write(data)
        } catch {
            close(fd)
            throw .cannotWrite(path, reason: error.reason)
        }
    }

    /// A new file beside `path`, created 0666 less the umask like any file the user makes: mkstemp
    /// would make it 0600, and reading the umask means setting it, which races with other threads.
    static func createTemporary(in folder: String, for path: String) throws(Failure) -> (Int32, String) {
        for _ in 0..<100 {
            let name = folder + "/.ciodash-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, name) }
            if errno != EEXIST { throw .cannotWrite(path, reason: errorText()) }
        }
        throw .cannotWrite(path, reason: "no unused temporary name")
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
