import Foundation
import XCTest
import CioDashCore
@testable import CioDashRender

/// Issue 16, classes 15 and 5: `s` saves under a unique name however fast it is pressed, and never
/// writes inside the meeting folder, however the paths are arranged.
final class SnapshotStoreTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/meeting/provinces", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/work", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func testManySavesInOneSecondGetUniqueNames() throws {
        let store = SnapshotStore(meetingFolder: root + "/meeting", workingDirectory: root + "/work")
        var saved: [String] = []
        for i in 0..<500 {
            switch store.save("snapshot \(i)\n", view: .overview, stamp: "20190727-080000") {
            case .success(let path): saved.append(path)
            case .failure(let error): return XCTFail("save \(i) failed: \(error)")
            }
        }
        XCTAssertEqual(Set(saved).count, 500, "every name is new")
        XCTAssertEqual(files(root + "/work/ciodash-snapshots").count, 500)
        XCTAssertEqual(saved[1], "./ciodash-snapshots/20190727-080000-overview-2.txt")

        // A second store (another dashboard) in the same folder and second takes the next free names.
        let other = SnapshotStore(meetingFolder: root + "/meeting", workingDirectory: root + "/work")
        guard case .success(let path) = other.save("x\n", view: .overview, stamp: "20190727-080000") else { return XCTFail() }
        XCTAssertEqual(path, "./ciodash-snapshots/20190727-080000-overview-501.txt")
    }

    func testSnapshotFolderThatIsTheMeetingFolderIsRefused() throws {
        // Working in the meeting's parent, where the meeting folder itself is ./ciodash-snapshots.
        try FileManager.default.moveItem(atPath: root + "/meeting", toPath: root + "/work/ciodash-snapshots")
        let store = SnapshotStore(meetingFolder: root + "/work/ciodash-snapshots", workingDirectory: root + "/work")
        assertRefused(store, leaving: root + "/work/ciodash-snapshots", ["provinces"])
    }

    func testSnapshotFolderLinkedIntoTheMeetingIsRefused() throws {
        XCTAssertEqual(symlink(root + "/meeting/provinces", root + "/work/ciodash-snapshots"), 0)
        let store = SnapshotStore(meetingFolder: root + "/meeting", workingDirectory: root + "/work")
        assertRefused(store, leaving: root + "/meeting/provinces", [])

        // The meeting named through a link of its own, and a relative spelling with "..".
        XCTAssertEqual(symlink(root + "/meeting", root + "/meeting-link"), 0)
        assertRefused(SnapshotStore(meetingFolder: root + "/meeting-link", workingDirectory: root + "/work"),
                      leaving: root + "/meeting/provinces", [])
        assertRefused(SnapshotStore(meetingFolder: root + "/work/../meeting/.", workingDirectory: root + "/work"),
                      leaving: root + "/meeting/provinces", [])
    }

    func testLinkToAFolderThatWouldBeCreatedInsideIsRefused() throws {
        try FileManager.default.createDirectory(atPath: root + "/work/out", withIntermediateDirectories: true)
        XCTAssertEqual(symlink(root + "/meeting", root + "/work/out/m"), 0)
        XCTAssertTrue(FolderContainment.isInside(root + "/work/out/m/not-yet/deeper", folder: root + "/meeting"))
        XCTAssertFalse(FolderContainment.isInside(root + "/work/out/other", folder: root + "/meeting"))
        XCTAssertFalse(FolderContainment.isInside(root + "/meeting-sibling", folder: root + "/meeting"),
                       "a name that starts like the folder is not inside it")
    }

    func testOrdinaryFolderIsUsed() throws {
        let store = SnapshotStore(meetingFolder: root + "/meeting", workingDirectory: root + "/work")
        guard case .success = store.save("x\n", view: .agenda, stamp: "20190727-080000") else { return XCTFail() }
        XCTAssertEqual(files(root + "/meeting"), ["provinces"], "nothing written in the meeting")
    }

    private func assertRefused(_ store: SnapshotStore, leaving folder: String, _ expected: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        switch store.save("x\n", view: .overview, stamp: "20190727-080000") {
        case .success(let path):
            XCTFail("saved at \(path), inside the meeting folder", file: file, line: line)
        case .failure(let error):
            XCTAssertTrue(error.message.contains("is inside the meeting folder"), error.message, file: file, line: line)
        }
        XCTAssertEqual(files(folder), expected, "nothing written", file: file, line: line)
    }
}
