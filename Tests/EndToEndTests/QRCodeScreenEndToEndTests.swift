import Foundation
import XCTest

/// The presenter's QR code read off a real terminal's pixels (issue 22): the binary shares in a tmux
/// pane, an xterm under Xvfb shows that pane in a real font, `i` opens the room info, and a screenshot
/// of the X display (ImageMagick's `import`) is decoded by zbarimg. The cell-grid read-back of
/// QRCodeTests decoded while the screen did not (a block glyph's seam split every dark run), so only
/// the pixels tell.
final class QRCodeScreenEndToEndTests: XCTestCase {
    func testTheCodeOnAnXtermScreenDecodesToTheJoinAddress() throws {
        // A font and size the set-up line installs, and a laptop's small font on a projector's size.
        try decodeOnScreen(font: "Noto Sans Mono", size: 11, columns: 110, rows: 52, port: 7481)
        try decodeOnScreen(font: "Liberation Mono", size: 8, columns: 160, rows: 45, port: 7483)
    }

    private func decodeOnScreen(font: String, size: Int, columns: Int, rows: Int, port: Int) throws {
        let xvfb = try TmuxHarness.requireTool("Xvfb"), xterm = try TmuxHarness.requireTool("xterm")
        let importTool = try TmuxHarness.requireTool("import"), zbarimg = try TmuxHarness.requireTool("zbarimg")
        let h = try TmuxHarness.dashboard("present \(TmuxHarness.quote(TmuxHarness.sampleFolder)) "
                                          + "--share 127.0.0.1:\(port) --code PHONG-HOP-2026", width: columns, height: rows)
        defer { h.close() }
        try h.waitFor("Trang 1/")

        let display = try Self.startXvfb(xvfb)
        defer { display.process.terminate(); display.process.waitUntilExit() }
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: xterm)
        terminal.arguments = ["-display", display.name, "-fa", font, "-fs", "\(size)", "-geometry", "\(columns)x\(rows)",
                              "-e", "tmux", "-S", h.socketPath, "-f", "/dev/null", "attach", "-t", h.session]
        terminal.standardOutput = FileHandle.nullDevice
        terminal.standardError = FileHandle.nullDevice
        try terminal.run()
        defer { terminal.terminate(); terminal.waitUntilExit() }
        // The pane takes the xterm's size once it is attached (a session made detached at a given
        // size keeps it until told to follow its client).
        try h.run(["set-option", "-w", "-t", h.session, "window-size", "latest"])
        try h.run(["set-option", "-t", h.session, "status", "off"])
        var seen = ""
        try h.waitUntil("xterm to attach at \(columns)×\(rows)", timeout: 30, lastSeen: { seen }) {
            seen = try h.run(["display", "-p", "-t", h.session, "#{window_width}x#{window_height} #{session_attached}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return seen == "\(columns)x\(rows) 1"
        }
        try h.sendKeys("i")
        let screen = try h.waitFor("Esc: đóng")
        let address = try XCTUnwrap(screen.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("HTTP://127.0.0.1:\(port + 1)/J/") }
        }.first.map(String.init), "the join address is on the screen")

        let shot = h.file("screen-\(font.replacingOccurrences(of: " ", with: "-"))-\(size).png").path
        var decoded = ""
        // The screen is drawn when xterm has caught up: poll the pixels, not a clock.
        try h.waitUntil("zbarimg to read the QR code off the \(font) \(size) pt screen", timeout: 30, lastSeen: { decoded }) {
            let taken = try TmuxHarness.output(of: importTool, ["-display", display.name, "-window", "root", shot])
            guard taken.status == 0 else { return false }
            let read = try TmuxHarness.output(of: zbarimg, ["--quiet", "--raw", shot])
            decoded = read.output.trimmingCharacters(in: .whitespacesAndNewlines)
            return read.status == 0 && decoded == address
        }
        XCTAssertEqual(decoded, address)
    }

    /// Xvfb on the first free display from :90, waited for by its socket.
    private static func startXvfb(_ xvfb: String) throws -> (process: Process, name: String) {
        for number in 90..<120 where !FileManager.default.fileExists(atPath: "/tmp/.X\(number)-lock") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xvfb)
            process.arguments = [":\(number)", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning, Date() < deadline {
                if FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(number)") { return (process, ":\(number)") }
                usleep(20_000)
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        throw TmuxHarness.Failure(description: "no X display could be started (Xvfb on :90 to :119)")
    }
}
