#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CioDashApp
import CioDashCore

/// The file `--command-log` names, opened for appending: a session's lines go after whatever it
/// holds (nothing in it is ever overwritten), each write a checked `write(2)` of what the loop kept.
final class CommandLogFile: CommandLogSink {
    private let stream: StandardStream
    /// The path as the messages show it.
    let shownPath: String

    private init(descriptor: Int32, shownPath: String) {
        stream = StandardStream(descriptor: descriptor, name: shownPath)
        self.shownPath = shownPath
    }

    deinit { close(stream.descriptor) }

    /// Opens (or creates) `path` for appending; a sentence in both languages when it cannot be, or
    /// when it lies inside the meeting folder (a log must never land among the meeting's files).
    static func opening(_ path: String, meetingFolder: String) -> Result<CommandLogFile, CommandLogFileError> {
        let shown = TextSanitizer.line(path)
        if FolderContainment.isInside(path, folder: meetingFolder) {
            return .failure(CommandLogFileError(
                "nhật ký lệnh \(shown) nằm trong thư mục phiên họp; hãy chọn tệp ở nơi khác / "
                    + "the command log \(shown) is inside the meeting folder; choose a file elsewhere"))
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            return .failure(CommandLogFileError("không mở được nhật ký lệnh \(shown): \(reason) / cannot open the command log \(shown): \(reason)"))
        }
        return .success(CommandLogFile(descriptor: fd, shownPath: shown))
    }

    func append(_ text: String) -> String? {
        do throws(StandardStream.Failure) {
            try stream.write(text)
            return nil
        } catch {
            return "\(shownPath): \(error.reason)"
        }
    }
}

/// Why the command log could not be opened, in Vietnamese and English.
struct CommandLogFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
