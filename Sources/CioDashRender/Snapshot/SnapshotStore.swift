import CioDashCore
import Foundation

/// Where the `s` key saves views: `./ciodash-snapshots/`, named by time and view, written atomically
/// and never over an existing file. Never inside the meeting folder: delegates browse read-only.
public struct SnapshotStore {
    public let directory: String
    /// How the saved path is shown: relative to the working directory when it lies inside it.
    public let displayPrefix: String
    public let meetingFolder: String
    /// The last suffix used per name stem, so that many saves in one second each find a free name
    /// at once (the no-clobber write still settles a race with another process).
    private let lastSuffix = SuffixMemory()

    public init(meetingFolder: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.meetingFolder = meetingFolder
        let folder = URL(fileURLWithPath: meetingFolder).standardizedFileURL.resolvingSymlinksInPath().path
        let here = URL(fileURLWithPath: workingDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        if here == folder || here.hasPrefix(folder + "/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()
            directory = home + "/ciodash-snapshots"
            displayPrefix = directory
        } else {
            directory = workingDirectory + "/ciodash-snapshots"
            displayPrefix = "./ciodash-snapshots"
        }
    }

    /// Saves `text`, returning the path written or a message saying why not.
    public func save(_ text: String, view: ViewID, stamp: String = SnapshotStore.stamp()) -> Result<String, SaveError> {
        // Checked on every save, before anything is created: links can change while the dashboard runs.
        if FolderContainment.isInside(directory, folder: meetingFolder) {
            return .failure(SaveError(message: "\(displayPrefix) is inside the meeting folder, and the dashboard never "
                                      + "writes there; run ciodash from another folder"))
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return .failure(SaveError(message: "cannot create \(directory): \(error.localizedDescription)"))
        }
        let stem = stamp + "-" + view.fileStem
        var attempt = lastSuffix.next(for: stem)
        while true {
            let name = stem + (attempt == 1 ? "" : "-\(attempt)") + ".txt"
            do {
                try AtomicFile.write(Array(text.utf8), to: directory + "/" + name, overwrite: false)
                lastSuffix.used(attempt, for: stem)
                return .success(displayPrefix + "/" + name)
            } catch .exists {
                attempt += 1
            } catch {
                return .failure(SaveError(message: error.description))
            }
        }
    }

    /// Suffixes already taken, per stem; only the latest stem matters (the stamp moves on each second).
    private final class SuffixMemory: @unchecked Sendable {
        private var stem = ""
        private var suffix = 0

        func next(for stem: String) -> Int { stem == self.stem ? suffix + 1 : 1 }

        func used(_ suffix: Int, for stem: String) {
            self.stem = stem
            self.suffix = suffix
        }
    }

    public struct SaveError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Local time as 20190727-080000, the start of every saved name.
    public static func stamp() -> String {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }
}
