import COpenSSL
import CioDashCore
import Foundation

/// What checking one return's detached signature found: the record kept with the province's data,
/// and a detail for some reasons (the issuer without a CRL, OpenSSL's words on a bad path).
public struct SignatureCheck: Sendable {
    public var record: SignatureRecord
    public var details: [SignatureReason: String] = [:]
    /// The signer's O and OU values (sanitised), for the province check.
    public var organisations: [String] = []

    /// Adds the warning when no O or OU of the signer names the province (diacritics and case aside:
    /// "UBND TINH QUANG NGAI" names Quảng Ngãi). Only for a signature that has a signer.
    public mutating func compareOrganisation(with province: String) {
        guard record.signer != nil, !record.reasons.contains(.organisationMismatch) else { return }
        let wanted = SearchKey.fold(province)
        guard !wanted.isEmpty else { return }
        let matches = organisations.contains { name in
            let folded = SearchKey.fold(name)
            return !folded.isEmpty && (folded.contains(wanted) || wanted.contains(folded))
        }
        guard !matches else { return }
        record.reasons.append(.organisationMismatch)
        details[.organisationMismatch] = organisations.isEmpty ? "no O or OU" : organisations.joined(separator: ", ")
    }

    /// One sentence for the import's output: the verdict, who signed, under whom, when, and why not valid.
    public func summary(_ language: Language) -> String {
        let vi = language == .vi
        var parts = [(vi ? "chữ ký: " : "signature: ") + record.verdict.word(language)]
        parts += record.facts(language, issuer: true)
        if let serial = record.serial { parts.append((vi ? "số hiệu " : "serial ") + serial) }
        var text = parts.joined(separator: "; ")
        let reasons = record.reasons.map { reason -> String in
            let words = vi ? reason.text.vi : reason.text.en
            return details[reason].map { words + " (" + $0 + ")" } ?? words
        }
        if !reasons.isEmpty { text += " — " + reasons.joined(separator: "; ") }
        return TextSanitizer.line(text)
    }
}

/// Verifies a detached CMS signature (`FILE.p7s`, DER or PEM) over a return's bytes, at the signing
/// time, against the pinned roots of a `TrustStore`, as Thông tư 15/2025/TT-BKHCN asks of a verifier.
/// OpenSSL checks the signature (PKCS#1 v1.5, RSASSA-PSS, ECDSA) and builds the path; the digests,
/// key sizes, CRLs and the signer's organisation are checked here. Nothing is fetched from the network.
public enum DetachedSignature {
    public static let signatureExtension = "p7s"
    /// Bounds: a .p7s larger than this is refused before parsing; a path longer than this is refused;
    /// a return larger than this is not hashed.
    public static let maxSignatureBytes = 1 << 20
    public static let maxChainDepth: Int32 = 8
    public static let maxReturnBytes = 64 << 20
    /// Clocks differ: a signing time up to five minutes ahead of this machine's is accepted.
    public static let futureTolerance: Int64 = 300

    /// `FILE.p7s` when it exists beside `file`.
    public static func signaturePath(for file: String) -> String? {
        let path = file + "." + signatureExtension
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Checks the signature beside `file` (unsigned when there is none). The record names the return by
    /// its path inside `meetingFolder` when it lies there (`forms/da-nang.xlsx`, which `check` hashes
    /// again later), else by its name alone.
    public static func check(file: String, trust: TrustStore, provinceName: String?, meetingFolder: String? = nil,
                             now: Int64 = Int64(Date().timeIntervalSince1970)) -> SignatureCheck {
        let inside = meetingFolder.flatMap { FolderPath.relative(file, inside: $0) }
        let name = TextSanitizer.line(inside ?? (file as NSString).lastPathComponent)
        guard let content = read(file, cap: maxReturnBytes) else {
            return SignatureCheck(record: SignatureRecord(verdict: .invalid, reasons: [.malformed], file: name),
                                  details: [.malformed: "the return cannot be read, or is larger than 64 MiB"])
        }
        guard let signaturePath = signaturePath(for: file) else {
            let hash = content.withUnsafeBytes { OpenSSLValues.sha256Hex($0) }
            return SignatureCheck(record: SignatureRecord(verdict: .unsigned, file: name, fileSHA256: hash))
        }
        guard let signature = read(signaturePath, cap: maxSignatureBytes) else {
            let hash = content.withUnsafeBytes { OpenSSLValues.sha256Hex($0) }
            return SignatureCheck(record: SignatureRecord(verdict: .invalid, reasons: [.tooLarge], file: name, fileSHA256: hash),
                                  details: [.tooLarge: "over \(maxSignatureBytes) bytes, or unreadable"])
        }
        return verify(content: content, signature: signature, fileName: name, trust: trust, provinceName: provinceName, now: now)
    }

    static func read(_ path: String, cap: Int) -> [UInt8]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, size.intValue <= cap,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // A file that grew past its size since the stat is refused too.
        guard let data = try? handle.read(upToCount: cap + 1) else { return [] }
        return data.count <= cap ? [UInt8](data) : nil
    }

