import COpenSSL
import Foundation

/// An RFC 3161 timestamp token carried by a signature (the unsigned attribute
/// id-aa-signatureTimeStampToken): a time-stamping authority's signed statement that the signature
/// value existed at its time. Verified with OpenSSL's TS API: the token's signature and the TSA's
/// certificate path to a pinned root of `trust/` at the token's time, and its message imprint over
/// this signature's value.
enum TimestampToken {
    enum Finding: Equatable {
        case absent
        /// The token verifies: its time, seconds since 1970.
        case verified(Int64)
        /// A token is there and does not verify, with OpenSSL's or our words why.
        case rejected(String)
    }

    /// A token larger than this is not read (the whole .p7s is capped at 1 MiB already).
    static let maxTokenBytes = 256 << 10

    static func check(_ signerInfo: OpaquePointer, trust: TrustStore, untrusted: OpaquePointer) -> Finding {
        let index = CMS_unsigned_get_attr_by_NID(signerInfo, NID_id_smime_aa_timeStampToken, -1)
        guard index >= 0 else { return .absent }
        defer { ERR_clear_error() }
        guard CMS_unsigned_get_attr_by_NID(signerInfo, NID_id_smime_aa_timeStampToken, index) < 0,
              let attribute = CMS_unsigned_get_attr(signerInfo, index), X509_ATTRIBUTE_count(attribute) == 1,
              let der = ciodash_asn1_type_sequence(X509_ATTRIBUTE_get0_type(attribute, 0)),
              ASN1_STRING_length(der) <= maxTokenBytes else {
            return .rejected("exactly one timestamp token of at most 256 KiB expected")
        }
        var cursor = ASN1_STRING_get0_data(der)
        guard let token = d2i_PKCS7(nil, &cursor, Int(ASN1_STRING_length(der))) else {
            return .rejected("the timestamp token cannot be read: " + OpenSSLValues.lastError())
        }
        defer { PKCS7_free(token) }
        guard let info = PKCS7_to_TS_TST_INFO(token) else {
            return .rejected("not a timestamp token: " + OpenSSLValues.lastError())
        }
        defer { TS_TST_INFO_free(info) }
        guard let time = OpenSSLValues.seconds(TS_TST_INFO_get_time(info)) else { return .rejected("the token has no time") }

        // The imprint a token over this signature must carry: the signature value hashed with the
        // token's own algorithm, SHA-256 or stronger.
        var algorithm: OpaquePointer?
        X509_ALGOR_get0(&algorithm, nil, nil, TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(info)))
        let nid = OBJ_obj2nid(algorithm)
        guard OpenSSLValues.isStrongDigest(nid), let name = OBJ_nid2sn(nid), let md = EVP_get_digestbyname(name),
              let value = CMS_SignerInfo_get0_signature(signerInfo) else {
            return .rejected("the token's digest is weak or unknown")
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(ASN1_STRING_get0_data(value), Int(ASN1_STRING_length(value)), &digest, &length, md, nil) == 1,
              let imprint = ciodash_openssl_malloc(Int(length))?.assumingMemoryBound(to: UInt8.self) else {
            return .rejected(OpenSSLValues.lastError())
        }
        imprint.update(from: digest, count: Int(length))

        // The context owns the store, the certificates and the imprint from here on.
        guard let context = TS_VERIFY_CTX_new() else {
            ciodash_openssl_free(imprint)
            return .rejected(OpenSSLValues.lastError())
        }
        defer { TS_VERIFY_CTX_free(context) }
        _ = TS_VERIFY_CTX_set_imprint(context, imprint, Int(length))
        guard let store = X509_STORE_new() else { return .rejected(OpenSSLValues.lastError()) }
        _ = TS_VERIFY_CTX_set_store(context, store)
        for root in trust.trustedCertificates { X509_STORE_add_cert(store, root) }
        // The TSA's certificate is checked at the token's own time, with the same depth cap as a signer's.
        X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), time_t(time))
        X509_VERIFY_PARAM_set_depth(X509_STORE_get0_param(store), DetachedSignature.maxChainDepth)
        if let certificates = X509_chain_up_ref(untrusted) { _ = TS_VERIFY_CTX_set_certs(context, certificates) }
        _ = TS_VERIFY_CTX_set_flags(context, Int32(TS_VFY_VERSION | TS_VFY_SIGNER | TS_VFY_IMPRINT))
        guard TS_RESP_verify_token(context, token) == 1 else {
            return .rejected(OpenSSLValues.lastError())
        }
        return .verified(time)
    }
}
