import Foundation

/// Where the minutes journal of a meeting lives when `--minutes` does not say: outside the meeting
/// folder (delegates read it; the presenter must not write into it), named by the meeting's date.
public enum MinutesLocation {
    /// `./ciodash-minutes/<date>.jsonl`, or `~/ciodash-minutes/<date>.jsonl` when the working
    /// directory is inside the meeting folder.
    public static func defaultPath(meetingFolder: String, date: LocalDate,
                                   workingDirectory: String = FileManager.default.currentDirectoryPath,
                                   home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        let folder = URL(fileURLWithPath: meetingFolder).standardizedFileURL.resolvingSymlinksInPath().path
        let here = URL(fileURLWithPath: workingDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        let base = (here == folder || here.hasPrefix(folder + "/")) ? (home ?? NSTemporaryDirectory()) : "."
        return base + "/ciodash-minutes/\(date).jsonl"
    }
}
