import ArgumentParser
import CioDashCore

/// `ciodash check [DIR]`: tells the secretariat what is wrong in a meeting folder.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a meeting folder and list every problem as path:line:col: error|warning: message.",
        discussion: "Exit status: 0 when there are no errors, 1 when there are, 2 when the folder cannot be read."
    )

    @OptionGroup var meeting: MeetingOptions

    func run() throws {
        let result = meeting.load()
        var output = ""
        for diagnostic in result.diagnostics {
            // The path and the message both come from the folder: nothing in them may drive the terminal.
            output += TextSanitizer.line(diagnostic.description) + "\n"
        }
        output += Self.summary(result) + "\n"
        try writeOutput(output)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// "19 provinces loaded, 0 errors, 2 warnings" (and how many are broken, when some are).
    static func summary(_ result: LoadResult) -> String {
        if result.folderUnreadable { return "folder not read, \(plural(result.errorCount, "error"))" }
        let provinces = result.meeting?.provinces ?? []
        let missing = provinces.filter(\.notReported).count
        let broken = provinces.filter(\.isBroken).count - missing
        var parts = ["\(plural(provinces.count - broken - missing, "province")) loaded"]
        if broken > 0 { parts.append("\(broken) broken") }
        if missing > 0 { parts.append("\(missing) not yet reported") }
        if result.meeting == nil { parts = ["no usable meeting file"] }
        parts.append(plural(result.errorCount, "error"))
        parts.append(plural(result.warningCount, "warning"))
        return parts.joined(separator: ", ")
    }

    private static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
