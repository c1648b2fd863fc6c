import Foundation

/// Paths as the user sees them in messages: the folder argument joined with a relative path.
public enum FolderPath {
    public static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if folder.isEmpty || folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The path without its last part, as NSString's deletingLastPathComponent says it ("a/b" → "a",
    /// "/a" → "/", a bare name → ""), trailing slashes ignored. Ours because Swift 6.3.1's Foundation
    /// trapped in it on a bare name given as an argument (`ciodash init m --from hue-2019`: illegal
    /// instruction in String._startOfLastPathComponent).
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var parent = trimmed[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
        return parent.isEmpty ? "/" : String(parent)
    }

    /// `path` relative to `folder` when it lies inside it ("m/forms/da-nang.xlsx" in "m" → "forms/da-nang.xlsx"),
    /// both resolved against the working directory and their symbolic links; nil when it lies outside.
    public static func relative(_ path: String, inside folder: String) -> String? {
        func resolved(_ p: String) -> [String] {
            URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
        }
        let (parts, base) = (resolved(path), resolved(folder))
        guard parts.count > base.count, Array(parts.prefix(base.count)) == base else { return nil }
        return parts.dropFirst(base.count).joined(separator: "/")
    }

    /// A relative path that stays inside its folder: not absolute, no `..`, no empty name.
    static func staysInside(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/")
            && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }

    /// Removes `.` and `name/..` pairs without touching the file system ("a/b/../c" → "a/c").
    static func lexicallyNormalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
