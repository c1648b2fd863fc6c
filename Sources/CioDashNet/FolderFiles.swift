import CioDashCore
import Crypto
import Foundation

/// The exact files of a meeting folder (those `MeetingFolderLayout` names), for followers that have
/// no copy of their own, and the fingerprint that tells two copies apart.
public struct FolderFiles: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        /// Relative to the folder: `meeting.yaml`, `provinces/hue.yaml`.
        public var path: String
        public var bytes: [UInt8]
    }

    /// Sorted by path.
    public private(set) var files: [File]

    /// Most bytes sent (all files together) and most files: far above a real meeting folder (a
    /// province file is a few kilobytes), small enough that a follower's memory stays bounded.
    public static let maxTotalBytes = 16 << 20
    public static let maxFiles = 5_000

    public enum Failure: Error, Equatable {
        case tooLarge, tooManyFiles
        case unreadable(String)
    }

    init(files: [File]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    /// Reads the files of `folder` the loader would read; missing optional files are simply absent.
    public static func read(folder: String) -> Result<FolderFiles, Failure> {
        var paths = MeetingFolderLayout.topLevelFiles
        let provinces = MeetingFolderLayout.provincesFolder
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + provinces) {
            paths += names.filter { !$0.hasPrefix(".") }.map { provinces + "/" + $0 }
        }
        guard paths.count <= maxFiles + MeetingFolderLayout.topLevelFiles.count else { return .failure(.tooManyFiles) }
        var files: [File] = [], total = 0
        for path in paths {
            var info = stat()
            let full = folder + "/" + path
            guard stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            total += Int(info.st_size)
            guard total <= maxTotalBytes else { return .failure(.tooLarge) }
            guard let data = FileManager.default.contents(atPath: full) else { return .failure(.unreadable(path)) }
            files.append(File(path: path, bytes: Array(data)))
        }
        guard files.count <= maxFiles else { return .failure(.tooManyFiles) }
        return .success(FolderFiles(files: files))
    }

    /// SHA-256 over every path and content, as hex: equal exactly when the files are.
    public var fingerprint: String {
        var hash = SHA256()
        for file in files {
            var header = Array(file.path.utf8) + [0]
            header.appendBigEndian(UInt64(file.bytes.count))
            hash.update(data: header)
            hash.update(data: file.bytes)
        }
        return hash.finalize().map { String($0, radix: 16).leftPadded(2) }.joined()
    }

    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }

    /// Count, then each file: 2-byte path length, path, 4-byte size, bytes.
    var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(totalBytes + files.count * 40 + 4)
        out.appendBigEndian(UInt32(files.count))
        for file in files {
            let name = Array(file.path.utf8)
            out.appendBigEndian(UInt16(name.count))
            out += name
            out.appendBigEndian(UInt32(file.bytes.count))
            out += file.bytes
        }
        return out
    }

    /// The files a presenter sent, or nil when the message breaks a rule: a path outside the
    /// meeting folder's layout, a path twice, too many files or bytes.
    static func decode(_ bytes: ArraySlice<UInt8>) -> FolderFiles? {
        var r = ByteReader(bytes)
        guard let count = r.uint32(), count <= maxFiles else { return nil }
        var files: [File] = [], seen = Set<String>(), total = 0
        for _ in 0..<count {
            guard let n = r.uint16(), let name = r.bytes(Int(n)), let size = r.uint32() else { return nil }
            total += Int(size)
            guard total <= maxTotalBytes, let data = r.bytes(Int(size)),
                  let path = String(validating: name, as: UTF8.self), isAllowed(path), seen.insert(path).inserted
            else { return nil }
            files.append(File(path: path, bytes: Array(data)))
        }
        guard r.isAtEnd else { return nil }
        return FolderFiles(files: files)
    }

    /// A top-level file of the layout, or one plain name in `provinces/`: no `/`, `..`, hidden
    /// names or control characters, so a received folder can only write inside itself.
    public static func isAllowed(_ path: String) -> Bool {
        if MeetingFolderLayout.topLevelFiles.contains(path) { return true }
        let prefix = MeetingFolderLayout.provincesFolder + "/"
        guard path.hasPrefix(prefix) else { return false }
        let name = path.dropFirst(prefix.count)
        return !name.isEmpty && name.utf8.count <= 255 && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
