@testable import CioDashCore
import Foundation
import XCTest

/// `check`'s second look at a signed return still in the meeting folder.
final class SignedReturnTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-signed-return-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func testTheSameBytesAChangeAnAbsentFile() throws {
        let path = folder + "/r.xlsx"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let recorded = SHA256Digest.hex(Array("abc".utf8))
        XCTAssertEqual(SignedReturn.rehash(path, recorded: recorded.uppercased()), .same)
        try Data("abd".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(SignedReturn.rehash(path, recorded: recorded), .changed)
        XCTAssertEqual(SignedReturn.rehash(folder + "/gone.xlsx", recorded: recorded), .absent)
    }

    func testAFIFOOrAFolderIsNotReadAndSaidUnreadable() throws {
        let fifo = folder + "/pipe.xlsx"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Would block for ever if it were opened for reading.
        XCTAssertEqual(SignedReturn.rehash(fifo, recorded: "00"), .unreadable)
        XCTAssertEqual(SignedReturn.rehash(folder, recorded: "00"), .unreadable)
    }

    func testOnlyPathsThatStayInsideTheFolderAreFollowed() {
        XCTAssertTrue(FolderPath.staysInside("returned/da-nang.xlsx"))
        for path in ["", "/etc/passwd", "../x.xlsx", "returned/../../x", "a//b"] {
            XCTAssertFalse(FolderPath.staysInside(path), path)
        }
    }
}
