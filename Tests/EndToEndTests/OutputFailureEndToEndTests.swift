import Foundation
import XCTest

/// Issue 16, class 2: a write to standard output that fails (a full disk, a closed descriptor) is a
/// message on standard error and exit status 1 — never a Swift trap (132) and never a silent exit 0.
final class OutputFailureEndToEndTests: XCTestCase {
    /// Runs `ciodash ARGUMENTS` through `sh -c` with `redirections` applied to it.
    private func run(_ arguments: [String], _ redirections: String) throws -> CiodashProcess.Outcome {
        try CiodashProcess.run(arguments, prefix: ["/bin/sh", "-c", "exec \"$0\" \"$@\" " + redirections],
                               environment: ["SWIFT_BACKTRACE": "enable=no"])
    }

    private func assertFails(_ outcome: CiodashProcess.Outcome, saying expected: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.status, 1, "exit status; stderr: \(outcome.errors)", file: file, line: line)
        XCTAssertTrue(outcome.errors.contains(expected), "stderr must say \(expected); it says: \(outcome.errors)",
                      file: file, line: line)
    }

    func testFullDiskOnStandardOutput() throws {
        let full = "cannot write to standard output: No space left on device"
        assertFails(try run(["snapshot"], ">/dev/full"), saying: full)
        assertFails(try run(["snapshot", "--view", "all"], ">/dev/full"), saying: full)
        assertFails(try run(["snapshot", "--format", "markdown"], ">/dev/full"), saying: full)
        assertFails(try run(["check"], ">/dev/full"), saying: full)
        assertFails(try run([], "</dev/null >/dev/full"), saying: full)
        assertFails(try run(["testcard"], "</dev/null >/dev/full"), saying: full)
        XCTAssertTrue(try run(["check"], ">/dev/full").errors.contains("không ghi được vào đầu ra chuẩn"), "said in Vietnamese too")
    }

    /// Issue 26 item 7: the secretariat's commands write through the same checked stream (a full disk
    /// under `init`, `template`, `import`, `status` is a message and exit status 1, never a silent 0).
    func testTheSecretariatsCommandsCheckTheirWrites() throws {
        let full = "cannot write to standard output: No space left on device"
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-full-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let meeting = work.appendingPathComponent("m").path, forms = work.appendingPathComponent("forms").path
        assertFails(try run(["init", meeting, "--sample", "hue-2019", "--date", "2026-07-24"], ">/dev/full"), saying: full)
        XCTAssertTrue(FileManager.default.fileExists(atPath: meeting + "/meeting.yaml"), "the folder was made before the report failed")
        assertFails(try run(["template", meeting, "-o", forms], ">/dev/full"), saying: full)
        let made = try FileManager.default.contentsOfDirectory(atPath: forms).filter { $0.hasSuffix(".xlsx") }
        XCTAssertFalse(made.isEmpty)
        assertFails(try run(["import", meeting, forms + "/" + made[0], "--dry-run"], ">/dev/full"), saying: full)
        assertFails(try run(["status", meeting], ">/dev/full"), saying: full)
    }

    func testClosedStandardOutput() throws {
        let closed = "cannot write to standard output: it is closed"
        assertFails(try run(["snapshot"], ">&-"), saying: closed)
        assertFails(try run(["check"], ">&-"), saying: closed)
        assertFails(try run([], "</dev/null >&-"), saying: closed)
    }

    /// With standard error closed too there is nobody to tell, but the status still says it failed.
    func testNothingWorksStillExitsOne() throws {
        let outcome = try run(["snapshot"], ">/dev/full 2>&-")
        XCTAssertEqual(outcome.status, 1)
        let both = try run(["check"], ">&- 2>&-")
        XCTAssertEqual(both.status, 1)
    }

    /// A closed standard output must not lend its descriptor to the file `-o` writes.
    func testClosedOutputDoesNotCaptureAFile() throws {
        let path = NSTemporaryDirectory() + "ciodash-closed-" + UUID().uuidString + ".txt"
        defer { unlink(path) }
        let outcome = try run(["snapshot", "-o", path], ">&-")
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("Hội đồng:"), "the snapshot is in the file: \(text.prefix(80))")
    }
}
