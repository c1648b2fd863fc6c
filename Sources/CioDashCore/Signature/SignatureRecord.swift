/// What `ciodash import` found when it checked a return's detached signature (`FILE.p7s`), recorded
/// in the province's status file as its last block, `signature:` (docs/format.md).
public struct SignatureRecord: Hashable, Sendable {
    public var verdict: SignatureVerdict
    public var reasons: [SignatureReason]
    /// The return's file name as imported (`da-nang.xlsx`), and the SHA-256 of its bytes.
    public var file: String
    public var fileSHA256: String?
    /// The signer's and the issuer's distinguished names (RFC 2253, sanitised), the certificate's
    /// serial number (hex) and the signing time (`2026-11-20T08:00:00Z`, from the signed attribute).
    public var signer: String?
    public var issuer: String?
    public var serial: String?
    public var signedAt: String?
    /// True when `signedAt` is the time of a verified RFC 3161 timestamp token, not the signer's own
    /// signingTime attribute.
    public var timestamped = false
    /// The signer's certificate's validity period (notBefore, notAfter), in the same form as `signedAt`.
    public var validFrom: String?
    public var validUntil: String?
    /// The certificate path, leaf first, to the pinned root.
    public var path: [String]
    /// SHA-256 of the status file's bytes before the `signature:` block, as written by import.
    public var dataSHA256: String?
    /// Set by the loader: false when the bytes before the block no longer have `dataSHA256`, i.e.
    /// the file was edited after the signed import.
    public var dataIntact = true

    public init(verdict: SignatureVerdict, reasons: [SignatureReason] = [], file: String, fileSHA256: String? = nil,
                signer: String? = nil, issuer: String? = nil, serial: String? = nil, signedAt: String? = nil,
                validFrom: String? = nil, validUntil: String? = nil, path: [String] = [], dataSHA256: String? = nil) {
        self.verdict = verdict
        self.reasons = reasons
        self.file = file
        self.fileSHA256 = fileSHA256
        self.signer = signer
        self.issuer = issuer
        self.serial = serial
        self.signedAt = signedAt
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.path = path
        self.dataSHA256 = dataSHA256
    }

    /// True when the figures may be shown as coming from a signed return: checked and unchanged since.
    public var vouches: Bool { dataIntact && (verdict == .valid || verdict == .revocationNotChecked) }

    /// The record's facts for a reader, each a short phrase: who signed, when (dd/mm/yyyy in Vietnamese,
    /// UTC), the certificate's period. The import's output, the province line, status and reports say these.
    public func facts(_ language: Language, issuer withIssuer: Bool = false) -> [String] {
        let vi = language == .vi
        var parts: [String] = []
        if let signer { parts.append((vi ? "người ký " : "signer ") + signer) }
        if withIssuer, let issuer { parts.append((vi ? "tổ chức cấp " : "issuer ") + issuer) }
        if let signedAt {
            let word = timestamped ? (vi ? "dấu thời gian " : "timestamp ") : (vi ? "ký lúc " : "signed ")
            parts.append(word + Self.shownTime(signedAt, language))
        }
        if validFrom != nil || validUntil != nil {
            let from = validFrom.map { Self.shownDate($0, language) } ?? "?"
            let until = validUntil.map { Self.shownDate($0, language) } ?? "?"
            parts.append(vi ? "chứng thư số có hiệu lực từ \(from) đến \(until)" : "certificate valid from \(from) to \(until)")
        }
        return parts.map(TextSanitizer.line)
    }

    /// `2026-11-20T08:00:00Z` as `20/11/2026 08:00 UTC` (vi) or `2026-11-20 08:00 UTC` (en); other text as it is.
    public static func shownTime(_ iso: String, _ language: Language) -> String {
        guard let (date, time) = split(iso) else { return iso }
        return shown(date, language) + " " + time + " UTC"
    }

    /// The date part only: `20/11/2026` (vi) or `2026-11-20` (en).
    public static func shownDate(_ iso: String, _ language: Language) -> String {
        guard let (date, _) = split(iso) else { return iso }
        return shown(date, language)
    }

    private static func shown(_ date: LocalDate, _ language: Language) -> String {
        language == .vi ? date.vietnamese : date.description
    }

    private static func split(_ iso: String) -> (LocalDate, String)? {
        let parts = iso.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), parts[1].count >= 5 else { return nil }
        return (date, String(parts[1].prefix(5)))
    }

    /// The verdict as machines read it (CSV): the verdict's id, or `edited-after-signing`.
    public var verdictID: String { dataIntact ? verdict.rawValue : "edited-after-signing" }

    /// The board's word: the verdict, or "edited after signing" when the data no longer match.
    public func word(_ language: Language) -> String {
        dataIntact ? verdict.word(language) : (language == .vi ? "sửa sau khi ký" : "edited after signing")
    }
}

/// The verdicts Thông tư 15/2025/TT-BKHCN asks a verifier to give.
public enum SignatureVerdict: String, Hashable, Sendable, CaseIterable {
    case valid
    case invalid
    /// Valid otherwise, but no CRL for an issuer in the path: TT 15/2025's warning.
    case revocationNotChecked = "revocation-not-checked"
    case unsigned

