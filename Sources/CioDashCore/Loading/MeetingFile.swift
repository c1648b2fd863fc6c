/// What `meeting.yaml` (or `.json`) says, with the places that later checks point at.
struct MeetingFile {
    /// Nil when the file cannot be used (no date, another format, not a mapping).
    var meeting: Meeting?
    /// The `provinces:` display order, nil when the file has no such list.
    var listedProvinces: [Placed<String>]?
    /// The `previous:` folder as written.
    var previous: Placed<String>?
    /// Each topic's `headline:` as written, by topic id, for the check that some province reports it.
    var headlines: [String: Placed<String>] = [:]
    /// Each task's owners as written, for the check against the provinces once they are known.
    var taskOwners: [(task: String, owner: Placed<String>)] = []

    static let knownKeys = ["format", "council", "title", "date", "start", "venue", "chairs", "language",
                            "previous", "topics", "provinces", "tasks"]
    static let knownTopicKeys = ["id", "title", "title_en", "minutes", "headline", "slides", "metrics", "notes"]
    static let knownDefinitionKeys = ["id", "label", "label_en", "unit", "decimals", "target", "combine"]

    /// Decodes the agenda; `folder` becomes `Meeting.folder`.
    static func decode(_ root: YAMLNode, reader: FieldReader, folder: String) -> MeetingFile {
        var result = MeetingFile()
        guard case .mapping = root.content else {
            reader.error(at: root, LoadMessages.rootNotMapping)
            return result
        }
        guard let fields = reader.fields(root, key: "meeting", known: knownKeys),
              FormatVersion.check(fields, reader) else { return result }

        let council = reader.requiredText(fields, "council") ?? ""
        let title = reader.requiredText(fields, "title") ?? ""
        var date: LocalDate?
        if fields["date"] == nil {
            reader.error(at: root, LoadMessages.missingField("date"))
        } else {
            date = reader.date(fields["date"], key: "date")
            if let node = fields["date"], node.isNull { reader.error(at: node, LoadMessages.emptyField("date")) }
        }
        var start = reader.text(fields["start"], key: "start")
        if let text = start, let node = fields["start"], !ScalarText.isClockTime(text) {
            reader.error(at: node, LoadMessages.malformedTime(text))
            start = nil
        }
        var language = Language.vi
        if let text = reader.text(fields["language"], key: "language"), let node = fields["language"] {
            if let known = Language(rawValue: text) { language = known } else {
                reader.error(at: node, LoadMessages.unknownLanguage(text))
            }
        }
        if let node = fields["previous"], let text = reader.text(node, key: "previous"), !text.isEmpty {
            result.previous = Placed(text, at: node)
        }
        let topics = decodeTopics(fields, reader, headlines: &result.headlines)
        result.listedProvinces = decodeProvinceList(fields["provinces"], reader)

        guard let date else { return result }
        let tasks = decodeTasks(fields["tasks"], reader, meetingTitle: title, meetingDate: date, owners: &result.taskOwners)
        result.meeting = Meeting(council: council, title: title, date: date, start: start,
                                 venue: reader.text(fields["venue"], key: "venue"),
                                 chairs: reader.textList(fields["chairs"], key: "chairs"),
                                 language: language, topics: topics, provinces: [], folder: folder)
        result.meeting?.tasks = tasks
        return result
    }

