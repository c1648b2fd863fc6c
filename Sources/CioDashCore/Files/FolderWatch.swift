#if canImport(Glibc)
import Glibc
#endif

/// Notices changes in a meeting folder at a bounded cost, and hands them out once they settled.
///
/// On Linux an inotify watch on the folder and on `provinces/` reports changed names as they happen:
/// an idle folder costs nothing however many files it holds. Elsewhere (or when inotify cannot be
/// used) a bounded scan (`FolderSignature`, at most the loader's file limit) is compared each poll.
/// Either way a change is handed out only once the file stopped changing (`SettleGate`).
public final class FolderWatch {
    public let folder: String
    private let limit: Int
    private var gate = SettleGate()
    private var signature: FolderSignature?
    #if canImport(Glibc)
    private var inotify: Int32 = -1
    private var folderWatch: Int32 = -1
    private var provincesWatch: Int32 = -1
    #endif
    /// More changed names than this in one poll are summed up as "provinces/" (a bulk copy).
    static let mostNamesPerPoll = 1_000

    /// Whether changes come from inotify rather than from a scan.
    public var usesNotifications: Bool {
        #if canImport(Glibc)
        return inotify >= 0
        #else
        return false
        #endif
    }

    public init(folder: String, limit: Int = LoadLimits.default.maxProvinceFiles) {
        self.folder = folder
        self.limit = limit
        #if canImport(Glibc)
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if inotify >= 0 {
            folderWatch = inotify_add_watch(inotify, folder, Self.events)
            provincesWatch = inotify_add_watch(inotify, folder + "/provinces", Self.events)
            if folderWatch < 0 {
                close(inotify)
                inotify = -1
            }
        }
        #endif
        if !usesNotifications { signature = FolderSignature(folder: folder, limit: limit) }
    }

    deinit {
        #if canImport(Glibc)
        if inotify >= 0 { close(inotify) }
        #endif
    }

    /// Files changed since the last poll that have now settled, as paths relative to the folder
    /// ("provinces/da-nang.yaml", "meeting.yaml", "provinces/" for the folder itself). Call about
    /// once a second: settling takes one quiet poll.
    public func poll() -> [String] {
        let changed = usesNotifications ? notifiedChanges() : scannedChanges()
        let folder = self.folder
        return gate.poll(changed: changed) { FolderSignature.Entry(path: FolderPath.join(folder, $0)) }
    }

    /// Forgets what changed so far (after a reload that read everything anyway).
    public func reset() {
        _ = usesNotifications ? notifiedChanges() : scannedChanges()
        gate = SettleGate()
    }

    private func scannedChanges() -> Set<String> {
        let current = FolderSignature(folder: folder, limit: limit)
        defer { signature = current }
        guard let signature else { return [] }
        return Set(current.changedFiles(since: signature))
    }

    #if canImport(Glibc)
    private static let events = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY
                                       | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    private func notifiedChanges() -> Set<String> {
        var changed = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        // Bounded: at most a few reads per poll; whatever is left waits for the next poll.
        for _ in 0..<16 {
            let n = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                let name = FileNameText.display(nameBytes).text
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed.insert("provinces/")
                    continue
                }
                if wd == folderWatch {
                    if name == "provinces" {
                        // The folder came, went or was swapped: watch the one there now.
                        if provincesWatch >= 0 { inotify_rm_watch(inotify, provincesWatch) }
                        provincesWatch = inotify_add_watch(inotify, folder + "/provinces", Self.events)
                        changed.insert("provinces/")
                    } else if MeetingFolderLayout.topLevelFiles.contains(name) {
                        changed.insert(name)
                    } else if name.isEmpty {
                        changed.insert("provinces/")  // the folder itself was deleted or moved
                    }
                } else if wd == provincesWatch {
                    if name.isEmpty || mask & UInt32(IN_IGNORED) != 0 {
                        changed.insert("provinces/")
                    } else if !name.hasPrefix(".") {
                        changed.insert("provinces/" + name)
                    }
                }
            }
            if changed.count > Self.mostNamesPerPoll {
                changed = ["provinces/"]
            }
        }
        if changed.count > Self.mostNamesPerPoll { changed = ["provinces/"] }
        return changed
    }
    #else
    private func notifiedChanges() -> Set<String> { [] }
    #endif
}
