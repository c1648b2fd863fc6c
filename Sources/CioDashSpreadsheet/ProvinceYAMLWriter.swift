import CioDashCore

/// Writes a `ProvinceReport` as a `provinces/<id>.yaml` status file in the `ciodash/1` format.
public enum ProvinceYAMLWriter {
    /// The file's text; topics in agenda order (`topicOrder`), then any others by id.
    public static func text(_ report: ProvinceReport, topicOrder: [String], header: String) -> String {
        var out = "# \(header)\n"
        out += "format: ciodash/1\n"
        out += "id: \(report.id)\n"
        out += "name: \(YAMLText.quoted(report.name))\n"
        if let code = report.code { out += "code: \(YAMLText.quoted(code))\n" }
        if let region = report.region { out += "region: \(YAMLText.quoted(region))\n" }
        if let reported = report.reported { out += "reported: \(reported)\n" }
        if let source = report.source { out += "source: \(YAMLText.quoted(source))\n" }
        let ids = topicOrder.filter { report.topics[$0] != nil } + report.topics.keys.filter { !topicOrder.contains($0) }.sorted()
        out += ids.isEmpty ? "topics: {}\n" : "topics:\n"
        for id in ids {
            let topic = report.topics[id]!
            out += "  \(id):\n"
            out += "    status: \(topic.status.rawValue)\n"
            if let summary = topic.summary { out += "    summary: \(YAMLText.quoted(summary))\n" }
            if !topic.metrics.isEmpty { out += "    metrics:\n" }
            for metric in topic.metrics {
                out += "      - id: \(metric.id)\n"
                out += "        label: \(YAMLText.quoted(metric.label))\n"
                out += "        value: \(YAMLText.number(metric.value))\n"
                if let target = metric.target { out += "        target: \(YAMLText.number(target))\n" }
                if let unit = metric.unit { out += "        unit: \(YAMLText.quoted(unit))\n" }
                if let previous = metric.previous { out += "        previous: \(YAMLText.number(previous))\n" }
                if let source = metric.source { out += "        source: \(YAMLText.quoted(source))\n" }
                out += "        illustrative: \(metric.illustrative)\n"
            }
            list("highlights", topic.highlights, into: &out)
            list("issues", topic.issues, into: &out)
        }
        out += tasksBlock(report.tasks)
        if let signature = report.signature { out += signatureBlock(signature, data: out) }
        return out
    }

    /// The `signature:` block, last in the file: its `data_sha256` covers every byte before it (`data`).
    static func signatureBlock(_ record: SignatureRecord, data: String) -> String {
        func quoted(_ text: String) -> String { YAMLText.quoted(TextSanitizer.line(text)) }
        var out = "signature:\n"
        out += "  verdict: \(record.verdict.rawValue)\n"
        if !record.reasons.isEmpty { out += "  reasons: [\(record.reasons.map(\.rawValue).joined(separator: ", "))]\n" }
        out += "  file: \(quoted(record.file))\n"
        if let hash = record.fileSHA256 { out += "  file_sha256: \(hash)\n" }
        if let signer = record.signer { out += "  signer: \(quoted(signer))\n" }
        if let issuer = record.issuer { out += "  issuer: \(quoted(issuer))\n" }
        if let serial = record.serial { out += "  serial: \(quoted(serial))\n" }
        if let signedAt = record.signedAt { out += "  signed_at: \(quoted(signedAt))\n" }
        if !record.path.isEmpty {
            out += "  path:\n"
            for name in record.path { out += "    - \(quoted(name))\n" }
        }
        out += "  data_sha256: \(SHA256Digest.hex(Array(data.utf8)))\n"
        return out
    }

    /// `tasks:`, by task id in sorted order (the file is the same whatever order the form had).
    static func tasksBlock(_ tasks: [String: TaskReport]) -> String {
        guard !tasks.isEmpty else { return "" }
        var out = "tasks:\n"
        for (id, task) in tasks.sorted(by: { $0.key < $1.key }) {
            out += "  \(id):\n"
            out += "    status: \(task.status.rawValue)\n"
            if let done = task.doneOn { out += "    done: \(done)\n" }
            if let note = task.note { out += "    note: \(YAMLText.quoted(note))\n" }
            if let reference = task.reference { out += "    reference: \(YAMLText.quoted(reference))\n" }
        }
        return out
    }

    private static func list(_ key: String, _ items: [String], into out: inout String) {
        guard !items.isEmpty else { return }
        out += "    \(key):\n"
        for item in items { out += "      - \(YAMLText.quoted(item))\n" }
    }
}
