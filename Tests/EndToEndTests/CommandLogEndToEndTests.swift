import Foundation
import XCTest
import CioDashTestSupport

/// `--command-log`: the dashboard writes the session as a replay script, and the replay of that
/// log on the same folder and screen size ends on the frame the dashboard showed last.
final class CommandLogEndToEndTests: XCTestCase {
    func testTheLogTheDashboardWroteReplaysToTheFrameItShowedLast() throws {
        // The replay's copy of the samples is the folder the dashboard runs on; the log lies beside it.
        let replay = try SessionReplay()
        let log = replay.root.appendingPathComponent("commands.log").path
        let tmux = try TmuxHarness.dashboard(TmuxHarness.quote(replay.folder.path) + " --command-log " + TmuxHarness.quote(log))
        defer { tmux.close() }
        try tmux.waitFor("Tổng quan")
        try tmux.sendKeys("1")
        try tmux.waitFor("1. Phát triển dịch vụ đô thị thông minh")
        try tmux.sendKeys("Down", "Down", "Right")
        try tmux.waitFor("2. Cổng dịch vụ công")
        try tmux.sendKeys("/")
        try tmux.type("dak lak")
        try tmux.waitFor("Tìm: dak lak")
        try tmux.sendKeys("Enter")
        try tmux.waitForLines("the search prompt to close") { lines in !lines.contains { $0.contains("Tìm:") } }
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Đắk Lắk · Cổng dịch vụ công")
        try tmux.sendKeys("Space")
        try tmux.waitFor("12–32/32")
        try tmux.sendKeys("L")
        try tmux.waitFor("Đắk Lắk · Public service portal")
        let shown = try tmux.screenLines()
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)

        let written = try String(contentsOfFile: log, encoding: .utf8)
        let lines = written.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "start browse vi 80x24", written)
        XCTAssertEqual(lines.filter { !$0.hasPrefix("wait ") && !$0.hasPrefix("type ") }, [
            "start browse vi 80x24", "do agendaItem 1", "do moveDown", "do moveDown", "do moveRight", "do search",
            "do search dak lak", "do open", "do pageDown", "do toggleLanguage", "do quit",
        ], "commands by name; " + written)
        // What was typed into the prompt is text: one `type` line, or one a key where the clock moved between them.
        let typed = lines.filter { $0.hasPrefix("type ") }.map { $0.dropFirst(5) == "\" \"" ? " " : String($0.dropFirst(5)) }
        XCTAssertEqual(typed.joined(), "dak lak", written)
        try replay.run(written)
        XCTAssertEqual(replay.lastFrameLines.map(Self.trimmedRight), shown.map(Self.trimmedRight),
                       "the replay's last frame is the screen before q; the log:\n" + written)
    }

    /// Presenting: slides, `g` and a search. The banner (the first three rows) holds the wall clock,
    /// which a replay sets to the sample's day; every row under it is the replay's.
    func testAPresentersLogReplaysToTheSlideItShowedLast() throws {
        let replay = try SessionReplay()
        let log = replay.root.appendingPathComponent("present.log").path
        let tmux = try TmuxHarness.dashboard("present " + TmuxHarness.quote(replay.folder.path) + " --command-log " + TmuxHarness.quote(log))
        defer { tmux.close() }
        try tmux.waitFor("Trang 1/83")
        try tmux.sendKeys("Space")
        try tmux.waitFor("Trang 2/83")
        try tmux.sendKeys("]")
        try tmux.waitFor("Trang 3/83")
        try tmux.sendKeys("Space")
        try tmux.waitFor("Trang 4/83")
        try tmux.sendKeys("g")
        try tmux.type("30")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Trang 30/83")
        try tmux.sendKeys("/")
        try tmux.type("lam dong")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Lâm Đồng (68)")
        let shown = try tmux.screenLines()
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)

        let written = try String(contentsOfFile: log, encoding: .utf8)
        let lines = written.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { !$0.hasPrefix("wait ") && !$0.hasPrefix("type ") }, [
            "start present vi 80x24", "do nextSlide", "do nextTopic", "do nextSlide", "do goToSlide", "do goToSlide 30",
            "do search", "do search lam dong", "do quit",
        ], written)
        try replay.run(written)
        XCTAssertEqual(replay.lastFrameLines.dropFirst(3).map(Self.trimmedRight), shown.dropFirst(3).map(Self.trimmedRight),
                       "the replay's last slide under the banner is the screen before q; the log:\n" + written)
        XCTAssertEqual(replay.lastFrameLines.count, shown.count)
    }

    static func trimmedRight(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
