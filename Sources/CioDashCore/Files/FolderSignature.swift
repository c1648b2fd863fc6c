import Foundation

/// A cheap fingerprint of a meeting folder (names, sizes, modification times of the files the loader
/// reads, as `MeetingFolderLayout` names them), compared about once a second to notice that a status file changed.
public struct FolderSignature: Equatable, Sendable {
    private var entries: [String: Entry]

    /// A file's size and modification time.
    public struct Entry: Equatable, Sendable {
        public var size: Int64
        public var seconds: Int
        public var nanoseconds: Int
    }

    /// Reads the fingerprint of `folder`; missing files simply do not appear. At most `limit` entries
    /// of `provinces/` are examined (the loader reads no more either), so a folder of 300,000 files
    /// costs a bounded scan; the folder's own time still changes when any entry comes or goes.
    public init(folder: String, limit: Int = LoadLimits.default.maxProvinceFiles) {
        entries = [:]
        for name in MeetingFolderLayout.topLevelFiles {
            add(folder + "/" + name, as: name)
        }
        let folderName = MeetingFolderLayout.provincesFolder
        add(folder + "/" + folderName, as: folderName + "/")
        let provinces = folder + "/" + folderName
        if let dir = opendir(provinces) {
            defer { closedir(dir) }
            var examined = 0
            while examined < limit, let entry = readdir(dir) {
                examined += 1
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                add(provinces + "/" + name, as: folderName + "/" + name)
            }
        }
    }

    /// Relative paths whose entry differs between the two fingerprints.
    public func changedFiles(since other: FolderSignature) -> [String] {
        let keys = Set(entries.keys).union(other.entries.keys)
        return keys.filter { entries[$0] != other.entries[$0] }.sorted()
    }

    private mutating func add(_ path: String, as key: String) {
        if let entry = Entry(path: path) { entries[key] = entry }
    }
}

extension FolderSignature.Entry {
    /// The size and modification time of `path`, or nil when it cannot be examined.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
}
