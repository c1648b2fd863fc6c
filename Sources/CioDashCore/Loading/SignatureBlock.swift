/// The `signature:` block of a province file, which `ciodash import` writes last: what the check of
/// the return's detached signature found, and the SHA-256 of every byte of the file before the block,
/// so that a file edited after a signed import is told apart (docs/format.md).
enum SignatureBlock {
    static let key = "signature"
    static let fields = ["verdict", "reasons", "file", "file_sha256", "signer", "issuer", "serial", "signed_at",
                         "timestamp", "valid_from", "valid_until", "path", "data_sha256"]

    /// The record in a province file's `signature:` mapping; nil (with an error) when it cannot be read.
    static func decode(_ node: YAMLNode, reader: FieldReader) -> SignatureRecord? {
        guard let fields = reader.fields(node, key: key, known: Self.fields) else { return nil }
        guard let verdictText = reader.requiredText(fields, "verdict") else { return nil }
        guard let verdict = SignatureVerdict(rawValue: verdictText) else {
            reader.error(at: fields["verdict"]!, LoadMessages.signatureVerdictUnknown(verdictText))
            return nil
        }
        var reasons: [SignatureReason] = []
        for text in reader.textList(fields["reasons"], key: "reasons") {
            if let reason = SignatureReason(rawValue: text) { reasons.append(reason) } else {
                reader.warning(at: fields["reasons"]!, LoadMessages.signatureReasonUnknown(text))
            }
        }
        var record = SignatureRecord(verdict: verdict, reasons: reasons, file: reader.text(fields["file"], key: "file") ?? "",
                                     fileSHA256: reader.text(fields["file_sha256"], key: "file_sha256"),
                                     signer: reader.text(fields["signer"], key: "signer"),
                                     issuer: reader.text(fields["issuer"], key: "issuer"),
                                     serial: reader.text(fields["serial"], key: "serial"),
                                     signedAt: reader.text(fields["signed_at"], key: "signed_at"),
                                     validFrom: reader.text(fields["valid_from"], key: "valid_from"),
                                     validUntil: reader.text(fields["valid_until"], key: "valid_until"),
                                     path: reader.textList(fields["path"], key: "path"),
                                     dataSHA256: reader.text(fields["data_sha256"], key: "data_sha256"))
        record.timestamped = reader.bool(fields["timestamp"], key: "timestamp") ?? false
        if record.dataSHA256 == nil, verdict != .unsigned {
            // A verdict that vouches for nothing in particular is not shown as vouching.
            record.dataIntact = false
        }
        return record
    }

    /// Whether the bytes before the block's line (1-based) still have the recorded digest.
    static func dataIntact(_ bytes: [UInt8], blockLine: Int, recorded: String) -> Bool {
        var line = 1, end = 0
        while end < bytes.count, line < blockLine {
            if bytes[end] == UInt8(ascii: "\n") { line += 1 }
            end += 1
        }
        return SHA256Digest.hex(bytes[0..<end]) == recorded.lowercased()
    }
}