    /// The verification proper, on bytes.
    public static func verify(content: [UInt8], signature: [UInt8], fileName: String, trust: TrustStore,
                              provinceName: String?, now: Int64) -> SignatureCheck {
        ERR_clear_error()
        defer { ERR_clear_error() }
        var check = SignatureCheck(record: SignatureRecord(verdict: .invalid, file: fileName,
                                                           fileSHA256: content.withUnsafeBytes { OpenSSLValues.sha256Hex($0) }))
        func fail(_ reason: SignatureReason, _ detail: String? = nil) -> SignatureCheck {
            add(reason, detail)
            return finished()
        }
        func add(_ reason: SignatureReason, _ detail: String? = nil) {
            if !check.record.reasons.contains(reason) { check.record.reasons.append(reason) }
            if let detail, !detail.isEmpty, check.details[reason] == nil { check.details[reason] = TextSanitizer.line(detail) }
        }
        func finished() -> SignatureCheck {
            let failed = check.record.reasons.contains { !$0.isWarning }
            check.record.verdict = failed ? .invalid
                : check.record.reasons.contains(.revocationNotChecked) ? .revocationNotChecked : .valid
            return check
        }
        guard signature.count <= maxSignatureBytes else { return fail(.tooLarge) }
        guard !signature.isEmpty else { return fail(.malformed, "empty file") }

        let cms: OpaquePointer? = signature.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return TrustStore.isPEM(signature) ? PEM_read_bio_CMS(bio, nil, nil, nil) : d2i_CMS_bio(bio, nil)
        }
        guard let cms else { return fail(.malformed, OpenSSLValues.lastError()) }
        defer { CMS_ContentInfo_free(cms) }
        guard OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed else { return fail(.malformed, "not CMS SignedData") }
        guard CMS_is_detached(cms) == 1 else { return fail(.unsupported, "the signature embeds its content; a detached .p7s is expected") }
        guard let signerInfos = CMS_get0_SignerInfos(cms), ciodash_sk_CMS_SignerInfo_num(signerInfos) == 1,
              let signerInfo = ciodash_sk_CMS_SignerInfo_value(signerInfos, 0) else {
            return fail(.unsupported, "exactly one signer expected")
        }

        // Untrusted certificates: those the signature carries and the intermediates of trust/.
        guard let untrusted = CMS_get1_certs(cms) ?? ciodash_sk_X509_new() else { return fail(.malformed) }
        defer { ciodash_sk_X509_pop_free(untrusted) }
        guard ciodash_sk_X509_num(untrusted) <= 64 else { return fail(.chainTooLong, "more than 64 certificates") }
        for cert in trust.intermediates where X509_up_ref(cert) == 1 { _ = ciodash_sk_X509_push(untrusted, cert) }
        _ = CMS_set1_signers_certs(cms, untrusted, 0)
        ERR_clear_error()

        var key: OpaquePointer?, signer: OpaquePointer?
        var digestAlgorithm: UnsafeMutablePointer<X509_ALGOR>?, signatureAlgorithm: UnsafeMutablePointer<X509_ALGOR>?
        CMS_SignerInfo_get0_algs(signerInfo, &key, &signer, &digestAlgorithm, &signatureAlgorithm)
        guard let signer else { return fail(.unknownRoot, "the signer's certificate is neither in the signature nor in trust/") }
        check.record.signer = OpenSSLValues.subject(signer)
        check.record.issuer = OpenSSLValues.issuer(signer)
        check.record.serial = OpenSSLValues.serial(signer)
        check.record.validFrom = OpenSSLValues.seconds(X509_get0_notBefore(signer)).map(OpenSSLValues.iso)
        check.record.validUntil = OpenSSLValues.seconds(X509_get0_notAfter(signer)).map(OpenSSLValues.iso)

        // Digest of the content: SHA-256 or stronger.
        var digestObject: OpaquePointer?
        if let digestAlgorithm { X509_ALGOR_get0(&digestObject, nil, nil, digestAlgorithm) }
        let digestNID = OBJ_obj2nid(digestObject)
        if !OpenSSLValues.isStrongDigest(digestNID) { add(.weakDigest, OBJ_nid2sn(digestNID).map { String(cString: $0) }) }

