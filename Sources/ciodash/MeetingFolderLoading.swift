import ArgumentParser
import CioDashCore

/// Loads the meeting folder a secretariat command names (a required argument, unlike the viewers'
/// optional one), or prints the loader's errors and exits 2.
func loadMeetingFolderOrExit(_ folder: String) throws -> Meeting {
    let result = MeetingLoader().load(folder: folder)
    guard let meeting = result.meeting else {
        for d in result.diagnostics where d.severity == .error { printError(TextSanitizer.line(d.description)) }
        throw ExitCode(2)
    }
    return meeting
}
