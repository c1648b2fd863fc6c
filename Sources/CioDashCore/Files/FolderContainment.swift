#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a path lies inside a folder, however the paths are spelled: symbolic links, `..`, bind
/// mounts and different spellings of one folder are all seen through by comparing the device and
/// inode of every folder above the path with the folder's own.
public enum FolderContainment {
    /// True when `path` is `folder` or anything below it. A `path` that does not exist yet is judged
    /// by the nearest folder above it that does (where it would be created). False when `folder`
    /// cannot be examined.
    public static func isInside(_ path: String, folder: String) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0 else { return false }
        let target = (info.st_dev, info.st_ino)
        var current = existingAncestor(of: path)
        // Walking up with "/.." from the real path: at most one step per level, and "/" is its own parent.
        for _ in 0..<4096 {
            var here = stat()
            guard stat(current, &here) == 0 else { return false }
            if here.st_dev == target.0 && here.st_ino == target.1 { return true }
            var parent = stat()
            let up = current == "/" ? "/" : current + "/.."
            guard stat(up, &parent) == 0 else { return false }
            if parent.st_dev == here.st_dev && parent.st_ino == here.st_ino { return false }  // reached "/"
            current = realPath(up) ?? up
        }
        return false
    }

    /// The real path of `path` or, while it does not exist, of the nearest folder above it.
    private static func existingAncestor(of path: String) -> String {
        var candidate = path.isEmpty ? "." : path
        for _ in 0..<4096 {
            if let real = realPath(candidate) { return real }
            guard let slash = candidate.lastIndex(of: "/") else { return realPath(".") ?? "." }
            candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
        }
        return "/"
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