        // Signing time, from the signed attribute.
        var signingTime: Int64?
        let timeIndex = CMS_signed_get_attr_by_NID(signerInfo, NID_pkcs9_signingTime, -1)
        if timeIndex >= 0, let attribute = CMS_signed_get_attr(signerInfo, timeIndex) {
            for type in [V_ASN1_UTCTIME, V_ASN1_GENERALIZEDTIME] where signingTime == nil {
                if let value = X509_ATTRIBUTE_get0_data(attribute, 0, type, nil) {
                    signingTime = OpenSSLValues.seconds(value.assumingMemoryBound(to: ASN1_TIME.self))
                }
            }
        }
        // An RFC 3161 timestamp token over the signature value, when there is one and it verifies, is
        // the signing time: a TSA's time, not the signer's own clock. One that does not verify is refused.
        switch TimestampToken.check(signerInfo, trust: trust, untrusted: untrusted) {
        case .absent: break
        case .verified(let time):
            signingTime = time
            check.record.timestamped = true
        case .rejected(let detail): add(.timestampInvalid, detail)
        }
        if let signingTime {
            check.record.signedAt = OpenSSLValues.iso(signingTime)
            if signingTime > now + futureTolerance { add(.signingTimeInFuture, OpenSSLValues.iso(signingTime)) }
        } else {
            add(.noSigningTime)
        }
        let at = signingTime.map { min($0, now) } ?? now

        // Integrity, in two checks that say different things: the signature over the signed attributes
        // (fails: the signature itself is forged or damaged), then the file's digest against the signed
        // messageDigest (differs: the file is not the one signed).
        integrity(signerInfo, cms: cms, untrusted: untrusted, content: content, digest: digestNID, add: add)

        // The path, at the signing time, to a pinned root.
        let chain = path(from: signer, untrusted: untrusted, trust: trust, at: at, add: add)
        check.record.path = chain.map { OpenSSLValues.subject($0) }
        for (index, cert) in chain.enumerated() {
            if let problem = OpenSSLValues.keyProblem(X509_get0_pubkey(cert)) {
                add(problem, OpenSSLValues.subject(cert))
            }
            let isRoot = index == chain.count - 1 && X509_self_signed(cert, 0) == 1
            if !isRoot {
                var digest: Int32 = 0, keyKind: Int32 = 0
                let signatureNID = X509_get_signature_nid(cert)
                // RSASSA-PSS names its digest in its parameters: no digest here, and OpenSSL has checked it.
                if signatureNID != NID_rsassaPss, OBJ_find_sigid_algs(signatureNID, &digest, &keyKind) == 1,
                   !OpenSSLValues.isStrongDigest(digest) {
                    add(.weakDigest, OpenSSLValues.subject(cert))
                }
            }
        }
        if let key, let problem = OpenSSLValues.keyProblem(key), chain.isEmpty { add(problem) }
        // Revocation means something only on a path that reaches a pinned root.
        if !check.record.reasons.contains(where: { [.unknownRoot, .chainTooLong, .badPath].contains($0) }) {
            revocation(chain: chain, at: at, trust: trust, add: add)
        }

