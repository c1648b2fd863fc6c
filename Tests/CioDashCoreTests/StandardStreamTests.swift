import Foundation
import XCTest
@testable import CioDashCore

final class StandardStreamTests: XCTestCase {
    func testFullDiskIsAFailureWithItsReason() throws {
        let fd = open("/dev/full", O_WRONLY)
        try XCTSkipIf(fd < 0, "no /dev/full here")
        defer { close(fd) }
        let stream = StandardStream(descriptor: fd, name: "standard output")
        XCTAssertThrowsError(try stream.write("Thừa Thiên Huế\n")) { error in
            XCTAssertEqual((error as? StandardStream.Failure)?.description,
                           "không ghi được vào đầu ra chuẩn: No space left on device / cannot write to standard output: No space left on device")
        }
    }

    func testClosedDescriptorIsAFailure() {
        let stream = StandardStream(descriptor: 987, name: "standard output")
        XCTAssertThrowsError(try stream.write("x")) { error in
            XCTAssertEqual((error as? StandardStream.Failure)?.reason, "Bad file descriptor")
        }
    }

    func testEveryByteIsWritten() throws {
        let path = NSTemporaryDirectory() + "ciodash-stream-" + UUID().uuidString
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        defer { close(fd); unlink(path) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
        try StandardStream(descriptor: fd, name: "a file").write(bytes)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), bytes)
    }
}
