import CSV

/// `metrics.csv`: figures kept in a spreadsheet, each row adding a metric to a province's topic
/// report or overriding one with the same id. Empty optional cells keep what the province file says.
enum MetricsCSV {
    static let columns = ["province", "topic", "metric", "label", "value", "target", "unit", "previous", "source"]
    static let requiredColumns: Set<String> = ["province", "topic", "metric", "value"]

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
        /// Where each named cell starts (a quoted cell can start on a later line than its row).
        var places: [String: Place] = [:]

        /// The place to report a problem with one cell: the cell's, or the row's line alone.
        func place(_ name: String) -> (line: Int, column: Int?) {
            places[name].map { ($0.line, $0.column) } ?? (line, nil)
        }
    }

    /// 1-based line and column (in characters) where a cell starts.
    struct Place: Equatable {
        var line: Int
        var column: Int
    }

    /// Parses the file; rows with problems are reported and left out.
    static func read(_ bytes: [UInt8], reader: FieldReader) -> [Row] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let (line, column) = place(of: bad, in: body)
            reader.error(line, column, body[bad] == 0 ? LoadMessages.nulByte : LoadMessages.notUTF8(Int(body[bad])))
            return []
        }
        let text = Normalization.nfc(String(decoding: body, as: UTF8.self))
        guard let csv = try? CSVReader(string: text, hasHeaderRow: false) else {
            reader.error(1, nil, LoadMessages.csvEmpty)
            return []
        }
        let places = cellPlaces(text)
        var line = 1
        var header: Header?
        var rows: [Row] = []
        while let cells = csv.next() {
            let rowLine = line
            line += 1
            for cell in cells { line += lineBreaks(in: cell) }
            if cells.allSatisfy({ trimmed($0).isEmpty }) { continue }
            // Columns only where this file's own scan agrees with the reader on the row's cells.
            let cellPlaces = places[rowLine].flatMap { $0.count == cells.count ? $0 : nil }
            guard let header else {
                guard let found = readHeader(cells, line: rowLine, places: cellPlaces, reader: reader) else { return [] }
                header = found
                continue
            }
            guard cells.count == header.cellCount else {
                reader.error(rowLine, nil, LoadMessages.csvFieldCount(cells.count, expected: header.cellCount))
                continue
            }
            if let row = readRow(cells, header: header.positions, line: rowLine, places: cellPlaces, reader: reader) {
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
            if !columns.contains(name) {
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
                                reader: FieldReader) -> Row? {
        var named: [String: Place] = [:]
        if let places { for (name, i) in columns { named[name] = places[i] } }
        func error(_ name: String, _ message: String) {
            reader.error(named[name]?.line ?? line, named[name]?.column, message)
        }
        func cell(_ name: String) -> String? {
            guard let i = columns[name] else { return nil }
            let text = trimmed(cells[i])
            return text.isEmpty ? nil : text
        }
        func number(_ name: String) -> (ok: Bool, value: Double?) {
            guard let text = cell(name) else { return (true, nil) }
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
        for (i, cell) in cells.enumerated() {
            if let control = TextSanitizer.firstControl(in: cell) {
                reader.error(places?[i].line ?? line, places?[i].column, LoadMessages.controlInText(control))
            } else if let invisible = TextSanitizer.firstInvisible(in: cell) {
                reader.warning(places?[i].line ?? line, places?[i].column, LoadMessages.invisibleInText(invisible))
            }
        }
        guard ok, value.ok, target.ok, previous.ok, let v = value.value,
              let province = cell("province"), let topic = cell("topic"), let metric = cell("metric") else { return nil }
        return Row(line: line, province: province, topic: topic, metric: metric, label: cell("label"), value: v,
                   target: target.value, unit: cell("unit"), previous: previous.value, source: cell("source"),
                   places: named)
    }

    /// Merges rows into the provinces; rows for broken provinces are skipped (the file is already flagged).
    static func apply(_ rows: [Row], to provinces: inout [ProvinceFile], topicIDs: Set<String>?, reader: FieldReader) {
        var index: [String: Int] = [:]
        for (i, p) in provinces.enumerated() { index[p.report.id] = i }
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
            var topic = provinces[p].report.topics[row.topic] ?? TopicReport(status: .unknown)
            var metric: Metric
            if let existing = topic.metrics.firstIndex(where: { $0.id == row.metric }) {
                metric = topic.metrics[existing]
            } else {
                guard let label = row.label else {
                    reader.error(row.place("metric").line, row.place("metric").column, LoadMessages.csvNewMetricNeedsLabel(row.metric))
                    continue
                }
                metric = Metric(id: row.metric, label: label, value: row.value)
            }
            let key = "\(row.province)\u{0}\(row.topic)\u{0}\(row.metric)"
            if let first = seen[key] { reader.warning(row.line, nil, LoadMessages.csvRepeatedRow(firstLine: first)) }
            seen[key] = seen[key] ?? row.line
            metric.value = row.value
            if let label = row.label { metric.label = label }
            if let target = row.target { metric.target = target }
            if let unit = row.unit { metric.unit = unit }
            if let previous = row.previous { metric.previous = previous }
            if let source = row.source { metric.source = source }
            if metric.isShare {
                for (name, value) in [("value", metric.value), ("target", metric.target), ("previous", metric.previous)] {
                    if let value, !(0...100).contains(value) {
                        reader.warning(row.place(name).line, row.place(name).column, LoadMessages.shareOutOfRange(name, value))
                    }
                }
            }
            if let existing = topic.metrics.firstIndex(where: { $0.id == row.metric }) {
                topic.metrics[existing] = metric
            } else {
                topic.metrics.append(metric)
            }
            provinces[p].report.topics[row.topic] = topic
        }
    }

    /// Where each cell starts, by the line each record starts on.
    ///
    /// CSVReader hands out cells, not places; this scan of the same text (quotes, doubled quotes,
    /// line breaks inside quotes, CR LF) finds them. A record is used only when it has as many cells
    /// as the reader found on that line, so a disagreement means no column, never a wrong one.
    static func cellPlaces(_ text: String) -> [Int: [Place]] {
        let scalars = Array(text.unicodeScalars)
        var result: [Int: [Place]] = [:]
        var line = 1, column = 1
        var recordLine = 1
        var starts = [Place(line: 1, column: 1)]
        var inQuotes = false, atCellStart = true
        var i = 0
        func newline() {
            // CR LF, CR and LF each end one line.
            if scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
            i += 1
            line += 1
            column = 1
        }
        while i < scalars.count {
            let s = scalars[i]
            if inQuotes {
                if s == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { i += 2; column += 2; continue }
                    inQuotes = false
                } else if s == "\r" || s == "\n" {
                    newline()
                    continue
                }
                i += 1
                column += 1
                continue
            }
            if s == "\r" || s == "\n" {
                result[recordLine] = starts
                newline()
                recordLine = line
                starts = [Place(line: line, column: 1)]
                atCellStart = true
                continue
            }
            if s == "," {
                starts.append(Place(line: line, column: column + 1))
                atCellStart = true
            } else if s == "\"" && atCellStart {
                inQuotes = true
                atCellStart = false
            } else if s != " " && s != "\t" {
                atCellStart = false
            }
            i += 1
            column += 1
        }
        result[recordLine] = starts
        return result
    }

    /// Line breaks inside a quoted cell: CR LF, CR and LF each count once.
    static func lineBreaks(in cell: String) -> Int {
        var count = 0
        var previousCR = false
        for s in cell.unicodeScalars {
            if s == "\n" { if !previousCR { count += 1 } } else if s == "\r" { count += 1 }
            previousCR = s == "\r"
        }
        return count
    }

    private static func trimmed(_ text: String) -> String {
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
