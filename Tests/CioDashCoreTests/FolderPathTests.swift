import CioDashCore
import XCTest

final class FolderPathTests: XCTestCase {
    /// The parent as NSString's deletingLastPathComponent gives it, without calling it (it trapped on a
    /// bare name given as an argument, Swift 6.3.1).
    func testParentIsThePathWithoutItsLastPart() {
        let cases: [(String, String)] = [
            ("m", ""), ("meeting-2026", ""), ("m/", ""), ("a/b", "a"), ("a/b/", "a"), ("./m", "."), ("./m/", "."),
            ("/a", "/"), ("/", "/"), ("/tmp/x/meeting.yaml", "/tmp/x"), ("a//b", "a"), ("../hue-2019", ".."),
            ("Quảng Ngãi/tệp.yaml", "Quảng Ngãi"),
        ]
        for (path, parent) in cases {
            XCTAssertEqual(FolderPath.parent(of: path), parent, "parent of \"\(path)\"")
        }
    }
}
