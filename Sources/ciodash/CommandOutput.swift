import ArgumentParser
import CioDashCore
import Foundation

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

/// A command's document (`snapshot`, `minutes`): to standard output, or with `-o` atomically into a
/// file, never over an existing one without `--force`.
func writeDocument(_ bytes: [UInt8], to output: String?, force: Bool) throws {
    guard let output else { return try writeOutput(bytes) }
    do {
        try AtomicFile.write(bytes, to: output, overwrite: force)
    } catch {
        printError("ciodash: \(error)")
        throw ExitCode(1)
    }
}

/// A Word document is a zip, not text: with no `-o` and a terminal on standard output it is refused,
/// with the way to name a file (`example`), rather than written over the screen.
func refuseBinaryOnTerminal(output: String?, language: Language, example: String) throws {
    guard output == nil && isatty(1) == 1 else { return }
    printError(language == .vi ? "ciodash: --format docx ghi một tệp nhị phân (Word): chọn tệp bằng -o, ví dụ -o \(example)"
        : "ciodash: --format docx writes a binary (Word) file: name it with -o, e.g. -o \(example)")
    throw ExitCode(2)
}
