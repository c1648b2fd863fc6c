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

    func testTheSignersCertificatePeriodIsRecordedAndSaid() throws {
        // make-test-pki.sh gives the expired leaf 01/01/2020 – 01/01/2021.
        let check = try verify("expired.p7s")
        XCTAssertEqual(check.record.validFrom, "2020-01-01T00:00:00Z")
        XCTAssertEqual(check.record.validUntil, "2021-01-01T00:00:00Z")
        XCTAssertTrue(check.summary(.vi).contains("chứng thư số có hiệu lực từ 01/01/2020 đến 01/01/2021"), check.summary(.vi))
        XCTAssertTrue(check.summary(.en).contains("certificate valid from 2020-01-01 to 2021-01-01"), check.summary(.en))
    }

    /// The signature's bytes as the test PKI made them.
    private func signatureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(name))))
    }

    private func verify(bytes: [UInt8], file: String = "return.yaml") throws -> SignatureCheck {
        let store = TrustStore(folder: try TestPKI.path("trust-full"))
        let content = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(file))))
        return DetachedSignature.verify(content: content, signature: bytes, fileName: file, trust: store,
                                        provinceName: province, now: Int64(Date().timeIntervalSince1970))
    }

    func testADamagedSignatureValueIsForgedNotAnAlteredFile() throws {
        // Without unsigned attributes the signature value ends the DER: its last byte is the RSA signature's.
        var bytes = try signatureBytes("rsa-pkcs1.p7s")
        bytes[bytes.count - 1] ^= 0x01
        let check = try verify(bytes: bytes)
        assertVerdict(check, .invalid, [.signatureBroken])
        XCTAssertTrue(check.summary(.vi).contains("chữ ký giả mạo hoặc bị hỏng"), check.summary(.vi))
        XCTAssertTrue(check.summary(.en).contains("the signature itself does not verify"), check.summary(.en))
    }

    func testABackdatedSigningTimeIsAForgedSignature() throws {
        // The last UTCTime of the DER is the signed signingTime attribute (the certificate's come before it):
        // one year earlier, as someone backdating a return would write it.
        var bytes = try signatureBytes("ec.p7s")
        let start = try XCTUnwrap((0..<(bytes.count - 15)).last { bytes[$0] == 0x17 && bytes[$0 + 1] == 0x0D && bytes[$0 + 14] == UInt8(ascii: "Z") })
        let year = start + 3
        bytes[year] = bytes[year] == UInt8(ascii: "0") ? UInt8(ascii: "9") : bytes[year] - 1
        let check = try verify(bytes: bytes)
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertTrue(check.record.reasons.contains(.signatureBroken), "\(check.record.reasons)")
        XCTAssertFalse(check.record.reasons.contains(.altered), "the file is the one signed: \(check.record.reasons)")
    }

    func testAnAlteredFileIsNotCalledAForgedSignature() throws {
        let check = try verify("rsa-pkcs1.p7s", file: "altered.yaml")
        assertVerdict(check, .invalid, [.altered])
        XCTAssertTrue(check.summary(.vi).contains("tệp đã bị sửa sau khi ký"), check.summary(.vi))
    }

    func testWithoutSignedAttributesAnAlteredFileIsSaidToBeUndecidable() throws {
        assertVerdict(try verify("noattr.p7s"), .valid, [.noSigningTime])
        let check = try verify("noattr.p7s", file: "altered.yaml")
        assertVerdict(check, .invalid, [.altered, .noSigningTime])
        XCTAssertTrue(check.details[.altered]?.contains("cannot be told apart") == true, "\(check.details)")
    }

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
