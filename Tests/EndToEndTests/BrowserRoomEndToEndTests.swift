import Foundation
import XCTest

/// The room in a real browser (issue 22): Tests/Browser/room_in_browser.py runs the binary as a
/// sharing presenter in tmux and drives Debian's headless Chromium through its DevTools protocol:
/// join, follow a key, a late joiner, browse and search without diacritics, rejoin, the presenter
/// quits and restarts; phone and laptop screenshots. Needs chromium and python3's websocket-client.
final class BrowserRoomEndToEndTests: XCTestCase {
    func testTheRoomInChromium() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Browser/room_in_browser.py").path
        let shots = ProcessInfo.processInfo.environment["CIODASH_SHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-browser-shots-\(getpid())").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, try CiodashProcess.binary().path, shots]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "room_in_browser.py (install chromium and python3-websocket):\n\(output)")
        XCTAssertTrue(output.contains("all checks held"), output)
    }
}
