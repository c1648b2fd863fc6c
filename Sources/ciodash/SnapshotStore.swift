import CioDashCore
import CioDashRender
import Foundation

/// Where the `s` key saves views: `./ciodash-snapshots/`, named by time and view, written atomically
/// and never over an existing file. Never inside the meeting folder: delegates browse read-only.
struct SnapshotStore {
    let directory: String
    /// How the saved path is shown: relative to the working directory when it lies inside it.
    let displayPrefix: String

    init(meetingFolder: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
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
    func save(_ text: String, view: ViewID) -> Result<String, SaveError> {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return .failure(SaveError(message: "cannot create \(directory): \(error.localizedDescription)"))
        }
        let stem = WallClock.stamp() + "-" + view.fileStem
        for attempt in 1...50 {
            let name = stem + (attempt == 1 ? "" : "-\(attempt)") + ".txt"
            do {
                try AtomicFile.write(Array(text.utf8), to: directory + "/" + name, overwrite: false)
                return .success(displayPrefix + "/" + name)
            } catch .exists {
                continue
            } catch {
                return .failure(SaveError(message: error.description))
            }
        }
        return .failure(SaveError(message: "too many snapshots named \(stem)"))
    }

    struct SaveError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
