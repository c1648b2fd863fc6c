/// `metrics.csv`: figures kept in a spreadsheet, each row adding a metric to a province's topic
/// report or overriding one with the same id. Empty optional cells keep what the province file says.
public enum MetricsCSV {
    static let columns = ["province", "topic", "metric", "label", "value", "target", "unit", "previous", "source"]
    static let requiredColumns: Set<String> = ["province", "topic", "metric", "value"]
    /// Columns a file may add: `illustrative` (true or false; when absent, a row with a source is a
    /// reported figure and one without keeps the mark the figure had).
    static let optionalColumns = ["illustrative"]

    /// One usable row, with its real line number in the file.
    struct Row {
        var line: Int
        var province: String
        var topic: String
        var metric: String
        var label: String?
        var value: Double
        var target: Double?
        var unit: String?
        var previous: Double?
        var source: String?
        var illustrative: Bool?
        /// Where each named cell starts (a quoted cell can start on a later line than its row).
        var places: [String: Place] = [:]

        /// The place to report a problem with one cell: the cell's, or the row's line alone.
        func place(_ name: String) -> (line: Int, column: Int?) {
            places[name].map { ($0.line, $0.column) } ?? (line, nil)
        }
    }

    /// 1-based line and column (in characters) where a cell starts.
    public struct Place: Equatable, Sendable {
        public var line: Int
        public var column: Int
    }

    /// Parses the file; rows with problems are reported and left out.
    /// Text cells obey the same length limit as YAML text (`maxStringLength` characters).
    static func read(_ bytes: [UInt8], reader: FieldReader, maxStringLength: Int = LoadLimits.default.maxStringLength) -> [Row] {
        let decoded: CSVText
        switch CSVText.decode(bytes) {
        case .success(let text): decoded = text
        case .failure(let failure):
            reader.error(failure.line, failure.column, LoadMessages.csvNotText(failure.kind))
            return []
        }
        var records = CSVRecords(decoded.text, delimiter: decoded.delimiter)
        if decoded.skippedLines > 0 { _ = records.next() }
        var header: Header?
        var rows: [Row] = []
        while let record = records.next() {
            let (cells, rowLine, cellPlaces) = (record.cells, record.line, record.places)
            if record.problem == nil && cells.allSatisfy({ trimmed($0).isEmpty }) { continue }
            if let problem = record.problem {
                // A quoting mistake: the row's cells cannot be trusted, so the row is left out, by name.
                reader.error(problem.place.line, problem.place.column, LoadMessages.csvQuoting(problem))
                if header == nil { return [] }
                continue
            }
            guard let header else {
                guard let found = readHeader(cells, line: rowLine, places: cellPlaces, reader: reader) else { return [] }
                header = found
                continue
            }
            guard cells.count == header.cellCount else {
                reader.error(rowLine, nil, LoadMessages.csvFieldCount(cells.count, expected: header.cellCount))
                continue
            }
            if let row = readRow(cells, header: header.positions, line: rowLine, places: cellPlaces, reader: reader,
                                 maxStringLength: maxStringLength) {
                rows.append(row)
            }
        }
        if header == nil { reader.error(1, nil, LoadMessages.csvEmpty) }
        return rows
    }

    /// Column positions by name, and how many cells every row must have.
    private struct Header {
        var positions: [String: Int]
        var cellCount: Int
    }

    /// The header; nil (after reporting) when a required column is missing.
    private static func readHeader(_ cells: [String], line: Int, places: [Place]?, reader: FieldReader) -> Header? {
        var positions: [String: Int] = [:]
        for (i, raw) in cells.enumerated() {
            let name = trimmed(raw)
            if !columns.contains(name) && !optionalColumns.contains(name) {
                reader.error(places?[i].line ?? line, places?[i].column, LoadMessages.csvUnknownColumn(name))
            } else if positions[name] != nil {
                reader.error(places?[i].line ?? line, places?[i].column, LoadMessages.csvDuplicateColumn(name))
            } else {
                positions[name] = i
            }
        }
        let missing = columns.filter { positions[$0] == nil }
        if !missing.isEmpty { reader.error(line, nil, LoadMessages.csvMissingColumns(missing)) }
        if !requiredColumns.isSubset(of: Set(positions.keys)) { return nil }
        return Header(positions: positions, cellCount: cells.count)
    }

