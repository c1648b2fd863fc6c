/// One decoded `provinces/<id>.yaml`, with the places that the folder-level checks point at.
struct ProvinceFile {
    var report: ProvinceReport
    /// Where `topics:` is written (or the top of the file), for "reports nothing on topic" warnings.
    var topicsLine: Int?
    var topicsColumn: Int?
    /// The line of `signature:`, whose preceding bytes the block's `data_sha256` covers.
    var signatureLine: Int?

    /// What the province decoder needs from the agenda; nil fields when the agenda is unusable.
    struct Agenda {
        var topicIDs: Set<String>?
        var date: LocalDate?
        /// Each topic's declared metrics by id; a topic that declares none is absent.
        var definitions: [String: [String: MetricDefinition]] = [:]
        /// The meeting's tasks by id, with the provinces each was given to.
        var taskOwners: [String: Set<String>] = [:]

        init(topicIDs: Set<String>?, date: LocalDate?, topics: [AgendaTopic] = []) {
            self.topicIDs = topicIDs
            self.date = date
            for topic in topics where !topic.metrics.isEmpty {
                definitions[topic.id] = Dictionary(topic.metrics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }

    enum Key: Int, MappingKeys {
        case format, id, name, code, region, reported, source, topics, signature, tasks
        static let names: [StaticString] = ["format", "id", "name", "code", "region", "reported", "source", "topics", "signature",
                                            "tasks"]
    }

    enum ReportKey: Int, MappingKeys {
        case status, summary, metrics, highlights, issues
        static let names: [StaticString] = ["status", "summary", "metrics", "highlights", "issues"]
    }

    enum MetricKey: Int, MappingKeys {
        case id, label, value, target, unit, previous, source, illustrative
        static let names: [StaticString] = ["id", "label", "value", "target", "unit", "previous", "source", "illustrative"]
    }

    /// Days before the meeting after which a report counts as stale.
    public static let staleAfterDays = 60

    /// The name of a province whose file gives none: the unit's name on the meeting's date, else its
    /// name before the 2025 merger, else the file-name id.
    static func expectedName(_ id: String, on date: LocalDate?) -> String {
        date.flatMap { UnitsCatalogue.unit(id: id, on: $0)?.name } ?? UnitsCatalogue.formerName(id)
    }

    /// A broken file: shown as a flagged panel named by its file-name id (which file to mend).
    static func broken(id: String, file: String, reason: Diagnostic) -> ProvinceFile {
        var place = ""
        if let line = reason.line {
            place = "line \(line)" + (reason.column.map { ", column \($0)" } ?? "") + ": "
        }
        var report = ProvinceReport(id: id, name: id, file: file, brokenReason: place + reason.message)
        report.brokenText = reason.text
        report.brokenLine = reason.line
        report.brokenColumn = reason.column
        return ProvinceFile(report: report)
    }

    /// Decodes a province file straight from its events (no tree of the file is built); nil when the
    /// file holds no value at all. The caller finishes the stream: a fatal problem found anywhere in the
    /// file (a syntax error at its end) makes it broken whatever was decoded.
    static func decode(_ stream: inout YAMLEventStream, id fileID: String, file: String, agenda: Agenda,
                       reader: FieldReader) -> ProvinceFile? {
        guard stream.next() != .end else { return nil }
        guard stream.kind == .mappingStart else {
            let root = stream.node()
            reader.error(at: root, LoadMessages.rootNotMapping)
            return broken(id: fileID, file: file, reason: reader.diagnostics[reader.diagnostics.count - 1])
        }
        // The topics' problems wait until the file is known to be of this format.
        let topicsReader = FieldReader(file: reader.file, sharedTexts: reader.sharedTexts)
        var topics: [String: TopicReport]?
        let skips = Skips(stream)
        let fields = KnownFields<Key>.read(&stream, reader, skipped: skips.province) { key, stream in
            guard key == .topics, stream.kind == .mappingStart else { return false }
            topics = decodeTopics(&stream, agenda: agenda, skips: skips, reader: topicsReader)
            return true
        }
        guard FormatVersion.check(fields, key: .format, reader) else {
            return broken(id: fileID, file: file, reason: reader.diagnostics[reader.diagnostics.count - 1])
        }
        if let id = reader.requiredText(fields, .id), id != fileID, let node = fields[.id] {
            reader.error(at: node, LoadMessages.idMismatch(id, fileID: fileID))
        }
        var report = ProvinceReport(id: fileID, name: reader.requiredText(fields, .name) ?? expectedName(fileID, on: agenda.date),
                                    code: reader.text(fields[.code], key: "code"),
                                    region: reader.text(fields[.region], key: "region"),
                                    source: reader.text(fields[.source], key: "source"), file: file)
        if let meetingDate = agenda.date {
            for finding in UnitsCatalogue.findings(id: fileID, code: report.code, on: meetingDate) {
                let message = BilingualText(vi: finding.message(.vi), en: finding.message(.en))
                if let node = finding.isAboutCode ? fields[.code] : fields[.id] {
                    reader.warning(at: node, message)
                } else {
                    reader.warning(fields.line, fields.column, message)
                }
            }
        }
        if let node = fields[.reported], let reported = reader.date(node, key: "reported") {
            report.reported = reported
            if let meetingDate = agenda.date {
                let days = meetingDate.days(since: reported)
                if days > staleAfterDays { reader.warning(at: node, LoadMessages.staleReport(reported, days: days)) }
                if days < 0 { reader.warning(at: node, LoadMessages.reportAfterMeeting(reported, meetingDate)) }
            }
        }
        if let slot = fields.slot(.signature), !slot.node.isNull {
            report.signature = SignatureBlock.decode(slot.node, reader: reader)
        }
        if let slot = fields.slot(.tasks), !slot.node.isNull {
            report.tasks = decodeTaskReports(slot.node, province: fileID, agenda: agenda, reader: reader)
        }
        var result = ProvinceFile(report: report, topicsLine: fields.line, topicsColumn: fields.column)
        result.signatureLine = fields.slot(.signature)?.keyLine
        guard let topicsSlot = fields.slot(.topics) else {
            reader.error(fields.line, fields.column, LoadMessages.missingField("topics"))
            return result
        }
        result.topicsLine = topicsSlot.keyLine
        result.topicsColumn = topicsSlot.keyColumn
        reader.append(topicsReader.diagnostics)
        if let topics {
            result.report.topics = topics
            return result
        }
        let topicsNode = topicsSlot.node
        if !topicsNode.isNull {
            reader.error(at: topicsNode, LoadMessages.wrongKind("topics", expected: "a mapping from topic id to report",
                                                                found: topicsNode.kindDescription))
        }
        return result
    }

    /// The `topics:` mapping, from its start event.
    /// Which keys of each kind of mapping an earlier meeting's reading passes over, worked out once a file.
    private struct Skips {
        let province, report, metric: [Bool]?

        init(_ stream: borrowing YAMLEventStream) {
            (province, report, metric) = (Key.skipped(by: stream), ReportKey.skipped(by: stream), MetricKey.skipped(by: stream))
        }
    }

    private static func decodeTopics(_ stream: inout YAMLEventStream, agenda: Agenda, skips: Skips,
                                     reader: FieldReader) -> [String: TopicReport] {
        var topics: [String: TopicReport] = [:]
        var keys = KeyLines()
        while stream.nextKey() {
            let key = stream.text, keyLine = stream.line, keyColumn = stream.column
            if let first = keys.firstLine(of: key, line: keyLine) {
                stream.duplicateKey(key, firstLine: first)
                stream.next()
                _ = stream.node()
                continue
            }
            let value: YAMLNode?
            if !stream.skippedKeys.isEmpty && stream.skippedKeys.contains(key) {
                guard let mark = stream.passOverValue() else { continue }
                value = mark
            } else {
                stream.next()
                value = nil
            }
            guard ScalarText.isIdentifier(key) else {
                if value == nil { _ = stream.node() }
                reader.error(keyLine, keyColumn, LoadMessages.badTopicID(key))
                continue
            }
            if let known = agenda.topicIDs, !known.contains(key) {
                reader.warning(keyLine, keyColumn, LoadMessages.topicNotOnAgenda(key))
            }
            guard value == nil, stream.kind == .mappingStart else {
                let node = value ?? stream.node()
                reader.error(at: node, LoadMessages.wrongKind(key, expected: "a mapping of fields", found: node.kindDescription))
                continue
            }
            topics[key] = decodeReport(&stream, topic: key, definitions: agenda.definitions[key], skips: skips, reader: reader)
        }
        return topics
    }

    /// One topic's report, from its mapping's start event.
    private static func decodeReport(_ stream: inout YAMLEventStream, topic: String, definitions: [String: MetricDefinition]?,
                                     skips: Skips, reader: FieldReader) -> TopicReport {
        var metrics: [Metric]?
        let fields = KnownFields<ReportKey>.read(&stream, reader, skipped: skips.report) { key, stream in
            guard key == .metrics, stream.kind == .sequenceStart else { return false }
            metrics = decodeMetrics(&stream, topic: topic, definitions: definitions, skipped: skips.metric, reader: reader)
            return true
        }
        var status = ReportStatus.unknown
        if let text = reader.requiredText(fields, .status), let statusNode = fields[.status] {
            // The English id, or the Vietnamese word a clerk types (with or without diacritics, any case).
            // Folding drops control and format characters, so text holding any is never matched by it.
            let plain = TextSanitizer.firstControl(in: text) == nil && TextSanitizer.firstInvisible(in: text) == nil
            if let known = ReportStatus(rawValue: text) ?? (plain ? StatusWords.status(text) : nil) { status = known } else {
                reader.error(at: statusNode, LoadMessages.unknownStatus(text))
            }
        }
        var report = TopicReport(status: status, summary: reader.text(fields[.summary], key: "summary"),
                                 highlights: reader.textList(fields[.highlights], key: "highlights"),
                                 issues: reader.textList(fields[.issues], key: "issues"))
        if let metrics {
            report.metrics = metrics
        } else if let metricsNode = fields[.metrics], !metricsNode.isNull {
            reader.error(at: metricsNode, LoadMessages.wrongKind("metrics", expected: "a list of metrics",
                                                                 found: metricsNode.kindDescription))
        }
        return report
    }

    /// A topic's `metrics:` list, from its start event.
    private static func decodeMetrics(_ stream: inout YAMLEventStream, topic: String, definitions: [String: MetricDefinition]?,
                                      skipped: [Bool]?, reader: FieldReader) -> [Metric] {
        var metrics: [Metric] = []
        var firstLines = KeyLines()
        var fields = KnownFields<MetricKey>(line: stream.line, column: stream.column)
        while stream.next() != .sequenceEnd && stream.kind != .end {
            guard stream.kind == .mappingStart else {
                let node = stream.node()
                reader.error(at: node, LoadMessages.wrongKind("metric", expected: "a mapping of fields", found: node.kindDescription))
                continue
            }
            fields.fill(&stream, reader, skipped: skipped)
            guard let (metric, idNode) = decodeMetric(fields, definitions: definitions, reader: reader) else { continue }
            if let definitions, definitions[metric.id] == nil {
                reader.warning(at: idNode, LoadMessages.metricNotDeclared(metric.id, topic: topic))
            }
            if let first = firstLines.firstLine(of: metric.id, line: idNode.line) {
                reader.error(at: idNode, LoadMessages.duplicateMetric(metric.id, topic: topic, firstLine: first))
                continue
            }
            metrics.append(metric)
        }
        return metrics
    }

    /// One metric; what the file leaves out (label, unit, target) comes from the agenda's definition.
    private static func decodeMetric(_ fields: KnownFields<MetricKey>, definitions: [String: MetricDefinition]?,
                                     reader: FieldReader) -> (Metric, YAMLNode)? {
        // Every field taken out once: each lookup in the slots retained and released their array.
        let (idNode, labelNode, valueNode, targetNode, unitNode, previousNode, sourceNode, illustrativeNode) =
            fields.slots.withUnsafeBufferPointer { s in
                (s[0]?.node, s[1]?.node, s[2]?.node, s[3]?.node, s[4]?.node, s[5]?.node, s[6]?.node, s[7]?.node)
            }
        let place = (fields.line, fields.column)
        let id = reader.requiredText(idNode, key: "id", in: place)
        let definition = definitions == nil ? nil : id.flatMap { definitions?[$0] }
        let label = definition != nil && labelNode == nil
            ? definition?.label
            : reader.requiredText(labelNode, key: "label", in: place).map { reader.sharedTexts?.shared($0) ?? $0 }
        let value: Double?
        if let valueNode {
            value = reader.number(valueNode, key: "value")
            if valueNode.isNull { reader.error(at: valueNode, LoadMessages.emptyField("value")) }
        } else {
            reader.error(fields.line, fields.column, LoadMessages.missingField("value"))
            value = nil
        }
        var target = reader.number(targetNode, key: "target")
        if let t = target, t < 0, let node = targetNode {
            reader.error(at: node, LoadMessages.negativeTarget(t))
            target = nil
        }
        var metric = Metric(id: id ?? "", label: label ?? id ?? "", value: value ?? 0, target: target,
                            unit: reader.repeatedText(unitNode, key: "unit"),
                            previous: reader.number(previousNode, key: "previous"),
                            source: reader.repeatedText(sourceNode, key: "source"),
                            illustrative: reader.bool(illustrativeNode, key: "illustrative") ?? false)
        if let definition {
            metric.target = metric.target ?? definition.target
            metric.unit = metric.unit ?? definition.unit
            metric.labelEN = definition.labelEN
            metric.decimals = definition.decimals
        }
        if metric.isShare {
            checkShare("value", value, valueNode, reader)
            checkShare("target", metric.target, targetNode, reader)
            checkShare("previous", metric.previous, previousNode, reader)
        }
        guard id != nil, value != nil, let idNode else { return nil }
        return (metric, idNode)
    }

    static func checkShare(_ key: String, _ value: Double?, _ node: YAMLNode?, _ reader: FieldReader) {
        guard let value, let node, !(0...100).contains(value) else { return }
        reader.warning(at: node, LoadMessages.shareOutOfRange(key, value))
    }
}