    private static func decodeTopics(_ fields: Fields, _ reader: FieldReader,
                                     headlines: inout [String: Placed<String>]) -> [AgendaTopic] {
        guard let node = fields["topics"] else {
            reader.error(at: fields.node, LoadMessages.missingField("topics"))
            return []
        }
        guard case .sequence(let items) = node.content else {
            reader.error(at: node, LoadMessages.wrongKind("topics", expected: "a list of agenda topics", found: node.kindDescription))
            return []
        }
        var topics: [AgendaTopic] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            guard let topic = reader.fields(item, key: "topic", known: knownTopicKeys),
                  let id = reader.requiredText(topic, "id"), let idNode = topic["id"] else { continue }
            guard ScalarText.isIdentifier(id) else {
                reader.error(at: idNode, LoadMessages.badTopicID(id))
                continue
            }
            if let first = firstLines[id] {
                reader.error(at: idNode, LoadMessages.duplicateTopic(id, firstLine: first))
                continue
            }
            firstLines[id] = idNode.line
            var minutes: Int?
            if topic["minutes"] == nil { reader.warning(at: idNode, LoadMessages.topicWithoutMinutes(id)) }
            if let node = topic["minutes"], let value = reader.number(node, key: "minutes") {
                if value >= 0 && value == value.rounded() && value < 100_000 {
                    minutes = Int(value)
                } else {
                    reader.error(at: node, LoadMessages.notWholeMinutes(node.scalarText ?? ""))
                }
            }
            var agendaTopic = AgendaTopic(id: id, title: reader.requiredText(topic, "title") ?? id,
                                          titleEN: reader.text(topic["title_en"], key: "title_en"),
                                          minutes: minutes,
                                          headline: reader.text(topic["headline"], key: "headline"),
                                          metrics: decodeDefinitions(topic["metrics"], topic: id, reader))
            agendaTopic.slides = decodeSlides(topic["slides"], reader)
            agendaTopic.notes = reader.text(topic["notes"], key: "notes").flatMap { $0.isEmpty ? nil : $0 }
            if let headline = agendaTopic.headline, let node = topic["headline"] { headlines[id] = Placed(headline, at: node) }
            topics.append(agendaTopic)
        }
        return topics
    }

    /// `slides: panels | ranking | none`, or a list of province ids (the ranking, then their panels).
    private static func decodeSlides(_ node: YAMLNode?, _ reader: FieldReader) -> SlideChoice {
        guard let node, !node.isNull else { return .panels }
        if case .sequence = node.content { return .provinces(reader.textList(node, key: "slides")) }
        switch node.scalarText {
        case "panels"?: return .panels
        case "ranking"?: return .ranking
        case "none"?: return .none
        default:
            reader.error(at: node, LoadMessages.badSlides(node.scalarText ?? node.kindDescription))
            return .panels
        }
    }

    /// A topic's `metrics:`: each metric declared once, for the province files to refer to by id.
    private static func decodeDefinitions(_ node: YAMLNode?, topic: String, _ reader: FieldReader) -> [MetricDefinition] {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let items) = node.content else {
            reader.error(at: node, LoadMessages.wrongKind("metrics", expected: "a list of metric definitions",
                                                          found: node.kindDescription))
            return []
        }
        var definitions: [MetricDefinition] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            guard let fields = reader.fields(item, key: "metric", known: knownDefinitionKeys),
                  let id = reader.requiredText(fields, "id"), let idNode = fields["id"] else { continue }
            guard ScalarText.isIdentifier(id) else {
                reader.error(at: idNode, LoadMessages.badMetricID(id))
                continue
            }
            if let first = firstLines[id] {
                reader.error(at: idNode, LoadMessages.duplicateMetric(id, topic: topic, firstLine: first))
                continue
            }
            firstLines[id] = idNode.line
            var decimals: Int?
            if let node = fields["decimals"], let value = reader.number(node, key: "decimals") {
                if (0...10).contains(value) && value == value.rounded() {
                    decimals = Int(value)
                } else {
                    reader.error(at: node, LoadMessages.badDecimals(node.scalarText ?? ""))
                }
            }
            var combine = MetricDefinition.Combine.none
            if let node = fields["combine"], let text = reader.text(node, key: "combine") {
                if let rule = MetricDefinition.Combine(rawValue: text) { combine = rule } else {
                    reader.error(at: node, LoadMessages.unknownCombine(text))
                }
            }
            var target = reader.number(fields["target"], key: "target")
            if let t = target, t < 0, let node = fields["target"] {
                reader.error(at: node, LoadMessages.negativeTarget(t))
                target = nil
            }
            definitions.append(MetricDefinition(id: id, label: reader.requiredText(fields, "label") ?? id,
                                                labelEN: reader.text(fields["label_en"], key: "label_en"),
                                                unit: reader.text(fields["unit"], key: "unit"), decimals: decimals,
                                                target: target, combine: combine))
        }
        return definitions
    }

    private static func decodeProvinceList(_ node: YAMLNode?, _ reader: FieldReader) -> [Placed<String>]? {
        guard let node, !node.isNull else { return nil }
        guard case .sequence(let items) = node.content else {
            reader.error(at: node, LoadMessages.wrongKind("provinces", expected: "a list of province ids", found: node.kindDescription))
            return nil
        }
        var listed: [Placed<String>] = []
        var seen = Set<String>()
        for item in items {
            guard let id = reader.text(item, key: "provinces") else { continue }
            // A listed id names a file (provinces/<id>.yaml) for import, template and the board:
            // "../../x" must never reach a path.
            guard ScalarText.isIdentifier(id) else {
                reader.error(at: item, LoadMessages.badProvinceID(id))
                continue
            }
            if !seen.insert(id).inserted {
                reader.warning(at: item, LoadMessages.listedTwice(id))
                continue
            }
            listed.append(Placed(id, at: item))
        }
        return listed
    }
}
