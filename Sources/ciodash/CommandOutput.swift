import ArgumentParser
import CioDashCore

/// A line on standard error, for messages that must not mix with a snapshot on standard output.
/// Messages quote paths, file names and the environment: each line goes through the sanitiser here,
/// whatever put it together. A failed write to standard error has nowhere to be reported.
func printError(_ line: String) {
    let safe = line.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.line(String($0)) }
    try? StandardStream.error.write(safe.joined(separator: "\n") + "\n")
}

/// Writes a command's output to standard output. A write that fails (closed, disk full) ends the
/// command: a message on standard error and exit status 1, never a trap or a silent loss.
func writeOutput(_ bytes: [UInt8]) throws {
    do {
        try StandardStream.output.write(bytes)
    } catch {
        printError("ciodash: \(error)")
        throw ExitCode(1)
    }
}

func writeOutput(_ text: String) throws { try writeOutput(Array(text.utf8)) }
