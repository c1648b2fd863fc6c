import Foundation
import XCTest

/// `ciodash snapshot -o FILE` never loses a file: it refuses an existing one without --force, replaces
/// it whole with --force, and reports a full disk or an impossible path without leaving anything behind.
final class SnapshotOutputTests: XCTestCase {
    private var folder: String!
    /// Reproducible output, so two runs can be compared byte for byte.
    private let epoch = ["SOURCE_DATE_EPOCH": "1564214400"]

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-snapshot-out-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `ciodash snapshot` of the bundled sample with `arguments`.
    private func snapshot(_ arguments: [String]) throws -> CiodashProcess.Outcome {
        try CiodashProcess.run(["snapshot"] + arguments, environment: epoch)
    }

    func testExistingFileIsRefusedWithoutForceAndReplacedWithIt() throws {
        let path = folder + "/minutes.txt"
        try Data("biên bản của thư ký\n".utf8).write(to: URL(fileURLWithPath: path))

        let refused = try snapshot(["-o", path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.errors, "ciodash: \(path) already exists; use --force to overwrite it\n")
        XCTAssertEqual(refused.output, "")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "biên bản của thư ký\n", "left untouched")

        let forced = try snapshot(["-o", path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.errors)
        XCTAssertEqual(forced.errors, "")
        let expected = try snapshot([]).stdout
        XCTAssertGreaterThan(expected.count, 1000)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), expected, "the whole snapshot")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["minutes.txt"], "no temporary file left")
    }

    func testNewFileIsCreated() throws {
        let path = folder + "/overview.md"
        let outcome = try snapshot(["-o", path, "--format", "markdown"])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), try snapshot(["--format", "markdown"]).stdout)
    }

    func testFullDiskIsAClearErrorAndLeavesNoPartialFile() throws {
        let disk = try TinyFilesystem()
        let path = disk.path + "/all.txt"
        let outcome = try snapshot(["--view", "all", "-o", path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.errors, "ciodash: cannot write \(path): No space left on device\n")
        XCTAssertEqual(try disk.names(), [], "no partial snapshot and no temporary file")
    }

    func testReadOnlyFolderIsAClearError() throws {
        let disk = try TinyFilesystem()
        try disk.remountReadOnly()
        let path = disk.path + "/overview.txt"
        let outcome = try snapshot(["-o", path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.errors, "ciodash: cannot write \(path): Read-only file system\n")
    }

    func testImpossiblePathIsAClearError() throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let path = folder + "/notes.txt/overview.txt"
        let outcome = try snapshot(["-o", path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.errors, "ciodash: cannot write \(path): Not a directory\n")
    }
}
