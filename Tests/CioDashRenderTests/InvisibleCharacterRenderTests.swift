import XCTest
import CioDashCore
@testable import CioDashRender
import CioDashTestSupport

/// Issue 16, class 12: the screen showed `?` for U+2028 while the snapshot wrote it raw. Both are the
/// same grid, and the grid sanitises separators and TAG characters like any other text.
final class InvisibleCharacterRenderTests: XCTestCase {
    func testSnapshotAndScreenGridCarryNoSeparatorOrTag() {
        var meeting = MeetingFixture.make()
        meeting.provinces[0].name = "Thừa\u{2028}Thiên\u{2029}Huế\u{E0041}"
        meeting.provinces[0].topics["smart-city"]?.summary = "Dòng một\u{2028}dòng hai"
        let snapshot = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: 0)
        let text = snapshot.text(for: ViewRenderer.everyView(of: meeting))
        let bad = text.unicodeScalars.first { TextSanitizer.isSeparatorOrTag($0.value) }
        XCTAssertNil(bad, "no separator or tag character in the snapshot")
        XCTAssertTrue(text.contains("Thừa Thiên Huế<U+E0041>"), "the name is shown with a space and the tag visible")
    }
}
