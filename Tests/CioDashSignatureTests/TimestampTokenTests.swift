import COpenSSL
import CioDashCore
@testable import CioDashSignature
import Foundation
import XCTest

/// RFC 3161 timestamp tokens in a signature's unsigned attributes, made by the test PKI's TSA with
/// `openssl ts` (make-test-pki.sh) and put into the signature here, as a signing tool that asks a TSA
/// does.
final class TimestampTokenTests: XCTestCase {
    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestPKI.path(name))))
    }

    /// The signature with `token` added as its id-aa-signatureTimeStampToken attribute.
    private func stamped(_ signature: String, with token: String) throws -> [UInt8] {
        let der = try bytes(signature), tokenDER = try bytes(token)
        let cms = try XCTUnwrap(der.withUnsafeBytes { raw -> OpaquePointer? in
            let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count))
            defer { BIO_free(bio) }
            return d2i_CMS_bio(bio, nil)
        })
        defer { CMS_ContentInfo_free(cms) }
        let signerInfo = try XCTUnwrap(ciodash_sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0))
        XCTAssertEqual(CMS_unsigned_add1_attr_by_NID(signerInfo, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                                     tokenDER, Int32(tokenDER.count)), 1)
        let out = try XCTUnwrap(BIO_new(BIO_s_mem()))
        defer { BIO_free(out) }
        XCTAssertEqual(i2d_CMS_bio(out, cms), 1)
        var pointer: UnsafeMutablePointer<CChar>?
        let count = ciodash_BIO_mem_data(out, &pointer)
        return [UInt8](UnsafeRawBufferPointer(start: pointer, count: Int(count)))
    }

    private func verify(_ signature: [UInt8]) throws -> SignatureCheck {
        let store = TrustStore(folder: try TestPKI.path("trust-full"))
        return DetachedSignature.verify(content: try bytes("return.yaml"), signature: signature, fileName: "return.yaml",
                                        trust: store, provinceName: "Quảng Ngãi", now: Int64(Date().timeIntervalSince1970))
    }

    func testATokenOverTheSignatureIsItsSigningTimeAndSaidAsATimestamp() throws {
        // The signature without signed attributes has no signingTime of its own: the token gives it one.
        let bare = try verify(try bytes("noattr.p7s"))
        XCTAssertEqual(bare.record.reasons, [.noSigningTime])
        let check = try verify(try stamped("noattr.p7s", with: "noattr.tst"))
        XCTAssertEqual(check.record.verdict, .valid, "\(check.record.reasons) \(check.details)")
        XCTAssertEqual(check.record.reasons, [])
        XCTAssertTrue(check.record.timestamped)
        let at = try XCTUnwrap(check.record.signedAt)
        XCTAssertTrue(check.summary(.vi).contains("dấu thời gian " + SignatureRecord.shownTime(at, .vi)), check.summary(.vi))
        XCTAssertTrue(check.summary(.en).contains("timestamp " + SignatureRecord.shownTime(at, .en)), check.summary(.en))
        XCTAssertFalse(check.summary(.vi).contains("ký lúc"), check.summary(.vi))
    }

    func testATokenOnASignatureWithSignedAttributesVerifiesToo() throws {
        let check = try verify(try stamped("ec.p7s", with: "ec.tst"))
        XCTAssertEqual(check.record.verdict, .valid, "\(check.record.reasons) \(check.details)")
        XCTAssertTrue(check.record.timestamped)
    }

    func testATokenOverAnotherSignatureIsRejected() throws {
        let check = try verify(try stamped("ec.p7s", with: "rsa-pkcs1.tst"))
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertEqual(check.record.reasons, [.timestampInvalid], "\(check.details)")
        XCTAssertFalse(check.record.timestamped)
        XCTAssertTrue(check.summary(.vi).contains("dấu thời gian (RFC 3161) không hợp lệ"), check.summary(.vi))
    }

    func testATokenFromATSAUnderNoPinnedRootIsRejected() throws {
        let check = try verify(try stamped("ec.p7s", with: "ec-stranger.tst"))
        XCTAssertEqual(check.record.verdict, .invalid)
        XCTAssertEqual(check.record.reasons, [.timestampInvalid], "\(check.details)")
    }

    func testAnAttributeThatIsNoTokenIsRejected() throws {
        // The TSA's query instead of its token: DER, but no signed timestamp.
        let check = try verify(try stamped("ec.p7s", with: "ec.p7s.tsq"))
        XCTAssertEqual(check.record.reasons, [.timestampInvalid], "\(check.details)")
    }
}
