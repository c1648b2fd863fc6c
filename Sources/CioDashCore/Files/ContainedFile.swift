#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command may write a file named after something read from outside (a province id): one
/// plain file name in a folder, and the path it resolves to — following a link at that name, as
/// `AtomicFile` does — still inside the folder the command writes to. A name that is a path
/// (`../../x`, `a/b`) or a link leading out is refused before anything is written.
public enum ContainedFile {
    public enum Failure: Error, Equatable, Sendable {
        /// Not one plain file name: empty, `.`, `..`, or with a `/` or a NUL in it.
        case notAFileName(String)
        /// `path` resolves to `resolved`, which is outside `folder`.
        case outside(path: String, resolved: String, folder: String)

        public var text: BilingualText {
            switch self {
            case .notAFileName(let name):
                return BilingualText(vi: "\(name.debugDescription) không phải một tên tệp (có / hay ..); không ghi",
                                     en: "\(name.debugDescription) is not a plain file name (it has a / or ..); nothing is written there")
            case .outside(let path, let resolved, let folder):
                return BilingualText(vi: "\(path) dẫn ra \(resolved), ngoài thư mục \(folder); không ghi",
                                     en: "\(path) leads to \(resolved), outside the folder \(folder); nothing is written there")
            }
        }
    }

    /// The path to write for `name` in `folder`: `folder/name`, or where a link at that name leads.
    /// `root` (default `folder`) is the folder the result must stay in, compared by device and inode.
    public static func path(_ name: String, in folder: String, root: String? = nil) throws(Failure) -> String {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.utf8.contains(0) else {
            throw .notAFileName(name)
        }
        let joined = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let resolved: String
        do {
            resolved = try AtomicFile.followingLinks(joined).0
        } catch {
            throw .outside(path: joined, resolved: "?", folder: root ?? folder)
        }
        let parent = resolved.contains("/") ? String(resolved[..<resolved.lastIndex(of: "/")!]) : "."
        guard FolderContainment.isInside(parent.isEmpty ? "/" : parent, folder: root ?? folder) else {
            throw .outside(path: joined, resolved: resolved, folder: root ?? folder)
        }
        return resolved
    }
}
