import Foundation
import XCTest

/// Issue 16, class 14: with bracketed paste enabled, pasted text is never read as commands.
final class PasteEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "ciodash-paste-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        harness?.close()
        harness = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testPastedCommandsDoNothingAndAPasteFillsTheSearch() throws {
        let binary = try TmuxHarness.ciodashBinary()
        let h = try TmuxHarness(width: 100, height: 30,
                                command: "cd \(TmuxHarness.quote(directory)) && \(TmuxHarness.quote(binary))")
        harness = h
        try h.waitFor("Đắk Lắk")
        let before = try h.screenLines()
        try h.paste("sqrL?Q\n2")
        // A key typed after the paste is read: the paste has ended and the dashboard is alive.
        try h.sendKeys("/")
        try h.waitFor("Tìm:")
        try h.paste("dak\nlak")
        try h.waitFor("Tìm: dak lak")
        try h.sendKeys("Escape")
        try h.waitForLines("the overview as before the paste") { $0 == before }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/ciodash-snapshots"), "the pasted s saved nothing")
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0)
        XCTAssertEqual(try h.terminalStateAfterExit(), TmuxHarness.terminalGivenBack)
    }
}
