/// One decoded `provinces/<id>.yaml`, with the places that the folder-level checks point at.
struct ProvinceFile {
    var report: ProvinceReport
    /// Where `topics:` is written (or the top of the file), for "reports nothing on topic" warnings.
    var topicsLine: Int?
    var topicsColumn: Int?

    /// What the province decoder needs from the agenda; nil fields when the agenda is unusable.
    struct Agenda {
        var topicIDs: Set<String>?
        var date: LocalDate?
        /// Each topic's declared metrics by id; a topic that declares none is absent.
        var definitions: [String: [String: MetricDefinition]] = [:]

        init(topicIDs: Set<String>?, date: LocalDate?, topics: [AgendaTopic] = []) {
            self.topicIDs = topicIDs
            self.date = date
            for topic in topics where !topic.metrics.isEmpty {
                definitions[topic.id] = Dictionary(topic.metrics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }

    static let knownKeys = ["format", "id", "name", "code", "region", "reported", "source", "topics"]
    static let knownReportKeys = ["status", "summary", "metrics", "highlights", "issues"]
    static let knownMetricKeys = ["id", "label", "value", "target", "unit", "previous", "source", "illustrative"]

    /// Days before the meeting after which a report counts as stale.
    public static let staleAfterDays = 60

    /// A broken file: shown as a flagged panel named by its file-name id.
    static func broken(id: String, file: String, reason: Diagnostic) -> ProvinceFile {
        var place = ""
        if let line = reason.line {
            place = "line \(line)" + (reason.column.map { ", column \($0)" } ?? "") + ": "
        }
        var report = ProvinceReport(id: id, name: id, file: file, brokenReason: place + reason.message)
        report.brokenLine = reason.line
        report.brokenColumn = reason.column
        return ProvinceFile(report: report)
    }

    /// Decodes a parsed province file; a root that cannot be used gives a broken report.
    static func decode(_ root: YAMLNode, id fileID: String, file: String, agenda: Agenda,
                       reader: FieldReader) -> ProvinceFile {
        guard case .mapping = root.content else {
            reader.error(at: root, LoadMessages.rootNotMapping)
            return broken(id: fileID, file: file, reason: reader.diagnostics[reader.diagnostics.count - 1])
        }
        guard let fields = reader.fields(root, key: "province", known: knownKeys) else {
            return broken(id: fileID, file: file, reason: reader.diagnostics[reader.diagnostics.count - 1])
        }
        guard FormatVersion.check(fields, reader) else {
            return broken(id: fileID, file: file, reason: reader.diagnostics[reader.diagnostics.count - 1])
        }
        if let id = reader.requiredText(fields, "id"), id != fileID, let node = fields["id"] {
            reader.error(at: node, LoadMessages.idMismatch(id, fileID: fileID))
        }
        var report = ProvinceReport(id: fileID, name: reader.requiredText(fields, "name") ?? fileID,
                                    code: reader.text(fields["code"], key: "code"),
                                    region: reader.text(fields["region"], key: "region"),
                                    source: reader.text(fields["source"], key: "source"), file: file)
        if let meetingDate = agenda.date {
            for finding in UnitsCatalogue.findings(id: fileID, code: report.code, on: meetingDate) {
                reader.warning(at: (finding.isAboutCode ? fields["code"] : fields["id"]) ?? root, BilingualText(vi: finding.message(.vi), en: finding.message(.en)))
            }
        }
        if let node = fields["reported"], let reported = reader.date(node, key: "reported") {
            report.reported = reported
            if let meetingDate = agenda.date {
                let days = meetingDate.days(since: reported)
                if days > staleAfterDays { reader.warning(at: node, LoadMessages.staleReport(reported, days: days)) }
                if days < 0 { reader.warning(at: node, LoadMessages.reportAfterMeeting(reported, meetingDate)) }
            }
        }
        var result = ProvinceFile(report: report, topicsLine: root.line, topicsColumn: root.column)
        guard let topicsEntry = fields.entry("topics") else {
            reader.error(at: root, LoadMessages.missingField("topics"))
            return result
        }
        result.topicsLine = topicsEntry.keyLine
        result.topicsColumn = topicsEntry.keyColumn
        let topicsNode = topicsEntry.value
        if topicsNode.isNull { return result }
        guard case .mapping(let entries) = topicsNode.content else {
            reader.error(at: topicsNode, LoadMessages.wrongKind("topics", expected: "a mapping from topic id to report",
                                                                found: topicsNode.kindDescription))
            return result
        }
        for entry in entries {
            guard ScalarText.isIdentifier(entry.key) else {
                reader.error(entry.keyLine, entry.keyColumn, LoadMessages.badTopicID(entry.key))
                continue
            }
            if let known = agenda.topicIDs, !known.contains(entry.key) {
                reader.warning(entry.keyLine, entry.keyColumn, LoadMessages.topicNotOnAgenda(entry.key))
            }
            if let topic = decodeReport(entry.value, topic: entry.key, definitions: agenda.definitions[entry.key],
                                        reader: reader) {
                result.report.topics[entry.key] = topic
            }
        }
        return result
    }

    private static func decodeReport(_ node: YAMLNode, topic: String, definitions: [String: MetricDefinition]?,
                                     reader: FieldReader) -> TopicReport? {
        guard let fields = reader.fields(node, key: topic, known: knownReportKeys) else { return nil }
        var status = ReportStatus.unknown
        if let text = reader.requiredText(fields, "status"), let statusNode = fields["status"] {
            // The English id, or the Vietnamese word a clerk types (with or without diacritics, any case).
            // Folding drops control and format characters, so text holding any is never matched by it.
            let plain = TextSanitizer.firstControl(in: text) == nil && TextSanitizer.firstInvisible(in: text) == nil
            if let known = ReportStatus(rawValue: text) ?? (plain ? StatusWords.status(text) : nil) { status = known } else {
                reader.error(at: statusNode, LoadMessages.unknownStatus(text))
            }
        }
        var report = TopicReport(status: status, summary: reader.text(fields["summary"], key: "summary"),
                                 highlights: reader.textList(fields["highlights"], key: "highlights"),
                                 issues: reader.textList(fields["issues"], key: "issues"))
        guard let metricsNode = fields["metrics"], !metricsNode.isNull else { return report }
        guard case .sequence(let items) = metricsNode.content else {
            reader.error(at: metricsNode, LoadMessages.wrongKind("metrics", expected: "a list of metrics",
                                                                 found: metricsNode.kindDescription))
            return report
        }
        var firstLines: [String: Int] = [:]
        report.metrics.reserveCapacity(items.count)
        for item in items {
            guard let (metric, idNode) = decodeMetric(item, definitions: definitions, reader: reader) else { continue }
            if let definitions, definitions[metric.id] == nil {
                reader.warning(at: idNode, LoadMessages.metricNotDeclared(metric.id, topic: topic))
            }
            if let first = firstLines[metric.id] {
                reader.error(at: idNode, LoadMessages.duplicateMetric(metric.id, topic: topic, firstLine: first))
                continue
            }
            firstLines[metric.id] = idNode.line
            report.metrics.append(metric)
        }
        return report
    }

    /// One metric; what the file leaves out (label, unit, target) comes from the agenda's definition.
    private static func decodeMetric(_ node: YAMLNode, definitions: [String: MetricDefinition]?,
                                     reader: FieldReader) -> (Metric, YAMLNode)? {
        guard let fields = reader.fields(node, key: "metric", known: knownMetricKeys) else { return nil }
        let id = reader.requiredText(fields, "id")
        let definition = id.flatMap { definitions?[$0] }
        let label = definition != nil && fields["label"] == nil
            ? definition?.label
            : reader.requiredText(fields, "label").map { reader.sharedTexts?.shared($0) ?? $0 }
        let value: Double?
        if let valueNode = fields["value"] {
            value = reader.number(valueNode, key: "value")
            if valueNode.isNull { reader.error(at: valueNode, LoadMessages.emptyField("value")) }
        } else {
            reader.error(at: node, LoadMessages.missingField("value"))
            value = nil
        }
        var target = reader.number(fields["target"], key: "target")
        if let t = target, t < 0, let node = fields["target"] {
            reader.error(at: node, LoadMessages.negativeTarget(t))
            target = nil
        }
        let metric = Metric(id: id ?? "", label: label ?? id ?? "", value: value ?? 0, target: target ?? definition?.target,
                            unit: reader.repeatedText(fields["unit"], key: "unit") ?? definition?.unit,
                            previous: reader.number(fields["previous"], key: "previous"),
                            source: reader.repeatedText(fields["source"], key: "source"),
                            illustrative: reader.bool(fields["illustrative"], key: "illustrative") ?? false,
                            labelEN: definition?.labelEN, decimals: definition?.decimals)
        if metric.isShare {
            checkShare("value", value, fields["value"], reader)
            checkShare("target", metric.target, fields["target"], reader)
            checkShare("previous", metric.previous, fields["previous"], reader)
        }
        guard id != nil, value != nil, let idNode = fields["id"] else { return nil }
        return (metric, idNode)
    }

    static func checkShare(_ key: String, _ value: Double?, _ node: YAMLNode?, _ reader: FieldReader) {
        guard let value, let node, !(0...100).contains(value) else { return }
        reader.warning(at: node, LoadMessages.shareOutOfRange(key, value))
    }
}