        check.organisations = OpenSSLValues.subjectValues(signer, nid: NID_organizationName)
            + OpenSSLValues.subjectValues(signer, nid: NID_organizationalUnitName)
        if let provinceName { check.compareOrganisation(with: provinceName) }
        return finished()
    }

    /// Tells a forged or damaged signature from an altered file. With signed attributes (what CAdES and
    /// every token produce) the two are separate facts; without them the signature covers the content
    /// directly and a failure cannot say which, so it is reported as an altered file with that said.
    static func integrity(_ signerInfo: OpaquePointer, cms: OpaquePointer, untrusted: OpaquePointer, content: [UInt8],
                          digest digestNID: Int32, add: (SignatureReason, String?) -> Void) {
        guard CMS_signed_get_attr_count(signerInfo) > 0 else {
            let verified: Int32 = content.withUnsafeBytes { raw in
                guard let data = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return 0 }
                defer { BIO_free(data) }
                let flags = UInt32(CMS_DETACHED | CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY)
                return CMS_verify(cms, untrusted, nil, data, nil, flags)
            }
            if verified != 1 {
                add(.altered, "no signed attributes: an altered file and a damaged signature cannot be told apart; "
                    + OpenSSLValues.lastError())
            }
            return
        }
        guard CMS_SignerInfo_verify(signerInfo) == 1 else {
            add(.signatureBroken, OpenSSLValues.lastError())
            return
        }
        guard let digestName = OBJ_nid2sn(digestNID), let md = EVP_get_digestbyname(digestName),
              let signed = CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING)
        else {
            add(.malformed, "no messageDigest attribute, or an unknown digest")
            return
        }
        let recorded = signed.assumingMemoryBound(to: ASN1_OCTET_STRING.self)
        let expected = [UInt8](UnsafeBufferPointer(start: ASN1_STRING_get0_data(recorded), count: Int(ASN1_STRING_length(recorded))))
        var actual = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let hashed = content.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &actual, &length, md, nil) }
        if hashed != 1 || Array(actual.prefix(Int(length))) != expected {
            add(.altered, "the file's digest differs from the signed messageDigest")
        }
        ERR_clear_error()
    }

    /// The path from the signer to a pinned root (leaf first), built by OpenSSL with the signing time as
    /// "now", purpose "any", a depth cap and no CRL lookup (revocation is checked after). On failure the
    /// part OpenSSL could build, and the reason added.
    static func path(from signer: OpaquePointer, untrusted: OpaquePointer, trust: TrustStore, at time: Int64,
                     add: (SignatureReason, String?) -> Void) -> [OpaquePointer] {
        guard let store = X509_STORE_new() else { return [] }
        defer { X509_STORE_free(store) }
        for root in trust.trustedCertificates { X509_STORE_add_cert(store, root) }
        guard let context = X509_STORE_CTX_new() else { return [] }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, signer, untrusted) == 1 else { return [] }
        let parameters = X509_STORE_CTX_get0_param(context)
        X509_VERIFY_PARAM_set_time(parameters, time_t(time))
        X509_VERIFY_PARAM_set_depth(parameters, maxChainDepth)
        X509_STORE_CTX_set_purpose(context, X509_PURPOSE_ANY)
        let verified = X509_verify_cert(context) == 1
        var chain: [OpaquePointer] = []
        if let built = X509_STORE_CTX_get0_chain(context) {
            for i in 0..<min(ciodash_sk_X509_num(built), maxChainDepth + 2) {
                if let cert = ciodash_sk_X509_value(built, i) { chain.append(cert) }
            }
        }
        // Each certificate of the chain is also held by the signature, the untrusted stack or the
        // trust store, which outlive the caller's use of it.
        if !verified {
            let error = X509_STORE_CTX_get_error(context)
            let words = X509_verify_cert_error_string(Int(error)).map { String(cString: $0) } ?? "error \(error)"
            switch error {
            case X509_V_ERR_CERT_HAS_EXPIRED, X509_V_ERR_CERT_NOT_YET_VALID: add(.expiredAtSigning, words)
            case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
                 X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
                 X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
                add(.unknownRoot, words)
            case X509_V_ERR_CERT_CHAIN_TOO_LONG: add(.chainTooLong, words)
            default: add(.badPath, words)
            }
        }
        ERR_clear_error()
        return chain
    }

    /// Each certificate of the path below the root against a CRL of its issuer from trust/ (signed by
    /// that issuer and not out of date at the signing time): revoked at or before the signing time makes
    /// the signature invalid; no CRL for an issuer is TT 15/2025's "revocation not checked".
    static func revocation(chain: [OpaquePointer], at time: Int64, trust: TrustStore,
                           add: (SignatureReason, String?) -> Void) {
        guard chain.count >= 2 else { return }
        var unchecked: [String] = []
        for index in 0..<(chain.count - 1) {
            let cert = chain[index], issuer = chain[index + 1]
            guard let issuerKey = X509_get0_pubkey(issuer) else { continue }
            let usable = trust.crls.filter { crl in
                guard X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(issuer)) == 0,
                      X509_CRL_verify(crl, issuerKey) == 1 else { return false }
                let next = OpenSSLValues.seconds(X509_CRL_get0_nextUpdate(crl))
                return next.map { $0 >= time } ?? true
            }
            ERR_clear_error()
            if usable.isEmpty {
                unchecked.append(OpenSSLValues.subject(issuer))
                continue
            }
            for crl in usable {
                var entry: OpaquePointer?
                guard X509_CRL_get0_by_serial(crl, &entry, X509_get0_serialNumber(cert)) == 1, let entry else { continue }
                let revokedAt = OpenSSLValues.seconds(X509_REVOKED_get0_revocationDate(entry)) ?? Int64.min
                let detail = OpenSSLValues.subject(cert) + " @ " + (revokedAt == Int64.min ? "?" : OpenSSLValues.iso(revokedAt))
                add(revokedAt <= time ? .revoked : .revokedAfterSigning, detail)
            }
        }
        if !unchecked.isEmpty { add(.revocationNotChecked, unchecked.joined(separator: "; ")) }
    }
}
