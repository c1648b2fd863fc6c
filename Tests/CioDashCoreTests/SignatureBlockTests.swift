@testable import CioDashCore
import Foundation
import XCTest

/// The `signature:` block of a province file and the digest that tells an edit after a signed import.
final class SignatureBlockTests: XCTestCase {
    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256Digest.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Digest.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks, and a message whose padding needs a block of its own.
        XCTAssertEqual(SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    private func load(_ body: String, signature: String) throws -> (Meeting?, [Diagnostic]) {
        let folder = NSTemporaryDirectory() + "ciodash-signature-block-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("""
            format: ciodash/1
            title: "Họp thử"
            council: "Hội đồng thử"
            date: 2026-07-24
            topics:
              - id: smart-city
                title: "Đô thị thông minh"
                minutes: 10
            """.utf8).write(to: URL(fileURLWithPath: folder + "/meeting.yaml"))
        try Data((body + signature).utf8).write(to: URL(fileURLWithPath: folder + "/provinces/quang-ngai.yaml"))
        let result = MeetingLoader(readsPreviousMeeting: false).load(folder: folder)
        return (result.meeting, result.diagnostics)
    }

    private let body = """
        format: ciodash/1
        id: quang-ngai
        name: "Quảng Ngãi"
        reported: 2026-07-20
        topics:
          smart-city:
            status: on-track

        """

    private func block(dataSHA256: String) -> String {
        """
        signature:
          verdict: valid
          reasons: [organisation-mismatch]
          file: "quang-ngai.xlsx"
          file_sha256: 00ff
          signer: "CN=Trần Thị B,O=UBND TINH QUANG NGAI"
          issuer: "CN=CA phục vụ các cơ quan Nhà nước G2"
          serial: "1001"
          signed_at: "2026-07-21T08:00:00Z"
          valid_from: "2026-01-01T00:00:00Z"
          valid_until: "2027-12-31T23:59:59Z"
          path: ["CN=Trần Thị B", "CN=CA G2", "CN=Root G2"]
          data_sha256: \(dataSHA256)

        """
    }

    func testTheBlockIsReadAndTheDataFoundIntact() throws {
        let (meeting, diagnostics) = try load(body, signature: block(dataSHA256: SHA256Digest.hex(Array(body.utf8))))
        XCTAssertEqual(diagnostics.map(\.description), [])
        let record = try XCTUnwrap(meeting?.province("quang-ngai")?.signature)
        XCTAssertEqual(record.verdict, .valid)
        XCTAssertEqual(record.reasons, [.organisationMismatch])
        XCTAssertEqual(record.signer, "CN=Trần Thị B,O=UBND TINH QUANG NGAI")
        XCTAssertEqual(record.path.count, 3)
        XCTAssertEqual(record.validFrom, "2026-01-01T00:00:00Z")
        XCTAssertEqual(record.validUntil, "2027-12-31T23:59:59Z")
        XCTAssertEqual(record.facts(.vi), ["người ký CN=Trần Thị B,O=UBND TINH QUANG NGAI", "ký lúc 21/07/2026 08:00 UTC",
                                          "chứng thư số có hiệu lực từ 01/01/2026 đến 31/12/2027"])
        XCTAssertEqual(record.facts(.en).last, "certificate valid from 2026-01-01 to 2027-12-31")
        XCTAssertTrue(record.dataIntact)
        XCTAssertTrue(record.vouches)
        XCTAssertEqual(ReportingBoard(try XCTUnwrap(meeting)).rows.first { $0.provinceID == "quang-ngai" }?.signature?.verdict, .valid)
    }

    func testAnEditBeforeTheBlockIsFlaggedAtItsLine() throws {
        let edited = body.replacingOccurrences(of: "on-track", with: "behind")
        let (meeting, diagnostics) = try load(edited, signature: block(dataSHA256: SHA256Digest.hex(Array(body.utf8))))
        let record = try XCTUnwrap(meeting?.province("quang-ngai")?.signature)
        XCTAssertFalse(record.dataIntact)
        XCTAssertFalse(record.vouches)
        XCTAssertEqual(record.word(.en), "edited after signing")
        let warning = try XCTUnwrap(diagnostics.first { $0.message.contains("edited after its signed return") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.line, 8, "the line of signature:")
    }

    func testAnUnknownVerdictIsAnError() throws {
        let (_, diagnostics) = try load(body, signature: "signature:\n  verdict: trusted\n  file: \"x.xlsx\"\n")
        XCTAssertTrue(diagnostics.contains { $0.severity == .error && $0.message.contains("unknown signature verdict") },
                      diagnostics.map(\.description).joined(separator: "\n"))
    }
}
