import CioDashCore
@testable import CioDashSignature
import Foundation
import XCTest

/// Every verdict and reason of `DetachedSignature`, against the test PKI of make-test-pki.sh.
final class DetachedSignatureTests: XCTestCase {
    private let province = "Quảng Ngãi"

    private func verify(_ signature: String, file: String = "return.yaml", trust: String = "trust-full",
                        now: Int64? = nil) throws -> SignatureCheck {
        // The PKI first: it is made on first use, and "now" is after it.
        let store = TrustStore(folder: try TestPKI.path(trust))
        let content = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(file))))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(signature))))
        return DetachedSignature.verify(content: content, signature: bytes, fileName: file, trust: store,
                                        provinceName: province, now: now ?? Int64(Date().timeIntervalSince1970))
    }

    private func assertVerdict(_ check: SignatureCheck, _ verdict: SignatureVerdict, _ reasons: [SignatureReason],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(check.record.verdict, verdict, "reasons: \(check.record.reasons) \(check.details)", file: file, line: line)
        XCTAssertEqual(Set(check.record.reasons), Set(reasons), "details: \(check.details)", file: file, line: line)
    }

    func testRSAPKCS1WithCRLsIsValidAndRecordsWhoSignedWhen() throws {
        let check = try verify("rsa-pkcs1.p7s")
        assertVerdict(check, .valid, [])
        XCTAssertTrue(check.record.signer?.contains("CN=Nguyễn Văn A") == true, check.record.signer ?? "")
        XCTAssertTrue(check.record.issuer?.contains("CA phục vụ các cơ quan Nhà nước G2") == true)
        XCTAssertEqual(check.record.path.count, 3)
        XCTAssertEqual(check.record.serial?.isEmpty, false)
        XCTAssertNotNil(check.record.signedAt)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path("return.yaml")))
        XCTAssertEqual(check.record.fileSHA256, SHA256Digest.hex([UInt8](bytes)))
    }

    func testRSAPSSIsValid() throws { assertVerdict(try verify("rsa-pss.p7s"), .valid, []) }

    func testECDSAP256WithSMIMEUsageAndNoCertificatesInTheSignatureIsValid() throws {
        // The intermediate comes from trust/, as a token's signature often carries the leaf alone.
        assertVerdict(try verify("ec.p7s"), .valid, [])
    }

    func testPEMSignatureIsRead() throws { assertVerdict(try verify("ec-pem.p7s"), .valid, []) }

    func testWithoutCRLsRevocationIsNotChecked() throws {
        let check = try verify("ec.p7s", trust: "trust-nocrl")
        assertVerdict(check, .revocationNotChecked, [.revocationNotChecked])
        XCTAssertTrue(check.details[.revocationNotChecked]?.contains("CA phục vụ") == true, "\(check.details)")
    }

    func testAlteredFileIsInvalid() throws {
        assertVerdict(try verify("ec.p7s", file: "altered.yaml"), .invalid, [.altered])
    }

    func testExpiredAtSigningTime() throws { assertVerdict(try verify("expired.p7s"), .invalid, [.expiredAtSigning]) }

    func testRevokedBeforeSigning() throws { assertVerdict(try verify("revoked.p7s"), .invalid, [.revoked]) }

    func testRSA1024IsTooShort() throws { assertVerdict(try verify("weak.p7s"), .invalid, [.keyTooShort]) }

    func testSHA1ContentDigestIsWeak() throws { assertVerdict(try verify("sha1.p7s"), .invalid, [.weakDigest]) }

    func testSHA1SignedCertificateIsWeak() throws { assertVerdict(try verify("sha1cert.p7s"), .invalid, [.weakDigest]) }

    func testUnpinnedRootIsUnknownAndSaidSo() throws {
        assertVerdict(try verify("ec.p7s", trust: "trust-unpinned"), .invalid, [.unknownRoot])
        let store = TrustStore(folder: try TestPKI.path("trust-unpinned"))
        XCTAssertTrue(store.roots.isEmpty)
        XCTAssertTrue(store.notes.contains { $0.file == "root.der" && $0.text.en.contains("not pinned") }, "\(store.notes)")
    }

    func testRootNotInTrustIsUnknown() throws { assertVerdict(try verify("stranger.p7s"), .invalid, [.unknownRoot]) }

    func testOrganisationOfAnotherProvinceIsAWarning() throws {
        let check = try verify("other-org.p7s")
        assertVerdict(check, .valid, [.organisationMismatch])
        XCTAssertTrue(check.details[.organisationMismatch]?.contains("Đà Nẵng") == true)
    }

    func testOrganisationWithoutDiacriticsMatches() throws {
        // good-ec's O is "UBND TINH QUANG NGAI".
        XCTAssertFalse(try verify("ec.p7s").record.reasons.contains(.organisationMismatch))
    }

    func testSigningTimeInTheFuture() throws {
        let check = try verify("ec.p7s", now: Int64(Date().timeIntervalSince1970) - 86_400)
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertTrue(check.record.reasons.contains(.signingTimeInFuture), "\(check.record.reasons)")
    }

    func testEmbeddedContentIsNotADetachedSignature() throws {
        assertVerdict(try verify("embedded.p7s"), .invalid, [.unsupported])
    }
}
