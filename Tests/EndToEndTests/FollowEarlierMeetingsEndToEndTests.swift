import Foundation
import XCTest

/// Issue 26 item 16: a follower without its own folder shows what the projector shows of the
/// earlier meetings (the ranking's "Thay đổi" column, the panels' "Kỳ trước" lines).
final class FollowEarlierMeetingsEndToEndTests: XCTestCase {
    private var harnesses: [TmuxHarness] = []

    override func tearDown() {
        harnesses.forEach { $0.close() }
        harnesses = []
        super.tearDown()
    }

    private func start(_ arguments: String, width: Int = 120, height: Int = 40) throws -> TmuxHarness {
        let h = try TmuxHarness.dashboard(arguments, width: width, height: height)
        harnesses.append(h)
        return h
    }

    func testItem16AFollowerWithoutAFolderShowsTheChangesSinceThePreviousMeeting() throws {
        let port = 7498, code = "PHONG-HOP-2026"
        // The 2026 sample's files carry no `previous` figures of their own: every change comes from
        // the 2019 meeting its `previous:` names.
        let p = try start("present --sample council-2026 --share 127.0.0.1:\(port) --code \(code)")
        try p.waitFor("Trang 1/")
        let f = try start("follow 127.0.0.1:\(port) --code \(code)")
        try f.waitFor("đang theo người trình bày 127.0.0.1:\(port)")
        try p.sendKeys("]", "]", "]")     // the third topic's ranking (information security), compared with 2019
        try p.waitFor("Thay đổi")
        try f.waitFor("Trang 27/")
        try f.waitFor("Thay đổi")
        try p.sendKeys("Right")           // its first province's panel
        try p.waitFor("Kỳ trước")
        try f.waitFor("Trang 28/")
        try f.waitFor("Kỳ trước")
        XCTAssertFalse(try f.capture().contains("không gửi số liệu các phiên trước"))
    }
}
