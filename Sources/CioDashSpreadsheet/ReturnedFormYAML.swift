import CioDashCore
import Foundation

/// Reads a returned form written as YAML or JSON (the `template --format yaml` skeleton, or a province's
/// own status file): id, reported, source, and per topic status, summary and metric values and sources.
/// Labels, units and targets are the agenda's and the current file's, not the form's.
public enum ReturnedFormYAML {
    public static func read(bytes: [UInt8], file: String, isJSON: Bool) -> (ReturnedForm?, [FormProblem]) {
        let outcome = YAMLReader.parse(bytes, file: file, isJSON: isJSON)
        var problems = outcome.diagnostics.filter { $0.severity == .error }.map { d in
            FormProblem(.error, file: file, place: d.line.map { "\($0):\(d.column ?? 1)" },
                        SpreadsheetMessages.Text(vi: d.text.vi, en: d.text.en))
        }
        guard let root = outcome.root, case .mapping(let entries) = root.content else {
            if problems.isEmpty { problems.append(FormProblem(.error, file: file, SpreadsheetMessages.yamlNotForm("no mapping"))) }
            return (nil, problems)
        }
        func place(_ node: YAMLNode) -> String { "\(node.line):\(node.column)" }
        func text(_ node: YAMLNode?) -> String? {
            guard let node, !node.isNull, let raw = node.scalarText else { return nil }
            let clean = TextSanitizer.paragraph(raw.precomposedStringWithCanonicalMapping).trimmingCharacters(in: .whitespacesAndNewlines)
            return clean.isEmpty ? nil : clean
        }
        func value(_ entries: [YAMLMappingEntry], _ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
        var form = ReturnedForm(file: file, provinceID: text(value(entries, "id")) ?? "", topics: [])
        form.provinceIDPlace = value(entries, "id").map(place)
        if form.provinceID.isEmpty { problems.append(FormProblem(.error, file: file, SpreadsheetMessages.noProvinceID)) }
        form.source = text(value(entries, "source"))
        if let node = value(entries, "reported"), let raw = text(node) {
            if let date = LocalDate(iso: raw) { form.reported = date } else {
                problems.append(FormProblem(.error, file: file, place: place(node), SpreadsheetMessages.badDate(raw)))
            }
        }
        if case .mapping(let topics)? = value(entries, "topics")?.content {
            for entry in topics {
                var topic = ReturnedForm.Topic(id: entry.key, place: "\(entry.keyLine):\(entry.keyColumn)", status: nil, summary: nil, metrics: [])
                guard case .mapping(let fields) = entry.value.content else { continue }
                if let node = value(fields, "status"), let word = text(node) {
                    topic.status = StatusWords.status(word)
                    if topic.status == nil {
                        problems.append(FormProblem(.error, file: file, place: place(node), SpreadsheetMessages.unknownStatus(word)))
                    }
                }
                topic.summary = text(value(fields, "summary"))
                if case .sequence(let metrics)? = value(fields, "metrics")?.content {
                    for node in metrics {
                        guard case .mapping(let m) = node.content, let id = text(value(m, "id")) else { continue }
                        var metric = ReturnedForm.Metric(id: id, place: place(node), value: nil, source: text(value(m, "source")))
                        if let valueNode = value(m, "value"), let raw = text(valueNode) {
                            metric.place = place(valueNode)
                            switch NumberText.read(raw) {
                            case .number(let n) where !n.isFinite:
                                problems.append(FormProblem(.error, file: file, place: place(valueNode),
                                                            SpreadsheetMessages.notFinite(n, item: "\(topic.id)/\(id)")))
                            case .number(let n) where n >= 0: metric.value = n
                            case .number(let n):
                                problems.append(FormProblem(.error, file: file, place: place(valueNode), SpreadsheetMessages.negative(n)))
                            case .ambiguous(let a, let b):
                                problems.append(FormProblem(.error, file: file, place: place(valueNode), SpreadsheetMessages.ambiguousNumber(raw, a, b)))
                            case .invalid:
                                problems.append(FormProblem(.error, file: file, place: place(valueNode), SpreadsheetMessages.notANumber(raw)))
                            }
                        }
                        topic.metrics.append(metric)
                    }
                }
                form.topics.append(topic)
            }
        }
        form.tasks = readTasks(value(entries, "tasks"), file: file, problems: &problems)
        return (form, problems)
    }
}
