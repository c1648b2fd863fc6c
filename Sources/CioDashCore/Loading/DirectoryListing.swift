#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names in one folder, read with POSIX calls so that failures keep their cause.
enum DirectoryListing {
    /// Why a folder cannot be listed, as the end of a sentence ("permission denied").
    struct Failure: Error {
        var message: String
    }

    /// Entry names sorted by their bytes (deterministic on every file system), without `.` and `..`;
    /// or a sentence saying why the folder cannot be read.
    static func names(_ path: String) -> Result<[String], Failure> {
        guard let dir = opendir(path) else {
            switch errno {
            case ENOENT: return .failure(Failure(message: "it does not exist"))
            case ENOTDIR: return .failure(Failure(message: "it is not a folder"))
            case EACCES, EPERM: return .failure(Failure(message: "permission denied"))
            case ELOOP: return .failure(Failure(message: "it is a symbolic link that loops back on itself"))
            case let code: return .failure(Failure(message: SourceFile.describe(errno: code)))
            }
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return .success(names)
    }
}
