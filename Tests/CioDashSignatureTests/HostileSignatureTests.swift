import CioDashCore
@testable import CioDashSignature
import Foundation
import XCTest

/// Signatures built to hurt: each gives a verdict, in bounded time, and nothing raw reaches a screen.
final class HostileSignatureTests: XCTestCase {
    private func verify(bytes: [UInt8], file: String = "return.yaml", trust: String = "trust-full") throws -> SignatureCheck {
        let store = TrustStore(folder: try TestPKI.path(trust))
        let content = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(file))))
        return DetachedSignature.verify(content: content, signature: bytes, fileName: file, trust: store,
                                        provinceName: "Quảng Ngãi", now: Int64(Date().timeIntervalSince1970))
    }

    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(name))))
    }

    func testTruncatedSignatureIsMalformed() throws {
        let whole = try bytes("rsa-pkcs1.p7s")
        for cut in [1, 16, whole.count / 2, whole.count - 1] {
            let check = try verify(bytes: Array(whole.prefix(cut)))
            XCTAssertEqual(check.record.verdict, .invalid, "cut at \(cut)")
            XCTAssertEqual(check.record.reasons, [.malformed], "cut at \(cut)")
        }
        XCTAssertEqual(try verify(bytes: []).record.reasons, [.malformed])
    }

    func testHugeSignatureIsRefusedBeforeParsing() throws {
        let huge = [UInt8](repeating: 0x30, count: DetachedSignature.maxSignatureBytes + 1)
        XCTAssertEqual(try verify(bytes: huge).record.reasons, [.tooLarge])
        // And from a file, by its size.
        let folder = NSTemporaryDirectory() + "ciodash-huge-p7s-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/return.yaml"
        try Data("topics: {}\n".utf8).write(to: URL(fileURLWithPath: file))
        try Data(huge).write(to: URL(fileURLWithPath: file + ".p7s"))
        let check = DetachedSignature.check(file: file, trust: TrustStore(empty: folder), provinceName: nil)
        XCTAssertEqual(check.record.reasons, [.tooLarge])
    }

    func testSignatureOverAnotherFileIsAltered() throws {
        let check = try verify(bytes: try bytes("ec.p7s"), file: "ca.cnf")
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertEqual(check.record.reasons, [.altered])
    }

    func testChainLoopEndsAsUnknownRoot() throws {
        let check = try verify(bytes: try bytes("loop.p7s"))
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertTrue(check.record.reasons.contains(.unknownRoot), "\(check.record.reasons)")
    }

    func testSixtyFourDeepChainIsTooLong() throws {
        let started = Date()
        let check = try verify(bytes: try bytes("deep.p7s"), trust: "trust-deep")
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertTrue(check.record.reasons.contains(.chainTooLong), "\(check.record.reasons) \(check.details)")
        XCTAssertLessThanOrEqual(check.record.path.count, Int(DetachedSignature.maxChainDepth) + 2)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    func testSixtyFourDeepPathThroughTrustedIntermediatesStopsAtTheDepthCap() throws {
        // The signature carries one certificate; the 64 intermediates come from trust/.
        let check = try verify(bytes: try bytes("deep-leaf-only.p7s"), trust: "trust-deep-intermediates")
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertTrue(check.record.reasons.contains(.chainTooLong), "\(check.record.reasons) \(check.details)")
        XCTAssertFalse(check.record.path.isEmpty, "OpenSSL built part of the path before the cap")
        XCTAssertLessThanOrEqual(check.record.path.count, Int(DetachedSignature.maxChainDepth) + 2)
    }

    func testASN1BombsAreMalformed() throws {
        // Nested indefinite-length SEQUENCEs, half a MiB deep; a length claiming 2 GiB; a length of lengths.
        let nested = [UInt8](repeatElement([0x30, 0x80], count: 250_000).joined())
        let longLength: [UInt8] = [0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x06, 0x09]
        let lengthOfLength: [UInt8] = [0x30, 0x8f] + [UInt8](repeating: 0xff, count: 15)
        for bomb in [nested, longLength, lengthOfLength] {
            let started = Date()
            let check = try verify(bytes: bomb)
            XCTAssertEqual(check.record.reasons, [.malformed], "\(bomb.prefix(8))")
            XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        }
    }

    func testControlCharactersInTheSubjectAreSanitised() throws {
        let check = try verify(bytes: try bytes("evil.p7s"))
        XCTAssertEqual(check.record.verdict, .valid, "\(check.record.reasons)")
        let shown = [check.record.signer ?? ""] + check.record.path
        for text in shown {
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f || (0x80..<0xa0).contains($0.value) },
                           "raw control character in \(text.debugDescription)")
        }
        XCTAssertTrue(check.record.signer?.contains("evil") == true)
    }
}
