import CioDashCore
import Crypto
import Foundation

/// The exact files of a meeting folder (those `MeetingFolderLayout` names), for followers that have
/// no copy of their own, and the fingerprint that tells two copies apart.
///
/// Only the folder's own regular files are sent: a symbolic link (even one to a file inside the
/// folder) is not followed, nor is a `provinces` that is a link; each file is read with a hard cap
/// on the bytes taken while reading, so a file whose size `stat` does not tell (`/proc`) costs no
/// more than the cap.
public struct FolderFiles: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        /// Relative to the folder: `meeting.yaml`, `provinces/hue.yaml`.
        public var path: String
        public var bytes: [UInt8]
    }

    /// A file of the folder that was not sent (presenter) or not taken (follower), and why.
    public struct Left: Equatable, Sendable {
        /// As it can be shown: relative to the folder, a name that is not UTF-8 as `caf<E9>`. Not
        /// yet sanitised for a terminal (it may come from the network).
        public var path: String
        public var reason: Reason

        public init(path: String, reason: Reason) {
            self.path = path
            self.reason = reason
        }
    }

    public enum Reason: UInt8, Equatable, Sendable {
        case link = 1, notRegular, tooLarge, unreadable, badName, notWritten

        /// Why, in `language`.
        public func text(_ language: Language) -> String {
            let vi = language == .vi
            switch self {
            case .link: return vi ? "liên kết tượng trưng: không bao giờ gửi" : "a symbolic link: never shared"
            case .notRegular: return vi ? "không phải tệp thường" : "not a regular file"
            case .tooLarge: return vi ? "lớn hơn giới hạn một tệp" : "larger than the limit for one file"
            case .unreadable: return vi ? "không đọc được" : "unreadable"
            case .badName: return vi ? "tên tệp không gửi được (ký tự điều khiển, \\, không phải UTF-8, quá dài, trùng)"
                                      : "a name that cannot be sent (control character, \\, not UTF-8, too long, twice)"
            case .notWritten: return vi ? "không ghi được vào thư mục tạm" : "could not be written to the temporary folder"
            }
        }
    }

    /// "provinces/x.yaml (a symbolic link: never shared), …": the first three, sanitised for a screen.
    public static func listing(_ left: [Left], _ language: Language) -> String {
        left.prefix(3).map { TextSanitizer.line($0.path) + " (" + $0.reason.text(language) + ")" }
            .joined(separator: ", ") + (left.count > 3 ? ", …" : "")
    }

    /// Sorted by the bytes of the path (the same order on both ends, whatever the normalisation).
    public private(set) var files: [File]
    /// Files left out, in the folder's order.
    public private(set) var left: [Left]
    /// The earlier meetings of the `previous:` chain, nearest first, their files under
    /// `earlier/1/`, `earlier/2/`, …: sent only to followers that ask (hello flag 2), so that a
    /// follower without a copy of its own shows the changes and the earlier figures too. Not part
    /// of the fingerprint, which compares a follower's own copy of the meeting folder.
    public private(set) var earlierFiles: [File] = []

    /// The folder under which a received copy keeps the earlier meetings.
    public static let earlierFolder = "earlier"
    /// Most earlier meetings sent: the previous one (the changes) and enough for a trend.
    public static let maxEarlierMeetings = 4

    /// Most bytes sent (all files together) and most files: far above a real meeting folder (a
    /// province file is a few kilobytes), small enough that a follower's memory stays bounded.
    public static let maxTotalBytes = 16 << 20
    public static let maxFiles = 5_000

    public enum Failure: Error, Equatable {
        case tooLarge, tooManyFiles
        case unreadable(String)
    }

    init(files: [File], left: [Left] = [], earlierFiles: [File] = []) {
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.left = left
        self.earlierFiles = earlierFiles.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// `read(folder:)`, then the earlier meetings' folders (nearest first, as the loader found them
    /// along `previous:`), each read by the same rules, while all together stay within
    /// `maxTotalBytes`: the first meeting that does not fit, or cannot be read, ends the chain sent.
    public static func read(folder: String, earlier: [String], limits: LoadLimits = .default) -> Result<FolderFiles, Failure> {
        var files: FolderFiles
        switch read(folder: folder, limits: limits) {
        case .success(let read): files = read
        case .failure(let failure): return .failure(failure)
        }
        var total = files.totalBytes
        for (i, path) in earlier.prefix(maxEarlierMeetings).enumerated() {
            guard case .success(let meeting) = read(folder: path, limits: limits),
                  total + meeting.totalBytes <= maxTotalBytes else { break }
            total += meeting.totalBytes
            files.earlierFiles += meeting.files.map { File(path: "\(earlierFolder)/\(i + 1)/\($0.path)", bytes: $0.bytes) }
        }
        files.earlierFiles.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return .success(files)
    }

    /// Reads the folder's own regular files that the loader would read, each at most
    /// `limits.maxFileSize` bytes (the loader's own limit) and all at most `maxTotalBytes`. Missing
    /// optional files are simply absent; links, other kinds of file, files over the limit and
    /// names that cannot be sent are `left` out and the rest is read.
    public static func read(folder: String, limits: LoadLimits = .default) -> Result<FolderFiles, Failure> {
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return .failure(.unreadable(".")) }
        defer { close(root) }
        var reader = Reader(limits: limits)
        for name in MeetingFolderLayout.topLevelFiles {
            if let failure = reader.take(root, name: Array(name.utf8), path: name) { return .failure(failure) }
        }
        let provinces = MeetingFolderLayout.provincesFolder
        let folderFD = openat(root, provinces, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folderFD < 0 {
            switch errno {
            case ENOENT: break
            case ELOOP: reader.left.append(Left(path: provinces, reason: .link))
            case ENOTDIR:
                // O_DIRECTORY is checked before O_NOFOLLOW: a link to a folder is also ENOTDIR.
                var info = stat()
                let isLink = fstatat(root, provinces, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFLNK
                reader.left.append(Left(path: provinces, reason: isLink ? .link : .notRegular))
            default: reader.left.append(Left(path: provinces, reason: .unreadable))
            }
            return .success(FolderFiles(files: reader.files, left: reader.left))
        }
        defer { close(folderFD) }
        guard let names = entryNames(folderFD) else { return .failure(.unreadable(provinces)) }
        guard names.count <= maxFiles else { return .failure(.tooManyFiles) }
        var seen = Set<[UInt8]>()
        for name in names where name.first != UInt8(ascii: ".") {
            let (shown, valid) = FileNameText.display(name)
            let path = provinces + "/" + shown
            guard valid, isAllowed(path), seen.insert(Array(path.utf8)).inserted else {
                reader.left.append(Left(path: path, reason: .badName))
                continue
            }
            if let failure = reader.take(folderFD, name: name, path: path) { return .failure(failure) }
        }
        return .success(FolderFiles(files: reader.files, left: reader.left))
    }

    /// Reads files one by one against the limits.
    private struct Reader {
        let limits: LoadLimits
        var files: [File] = []
        var left: [Left] = []
        var total = 0

        /// Takes `name` in the folder `directory` (not following a link); a failure only when the
        /// whole folder is too large to send.
        mutating func take(_ directory: Int32, name: [UInt8], path: String) -> Failure? {
            let fd = (name + [0]).withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) {
                    openat(directory, $0.baseAddress!, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                }
            }
            if fd < 0 {
                switch errno {
                case ENOENT: break
                // O_NOFOLLOW: a link is refused as ELOOP (Linux) or EMLINK (BSD).
                case ELOOP, EMLINK: left.append(Left(path: path, reason: .link))
                case ENXIO: left.append(Left(path: path, reason: .notRegular))  // a socket
                default: left.append(Left(path: path, reason: .unreadable))
                }
                return nil
            }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { left.append(Left(path: path, reason: .unreadable)); return nil }
            guard info.st_mode & S_IFMT == S_IFREG else { left.append(Left(path: path, reason: .notRegular)); return nil }
            guard let bytes = FolderFiles.readCapped(fd, cap: limits.maxFileSize) else {
                left.append(Left(path: path, reason: .unreadable))
                return nil
            }
            guard bytes.count <= limits.maxFileSize else { left.append(Left(path: path, reason: .tooLarge)); return nil }
            total += bytes.count
            guard total <= FolderFiles.maxTotalBytes else { return .tooLarge }
            files.append(File(path: path, bytes: bytes))
            return nil
        }
    }

    /// The bytes of `fd` up to the cap, whatever its size says: reading stops once more than
    /// `cap` bytes came (then more than `cap` are answered, fewer than `cap` + 64 KiB); nil on a read
    /// error. Read in 64 KiB steps (a `/proc` file may refuse other sizes).
    static func readCapped(_ fd: Int32, cap: Int) -> [UInt8]? {
        let step = 64 << 10
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: step)
        while bytes.count <= cap {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, step) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            bytes += chunk[..<n]
        }
        return bytes
    }

    /// The entry names of an open folder, as bytes, without `.` and `..`; nil when it cannot be listed.
    private static func entryNames(_ folder: Int32) -> [[UInt8]]? {
        let copy = dup(folder)  // closedir closes the copy; the caller closes `folder`
        guard copy >= 0 else { return nil }
        guard let dir = fdopendir(copy) else { close(copy); return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return names
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

    /// Count, then each file: 2-byte path length, path, 4-byte size, bytes. When files were left
    /// out, then their count and each: 2-byte path length, path (at most 255 bytes), 1-byte reason.
    /// `withEarlier` (a follower that asked): the earlier meetings' files are among the files.
    var encoded: [UInt8] { encoded(withEarlier: false) }

    func encoded(withEarlier: Bool) -> [UInt8] {
        let sent = withEarlier ? files + earlierFiles : files
        var out: [UInt8] = []
        out.reserveCapacity(sent.reduce(0) { $0 + $1.bytes.count } + sent.count * 40 + 4)
        out.appendBigEndian(UInt32(sent.count))
        for file in sent {
            let name = Array(file.path.utf8)
            out.appendBigEndian(UInt16(name.count))
            out += name
            out.appendBigEndian(UInt32(file.bytes.count))
            out += file.bytes
        }
        if !left.isEmpty {
            out.appendBigEndian(UInt32(left.count))
            for item in left {
                let name = Array(item.path.utf8.prefix(255))  // shown as it is: a cut character as <E1>
                out.appendBigEndian(UInt16(name.count))
                out += name
                out.append(item.reason.rawValue)
            }
        }
        return out
    }

    /// The files a presenter sent, or nil when the message breaks a rule that makes it unusable:
    /// cut short, too many files or bytes. A file whose path the layout does not allow (outside
    /// the meeting folder, a control character) or that comes twice is left out and said, and the
    /// rest is taken.
    static func decode(_ bytes: ArraySlice<UInt8>) -> FolderFiles? {
        var r = ByteReader(bytes)
        let perMeeting = maxFiles + MeetingFolderLayout.topLevelFiles.count
        guard let count = r.uint32(), count <= perMeeting * (1 + maxEarlierMeetings) else { return nil }
        var files: [File] = [], earlier: [File] = [], left: [Left] = [], seen = Set<[UInt8]>(), total = 0
        for _ in 0..<count {
            guard let n = r.uint16(), let name = r.bytes(Int(n)), let size = r.uint32() else { return nil }
            total += Int(size)
            guard total <= maxTotalBytes, let data = r.bytes(Int(size)) else { return nil }
            guard let path = String(validating: name, as: UTF8.self), isAllowed(path), seen.insert(Array(name)).inserted else {
                left.append(Left(path: FileNameText.display(name).text, reason: .badName))
                continue
            }
            if isEarlier(path) {
                earlier.append(File(path: path, bytes: Array(data)))
            } else {
                files.append(File(path: path, bytes: Array(data)))
            }
        }
        // Only as many files per meeting as one folder may send.
        guard files.count <= perMeeting else { return nil }
        if !r.isAtEnd {
            guard let leftCount = r.uint32(), leftCount <= maxFiles + MeetingFolderLayout.topLevelFiles.count + 1 else { return nil }
            for _ in 0..<leftCount {
                guard let n = r.uint16(), n <= 255, let name = r.bytes(Int(n)), let raw = r.byte() else { return nil }
                left.append(Left(path: FileNameText.display(name).text, reason: Reason(rawValue: raw) ?? .unreadable))
            }
        }
        guard r.isAtEnd else { return nil }
        return FolderFiles(files: files, left: left, earlierFiles: earlier)
    }

    /// A top-level file of the layout, or one plain name in `provinces/`: no `/`, `..`, hidden
    /// names or control characters, so a received folder can only write inside itself.
    public static func isAllowed(_ path: String) -> Bool {
        if MeetingFolderLayout.topLevelFiles.contains(path) { return true }
        if isEarlier(path) { return true }
        let prefix = MeetingFolderLayout.provincesFolder + "/"
        guard path.hasPrefix(prefix) else { return false }
        let name = path.dropFirst(prefix.count)
        return !name.isEmpty && name.utf8.count <= 255 && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }
    }
}

extension FolderFiles {
    /// `earlier/N/` and a file of the layout, N from 1 to `maxEarlierMeetings` written plainly
    /// (no sign, no leading zero): an earlier meeting's file, written only inside its own folder.
    static func isEarlier(_ path: String) -> Bool {
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == earlierFolder, let n = Int(parts[1]), String(n) == parts[1],
              (1...maxEarlierMeetings).contains(n) else { return false }
        let rest = String(parts[2])
        return !rest.hasPrefix(earlierFolder + "/") && isAllowed(rest)
    }

    /// The subfolders a received copy may hold, deepest first: `provinces`, then each earlier
    /// meeting's `provinces` and folder, then `earlier`.
    public static var receivedSubfolders: [String] {
        let provinces = MeetingFolderLayout.provincesFolder
        return [provinces] + (1...maxEarlierMeetings).flatMap { ["\(earlierFolder)/\($0)/\(provinces)", "\(earlierFolder)/\($0)"] }
            + [earlierFolder]
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
