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

    /// A folder's entries: the names, and (as `FileNameText` shows them) those that are not UTF-8.
    struct Listing {
        var names: [String]
        var undecodable: [String]
    }

    /// Entry names sorted by their bytes (deterministic on every file system), without `.` and `..`;
    /// or a sentence saying why the folder cannot be read. A name that is not valid UTF-8 is not
    /// among `names` (no String can open it again) but in `undecodable`, for a message.
    static func names(_ path: String) -> Result<Listing, Failure> {
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
        var listing = Listing(names: [], undecodable: [])
        while let entry = readdir(dir) {
            let (name, valid) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, Bool) in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                let name = UnsafeBufferPointer(rebasing: bytes[..<length])
                return FileNameText.display(name)
            }
            if !valid {
                listing.undecodable.append(name)
            } else if name != "." && name != ".." {
                listing.names.append(name)
            }
        }
        listing.names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        listing.undecodable.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return .success(listing)
    }
}
