import Foundation
import XCTest

/// The dashboard's `s` key on a full disk or in a read-only folder: the status line says why nothing
/// was saved, nothing partial is left, and the dashboard keeps running.
final class SnapshotKeyEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?

    override func tearDown() {
        harness?.close()
        harness = nil
    }

    /// Opens the bundled sample in English with `directory` as the working directory (where `s` saves).
    private func startDashboard(in directory: String) throws -> TmuxHarness {
        let binary = try TmuxHarness.ciodashBinary()
        let h = try TmuxHarness(width: 200, height: 30,
                                command: "cd \(TmuxHarness.quote(directory)) && \(TmuxHarness.quote(binary)) --lang en")
        harness = h
        try h.waitFor("Thừa Thiên Huế")
        return h
    }

    func testFullDiskIsReportedAndTheDashboardKeepsRunning() throws {
        let disk = try TinyFilesystem()
        disk.fill()
        let h = try startDashboard(in: disk.path)
        try h.sendKeys("s")
        let screen = try h.waitFor("Could not save: cannot write \(disk.path)/ciodash-snapshots/")
        XCTAssertTrue(screen.contains("No space left on device"), screen)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path + "/ciodash-snapshots"), [],
                       "no partial snapshot, no temporary file")
        try h.sendKeys("2")
        try h.waitFor("2. Public service portal and public postal service")
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0)
    }

    func testReadOnlyFolderIsReportedAndTheDashboardKeepsRunning() throws {
        let disk = try TinyFilesystem()
        try disk.remountReadOnly()
        let h = try startDashboard(in: disk.path)
        try h.sendKeys("s")
        let screen = try h.waitFor("Could not save: cannot create \(disk.path)/ciodash-snapshots")
        XCTAssertTrue(screen.contains("read only"), "Foundation's reason, e.g. \"The volume is read only.\"\n" + screen)
        try h.sendKeys("2")
        try h.waitFor("2. Public service portal and public postal service")
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0)
    }
}