    public func word(_ language: Language) -> String {
        switch (self, language) {
        case (.valid, .vi): return "hợp lệ"
        case (.valid, .en): return "valid"
        case (.invalid, .vi): return "không hợp lệ"
        case (.invalid, .en): return "invalid"
        case (.revocationNotChecked, .vi): return "không kiểm tra được thu hồi"
        case (.revocationNotChecked, .en): return "revocation not checked"
        case (.unsigned, .vi): return "chưa ký"
        case (.unsigned, .en): return "unsigned"
        }
    }
}

/// Why a signature is not simply valid. Warnings leave the verdict as it is.
public enum SignatureReason: String, Hashable, Sendable, CaseIterable {
    case altered
    /// The signature over the signed attributes does not verify: forged, or damaged in transit.
    case signatureBroken = "signature-broken"
    /// An RFC 3161 timestamp token is there and does not verify (another signature's, an unknown TSA).
    case timestampInvalid = "timestamp-invalid"
    case expiredAtSigning = "expired-at-signing"
    case revoked
    case unknownRoot = "unknown-root"
    case keyTooShort = "key-too-short"
    case weakDigest = "weak-digest"
    case signingTimeInFuture = "signing-time-in-future"
    case chainTooLong = "chain-too-long"
    case badPath = "bad-path"
    case malformed
    case tooLarge = "too-large"
    case unsupported
    // Warnings.
    case revocationNotChecked = "revocation-not-checked"
    case organisationMismatch = "organisation-mismatch"
    case noSigningTime = "no-signing-time"
    case revokedAfterSigning = "revoked-after-signing"

    public var isWarning: Bool {
        switch self {
        case .revocationNotChecked, .organisationMismatch, .noSigningTime, .revokedAfterSigning: return true
        default: return false
        }
    }

    public var text: BilingualText {
        switch self {
        case .altered:
            return BilingualText(vi: "tệp đã bị sửa sau khi ký (hoặc đây là chữ ký của một tệp khác)",
                                 en: "the file was changed after signing (or this is the signature of another file)")
        case .signatureBroken:
            return BilingualText(vi: "bản thân chữ ký không đúng: chữ ký giả mạo hoặc bị hỏng",
                                 en: "the signature itself does not verify (forged or damaged)")
        case .timestampInvalid:
            return BilingualText(vi: "dấu thời gian (RFC 3161) không hợp lệ: không phải của chữ ký này, hoặc không dẫn tới chứng thư gốc đã ghim",
                                 en: "the timestamp token (RFC 3161) does not verify: not over this signature, or from a TSA under no pinned root")
        case .expiredAtSigning:
            return BilingualText(vi: "chứng thư số hết hạn hoặc chưa có hiệu lực vào thời điểm ký",
                                 en: "a certificate was expired or not yet valid at the signing time")
        case .revoked:
            return BilingualText(vi: "chứng thư số đã bị thu hồi trước thời điểm ký", en: "a certificate was revoked before the signing time")
        case .unknownRoot:
            return BilingualText(vi: "không dẫn tới chứng thư gốc nào được ghim trong trust/",
                                 en: "the path leads to no root pinned in trust/")
        case .keyTooShort:
            return BilingualText(vi: "khoá quá ngắn (RSA dưới 2048 bit, ECDSA dưới 256 bit)",
                                 en: "key too short (RSA under 2048 bits, ECDSA under 256 bits)")
        case .weakDigest:
            return BilingualText(vi: "hàm băm yếu (SHA-1 hoặc yếu hơn; cần SHA-256 trở lên)",
                                 en: "weak digest (SHA-1 or weaker; SHA-256 or stronger needed)")
        case .signingTimeInFuture:
            return BilingualText(vi: "thời điểm ký nằm trong tương lai", en: "the signing time is in the future")
        case .chainTooLong:
            return BilingualText(vi: "chuỗi chứng thư quá dài", en: "the certificate chain is too long")
        case .badPath:
            return BilingualText(vi: "chuỗi chứng thư không hợp lệ", en: "the certificate path is not valid")
        case .malformed:
            return BilingualText(vi: "tệp chữ ký hỏng hoặc không phải chữ ký CMS tách rời",
                                 en: "the signature file is damaged or not a detached CMS signature")
        case .tooLarge:
            return BilingualText(vi: "tệp chữ ký quá lớn", en: "the signature file is too large")
        case .unsupported:
            return BilingualText(vi: "thuật toán hoặc cấu trúc chữ ký không được hỗ trợ", en: "unsupported signature algorithm or structure")
        case .revocationNotChecked:
            return BilingualText(vi: "không kiểm tra được thu hồi: thiếu danh sách thu hồi (CRL) của một tổ chức cấp",
                                 en: "revocation not checked: no CRL for an issuer in the path")
        case .organisationMismatch:
            return BilingualText(vi: "tổ chức của người ký không khớp với tên tỉnh",
                                 en: "the signer's organisation does not match the province")
        case .noSigningTime:
            return BilingualText(vi: "chữ ký không ghi thời điểm ký: kiểm tra theo thời điểm nhập",
                                 en: "the signature carries no signing time: checked at the time of import")
        case .revokedAfterSigning:
            return BilingualText(vi: "chứng thư số bị thu hồi sau thời điểm ký", en: "a certificate was revoked after the signing time")
        }
    }
}
