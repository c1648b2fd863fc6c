import CioDashCore

/// Writes a `ProvinceReport` as a `provinces/<id>.json` status file: the same fields and order as
/// `ProvinceYAMLWriter`, for a province the folder keeps as JSON. JSON has no comments, so the file
/// carries no header and no import record (`ImportRecord`).
public enum ProvinceJSONWriter {
    public static func text(_ report: ProvinceReport, topicOrder: [String]) -> String {
        var fields: [String] = ["\"format\": \"ciodash/1\"", "\"id\": \(quoted(report.id))", "\"name\": \(quoted(report.name))"]
        if let code = report.code { fields.append("\"code\": \(quoted(code))") }
        if let region = report.region { fields.append("\"region\": \(quoted(region))") }
        if let reported = report.reported { fields.append("\"reported\": \(quoted(reported.description))") }
        if let source = report.source { fields.append("\"source\": \(quoted(source))") }
        let ids = topicOrder.filter { report.topics[$0] != nil } + report.topics.keys.filter { !topicOrder.contains($0) }.sorted()
        var topics: [String] = []
        for id in ids {
            let topic = report.topics[id]!
            var entries = ["\"status\": \(quoted(topic.status.rawValue))"]
            if let summary = topic.summary { entries.append("\"summary\": \(quoted(summary))") }
            if !topic.metrics.isEmpty {
                let metrics = topic.metrics.map { metric -> String in
                    var m = ["\"id\": \(quoted(metric.id))", "\"label\": \(quoted(metric.label))",
                             "\"value\": \(YAMLText.number(metric.value))"]
                    if let target = metric.target { m.append("\"target\": \(YAMLText.number(target))") }
                    if let unit = metric.unit { m.append("\"unit\": \(quoted(unit))") }
                    if let previous = metric.previous { m.append("\"previous\": \(YAMLText.number(previous))") }
                    if let source = metric.source { m.append("\"source\": \(quoted(source))") }
                    m.append("\"illustrative\": \(metric.illustrative)")
                    return "        {" + m.joined(separator: ", ") + "}"
                }
                entries.append("\"metrics\": [\n" + metrics.joined(separator: ",\n") + "\n      ]")
            }
            if !topic.highlights.isEmpty { entries.append("\"highlights\": [" + topic.highlights.map(quoted).joined(separator: ", ") + "]") }
            if !topic.issues.isEmpty { entries.append("\"issues\": [" + topic.issues.map(quoted).joined(separator: ", ") + "]") }
            topics.append("    \(quoted(id)): {\n      " + entries.joined(separator: ",\n      ") + "\n    }")
        }
        fields.append(topics.isEmpty ? "\"topics\": {}" : "\"topics\": {\n" + topics.joined(separator: ",\n") + "\n  }")
        var out = "{\n  " + fields.joined(separator: ",\n  ")
        guard let signature = report.signature else { return out + "\n}\n" }
        // The block's data_sha256 covers every byte before the line of its key, as in YAML.
        out += ",\n"
        return out + "  \"signature\": " + signatureObject(signature, data: out) + "\n}\n"
    }

    static func signatureObject(_ record: SignatureRecord, data: String) -> String {
        func q(_ text: String) -> String { quoted(TextSanitizer.line(text)) }
        var f = ["\"verdict\": \(q(record.verdict.rawValue))"]
        if !record.reasons.isEmpty { f.append("\"reasons\": [" + record.reasons.map { q($0.rawValue) }.joined(separator: ", ") + "]") }
        f.append("\"file\": \(q(record.file))")
        if let hash = record.fileSHA256 { f.append("\"file_sha256\": \(q(hash))") }
        if let signer = record.signer { f.append("\"signer\": \(q(signer))") }
        if let issuer = record.issuer { f.append("\"issuer\": \(q(issuer))") }
        if let serial = record.serial { f.append("\"serial\": \(q(serial))") }
        if let signedAt = record.signedAt { f.append("\"signed_at\": \(q(signedAt))") }
        if !record.path.isEmpty { f.append("\"path\": [" + record.path.map(q).joined(separator: ", ") + "]") }
        f.append("\"data_sha256\": \(q(SHA256Digest.hex(Array(data.utf8))))")
        return "{\n    " + f.joined(separator: ",\n    ") + "\n  }"
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    static func quoted(_ text: String) -> String { YAMLText.quoted(text, json: true) }
}