    private static func readRow(_ cells: [String], header columns: [String: Int], line: Int, places: [Place]?,
                                reader: FieldReader, maxStringLength: Int) -> Row? {
        var named: [String: Place] = [:]
        if let places { for (name, i) in columns { named[name] = places[i] } }
        func error(_ name: String, _ message: BilingualText) {
            reader.error(named[name]?.line ?? line, named[name]?.column, message)
        }
        func cell(_ name: String) -> String? {
            guard let i = columns[name] else { return nil }
            let text = trimmed(cells[i])
            return text.isEmpty ? nil : text
        }
        func number(_ name: String) -> (ok: Bool, value: Double?) {
            guard let text = cell(name) else { return (true, nil) }
            // As a spreadsheet writes it (0,6045; 1.349,5); a number that reads two ways is refused.
            switch NumberText.read(text) {
            case .number(let value): return (true, value)
            case .ambiguous(let a, let b):
                error(name, LoadMessages.ambiguousNumber(name, text, a, b))
                return (false, nil)
            case .invalid: break
            }
            switch ScalarText.number(text) {
            case .number(let value): return (true, value)
            case .notFinite:
                error(name, LoadMessages.notFinite(name, text))
            case .notANumber:
                error(name, LoadMessages.notANumber(name, text, quoted: false))
            }
            return (false, nil)
        }
        var ok = true
        for name in ["province", "topic", "metric", "value"] where cell(name) == nil {
            error(name, LoadMessages.csvEmptyCell(name))
            ok = false
        }
        let value = number("value")
        var target = number("target")
        if let t = target.value, t < 0 {
            error("target", LoadMessages.negativeTarget(t))
            target.value = nil
        }
        let previous = number("previous")
        var illustrative: Bool?
        var illustrativeOK = true
        if let text = cell("illustrative") {
            illustrative = booleanWord(text)
            if illustrative == nil {
                error("illustrative", LoadMessages.csvNotBoolean(text))
                illustrativeOK = false
            }
        }
        for (i, cell) in cells.enumerated() {
            // A long cell is refused before anything else looks at it, as a long YAML scalar is.
            if cell.utf8.count > maxStringLength, case let length = cell.unicodeScalars.count, length > maxStringLength {
                reader.error(places?[i].line ?? line, places?[i].column, LoadMessages.stringTooLong(length, limit: maxStringLength))
                ok = false
                continue
            }
            if let control = TextSanitizer.firstControl(in: cell) {
                reader.error(places?[i].line ?? line, places?[i].column, LoadMessages.controlInText(control))
            } else if let invisible = TextSanitizer.firstInvisible(in: cell) {
                reader.warning(places?[i].line ?? line, places?[i].column, LoadMessages.invisibleInText(invisible))
            }
        }
        guard ok, value.ok, target.ok, previous.ok, illustrativeOK, let v = value.value,
              let province = cell("province"), let topic = cell("topic"), let metric = cell("metric") else { return nil }
        return Row(line: line, province: province, topic: topic, metric: metric, label: cell("label"), value: v,
                   target: target.value, unit: cell("unit"), previous: previous.value, source: cell("source"),
                   illustrative: illustrative, places: named)
    }

    /// Merges rows into the provinces; rows for broken provinces are skipped (the file is already flagged).
    ///
    /// Linear in the rows: each province's topic is taken out once, with an index of its metrics by
    /// id, and put back at the end (searching the metrics and copying the topic on every row made
    /// 150,000 rows that add metrics to one topic quadratic).
    static func apply(_ rows: [Row], to provinces: inout [ProvinceFile], topicIDs: Set<String>?, reader: FieldReader) {
        var index: [String: Int] = [:]
        for (i, p) in provinces.enumerated() { index[p.report.id] = i }
        struct Working {
            var province: Int
            var topicID: String
            var topic: TopicReport
            var metricIndex: [String: Int]
        }
        var working: [String: Working] = [:]
        var order: [String] = []
        var seen: [String: Int] = [:]
        for row in rows {
            guard let p = index[row.province] else {
                reader.error(row.place("province").line, row.place("province").column, LoadMessages.csvUnknownProvince(row.province))
                continue
            }
            if let topicIDs, !topicIDs.contains(row.topic) {
                reader.error(row.place("topic").line, row.place("topic").column, LoadMessages.csvUnknownTopic(row.topic))
                continue
            }
            if topicIDs == nil && !ScalarText.isIdentifier(row.topic) {
                reader.error(row.place("topic").line, row.place("topic").column, LoadMessages.badTopicID(row.topic))
                continue
            }
            if provinces[p].report.isBroken { continue }
            let topicKey = "\(row.province)\u{0}\(row.topic)"
            if working[topicKey] == nil {
                let topic = provinces[p].report.topics[row.topic] ?? TopicReport(status: .unknown)
                var metricIndex: [String: Int] = [:]
                for (i, m) in topic.metrics.enumerated() where metricIndex[m.id] == nil { metricIndex[m.id] = i }
                working[topicKey] = Working(province: p, topicID: row.topic, topic: topic, metricIndex: metricIndex)
                order.append(topicKey)
            }
            let existing = working[topicKey]!.metricIndex[row.metric]
            var metric: Metric
            if let existing {
                metric = working[topicKey]!.topic.metrics[existing]
            } else {
                guard let label = row.label else {
                    reader.error(row.place("metric").line, row.place("metric").column, LoadMessages.csvNewMetricNeedsLabel(row.metric))
                    continue
                }
                metric = Metric(id: row.metric, label: label, value: row.value)
            }
            let key = topicKey + "\u{0}" + row.metric
            if let first = seen[key] { reader.warning(row.line, nil, LoadMessages.csvRepeatedRow(firstLine: first)) }
            seen[key] = seen[key] ?? row.line
            metric.value = row.value
            if let label = row.label { metric.label = label }
            if let target = row.target { metric.target = target }
            if let unit = row.unit { metric.unit = unit }
            if let previous = row.previous { metric.previous = previous }
            if let source = row.source { metric.source = source }
            // A row citing its own source is a reported figure unless it says otherwise.
            if let illustrative = row.illustrative { metric.illustrative = illustrative } else if row.source != nil { metric.illustrative = false }
            if metric.isShare {
                for (name, value) in [("value", metric.value), ("target", metric.target), ("previous", metric.previous)] {
                    if let value, !(0...100).contains(value) {
                        reader.warning(row.place(name).line, row.place(name).column, LoadMessages.shareOutOfRange(name, value))
                    }
                }
            }
            // Mutated in place in the dictionary's storage: no copy of the topic's metrics per row.
            if let existing {
                working[topicKey]!.topic.metrics[existing] = metric
            } else {
                working[topicKey]!.metricIndex[row.metric] = working[topicKey]!.topic.metrics.count
                working[topicKey]!.topic.metrics.append(metric)
            }
        }
        for key in order {
            guard let done = working.removeValue(forKey: key) else { continue }
            provinces[done.province].report.topics[done.topicID] = done.topic
        }
    }

    /// true / false as a spreadsheet or a clerk writes them (TRUE, có, không, 1, 0…).
    static func booleanWord(_ text: String) -> Bool? {
        switch SearchKey.fold(text) {
        case "true", "yes", "1", "co", "x": return true
        case "false", "no", "0", "khong": return false
        default: return nil
        }
    }

    private static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
           first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Offset of the first byte that is not part of valid UTF-8, or a NUL byte.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0 { return offset }
                offset += encoded.count
            case .error:
                return offset
            case .emptyInput:
                return nil
            }
        }
    }

    /// 1-based line and column of a byte offset.
    static func place(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        var i = bytes.startIndex
        while i < offset {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
