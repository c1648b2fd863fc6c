/// Every sentence the loader says, in one place, so that wording stays consistent and tests and the
/// README can quote it. Values from files are quoted and clipped (see `quote`), never trusted.
enum LoadMessages {
    static let statusList = ReportStatus.allCases.map(\.rawValue).joined(separator: ", ")
    static let csvHeader = "province,topic,metric,label,value,target,unit,previous,source"

    /// `"text"`, clipped to 60 characters so that a hostile value cannot flood a message.
    static func quote(_ text: String) -> String {
        var clipped = Substring(text)
        if text.unicodeScalars.count > 60 {
            clipped = Substring(String(String.UnicodeScalarView(text.unicodeScalars.prefix(59)))) + "…"
        }
        return "\"\(clipped)\""
    }

    /// "1,234" for counts in messages.
    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 && ch != "-" { out.append(",") }
            out.append(ch)
        }
        return out
    }

    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    // MARK: Folder and files

    static func folderUnreadable(_ reason: String) -> String { "the meeting folder cannot be read: \(reason)" }
    static let noMeetingFile = "the folder has no meeting.yaml, meeting.yml or meeting.json, so there is no agenda"
    static func badSlides(_ found: String) -> String {
        "slides \"\(found)\" is not panels, ranking, none or a list of province ids; the topic gets every panel"
    }
    static func slidesUnknownProvince(_ topic: String, _ province: String) -> String {
        "the slides of topic \"\(topic)\" name province \"\(province)\", which has no file in provinces/; it gets no slide"
    }
    static func otherMeetingFile(used: String, ignored: String) -> String {
        "both \(used) and \(ignored) exist; \(used) is used and this file is ignored"
    }
    static let noProvincesFolder = "the folder has no provinces/ folder, so no province is shown"
    static func provincesFolderUnreadable(_ reason: String) -> String { "the provinces/ folder cannot be read: \(reason)" }
    static let fileNameNotUTF8 = "the file name is not valid UTF-8 text (shown with <..> for the bad bytes), "
        + "so it cannot be read; rename the file"
    static let notAStatusFile = "this is not a .yaml or .json file and is ignored"
    static func sameProvinceTwice(_ other: String) -> String {
        "this province also has the file \(other), which is used instead; remove one of them"
    }
    static func tooManyFiles(_ limit: Int) -> String {
        "provinces/ holds more than \(count(limit)) files; only the first \(count(limit)) are read"
    }
    static let fileIsFolder = "this is a folder, not a file"
    static let fileNotRegular = "this is not a regular file"
    static let fileMissing = "the file does not exist"
    static let filePermission = "the file cannot be read: permission denied"
    static let fileLoop = "the file is a symbolic link that loops back on itself"
    static func fileUnreadable(_ reason: String) -> String { "the file cannot be read: \(reason)" }
    static func fileTooLarge(_ size: Int, limit: Int) -> String {
        "the file is \(mebibytes(size)), more than the \(mebibytes(limit)) limit, so it is not read"
    }

    // MARK: YAML and JSON text

    static let emptyFile = "the file is empty"
    static func notUTF8(_ byte: Int) -> String {
        "the file is not valid UTF-8 text (byte 0x\(hex(byte, 2))); save it as UTF-8"
    }
    static let nulByte = "the file contains a NUL byte, so it is not text (perhaps a binary or UTF-16 file)"
    static func controlCharacter(_ value: Int) -> String {
        "the file contains the control character U+\(hex(value, 4)), which YAML does not allow"
    }
    static func syntax(_ problem: String, context: String?, contextLine: Int?) -> String {
        var text = "YAML syntax error: \(problem)"
        if let context, let contextLine { text += " (\(context) that starts at line \(contextLine))" }
        return text
    }
    static let tabIndentation = "a tab is used for indentation here; YAML allows only spaces"
    static let severalDocuments = "the file holds more than one YAML document (---); put everything in one"
    static func tooDeep(_ limit: Int) -> String { "values are nested more than \(limit) levels deep" }
    static func tooManyAliased(_ limit: Int) -> String {
        "anchors and aliases expand to more than \(count(limit)) values, so the file is refused"
    }
    static func undefinedAlias(_ name: String) -> String {
        "alias *\(name) refers to no anchor &\(name) defined before it"
    }
    static func stringTooLong(_ length: Int, limit: Int) -> String {
        "a text value is \(count(length)) characters long, more than the \(count(limit))-character limit; "
            + "it is left out"
    }
    static func duplicateKey(_ key: String, firstLine: Int) -> String {
        "key \(quote(key)) appears twice in this mapping (first at line \(firstLine)); this one is ignored"
    }
    static func controlInText(_ control: Unicode.Scalar) -> String {
        "the text contains the control character U+\(hex(Int(control.value), 4)) (shown as "
            + "\(TextSanitizer.line(String(control)))), which could take over a terminal; remove it"
    }
    static func invisibleInText(_ character: Unicode.Scalar) -> String {
        let kind = character.value < 0xE0000 ? "line or paragraph separator" : "invisible tag character"
        return "the text contains the \(kind) U+\(hex(Int(character.value), 4)) (shown as "
            + "\(quote(TextSanitizer.line(String(character))))); remove it or use an ordinary line break"
    }
    static let complexKey = "a mapping key must be a single value, not a list or mapping"

    // MARK: Fields

    static let rootNotMapping = "the file must hold a mapping of fields (key: value) at the top level"
    static let missingFormat = "required field \"format\" is missing; the first line should be format: ciodash/1"
    static func otherFormat(_ format: String) -> String {
        "format is \(quote(format)), but this version of ciodash reads only ciodash/1"
    }
    static func missingField(_ key: String) -> String { "required field \(quote(key)) is missing" }
    static func emptyField(_ key: String) -> String { "required field \(quote(key)) is empty" }
    static func wrongKind(_ key: String, expected: String, found: String) -> String {
        "\(quote(key)) must be \(expected), not \(found)"
    }
    static func unknownKey(_ key: String, suggestion: String?) -> String {
        if key == "<<" { return "merge keys (<<) are not supported; write the fields out" }
        if let suggestion { return "unknown key \(quote(key)) is ignored; did you mean \(quote(suggestion))?" }
        return "unknown key \(quote(key)) is ignored"
    }
    static func idMismatch(_ id: String, fileID: String) -> String {
        "id \(quote(id)) does not match the file name, which gives \(quote(fileID)); the file name is used"
    }
    static func unknownStatus(_ status: String) -> String {
        "status \(quote(status)) is not known; use one of \(statusList)"
    }
    static func malformedDate(_ key: String, _ text: String) -> String {
        "\(key) \(quote(text)) is not a valid date; write it as YYYY-MM-DD, e.g. 2019-07-27"
    }
    static func malformedTime(_ text: String) -> String {
        "start time \(quote(text)) must be written HH:MM, e.g. 08:00"
    }
    static func unknownLanguage(_ text: String) -> String { "language \(quote(text)) is not known; use vi or en" }
    static func notWholeMinutes(_ text: String) -> String {
        "minutes \(quote(text)) must be a whole number of minutes, 0 or more"
    }
    static func notBoolean(_ key: String, _ text: String) -> String {
        "\(key) must be true or false, not \(quote(text))"
    }
    static func badTopicID(_ id: String) -> String {
        "topic id \(quote(id)) may use only lower-case letters a-z, digits and hyphens"
    }
    static func duplicateTopic(_ id: String, firstLine: Int) -> String {
        "topic id \(quote(id)) appears twice in the agenda (first at line \(firstLine)); this one is ignored"
    }
    static func badMetricID(_ id: String) -> String {
        "metric id \(quote(id)) must be lower-case letters, digits and hyphens"
    }
    static func badDecimals(_ text: String) -> String {
        "\"decimals\" must be a whole number from 0 to 10, not \(quote(text))"
    }
    static func unknownCombine(_ text: String) -> String {
        "combine \(quote(text)) is not known; use sum, mean or none"
    }
    static func metricNotDeclared(_ id: String, topic: String) -> String {
        "metric \(quote(id)) is not among the metrics the agenda declares for topic \(quote(topic)); check its id"
    }
    static func duplicateMetric(_ id: String, topic: String, firstLine: Int) -> String {
        "metric id \(quote(id)) appears twice in topic \(quote(topic)) (first at line \(firstLine)); this one is ignored"
    }
    static func notListItemText(_ key: String) -> String { "each item of \(quote(key)) must be text" }

    /// A helpful sentence for a value that should be a number.
    static func notANumber(_ key: String, _ text: String, quoted: Bool) -> String {
        if quoted, case .number = ScalarText.number(text) {
            if text.contains(".") && ScalarText.looksLikeThousands(text, separator: ".") {
                return "\(key) \(quote(text)) is text, not a number; write numbers without quotes and without "
                    + "thousands separators (\(text.filter { $0 != "." }) for \(text) in Vietnamese notation)"
            }
            return "\(key) \(quote(text)) is text, not a number; write it without quotes"
        }
        let hint = ScalarText.suggestedNumber(text)
        if text.contains("%") {
            return "\(key) \(quote(text)) is not a number; write the number alone"
                + (hint.map { " (\($0))" } ?? "") + " and put % in unit"
        }
        if text.contains(",") {
            return "\(key) \(quote(text)) is not a number; use a dot for decimals and no thousands separator"
                + (hint.map { " (\($0))" } ?? "")
        }
        return "\(key) \(quote(text)) is not a number"
    }
    static func negativeTarget(_ value: Double) -> String {
        "target \(formatted(value)) is negative; a target is the figure to reach, 0 or more, so it is ignored"
    }
    static func notFinite(_ key: String, _ text: String) -> String {
        "\(key) \(quote(text)) is not a finite number"
    }

    // MARK: Cross-checks (warnings)

    static func shareOutOfRange(_ key: String, _ value: Double) -> String {
        "\(key) \(formatted(value)) lies outside 0–100 although the unit is % (a share)"
    }
    static func reportAfterMeeting(_ reported: LocalDate, _ meeting: LocalDate) -> String {
        "reported \(reported) is after the meeting's date \(meeting); a report gives the figures as of a day before the meeting"
    }
    static func listedWithoutFile(_ id: String) -> String {
        "province \(quote(id)) is listed but has no file provinces/\(id).yaml or .json"
    }
    static func listedTwice(_ id: String) -> String { "province \(quote(id)) is listed twice" }
    static let notListed = "this province is not in the provinces list of the meeting file; it is shown after the listed ones"
    static func missingAgendaTopic(_ topic: String) -> String {
        "the province reports nothing on agenda topic \(quote(topic))"
    }
    static func topicNotOnAgenda(_ topic: String) -> String {
        "topic \(quote(topic)) is not on the meeting's agenda and is not shown"
    }
    static func staleReport(_ reported: LocalDate, days: Int) -> String {
        "the report is dated \(reported), \(days) days before the meeting (more than 60)"
    }
    static func previousUnusable(_ path: String, _ reason: String) -> String {
        "the previous meeting \(quote(path)) cannot be used: \(reason)"
    }
    static func inPreviousMeeting(_ message: String) -> String { "(previous meeting) \(message)" }
    static func previousCycle(_ path: String) -> String {
        "the previous meeting \(quote(path)) is this meeting or one already in the chain of previous meetings; the chain stops here"
    }
    static func previousTooDeep(_ limit: Int) -> String {
        "the chain of previous meetings is longer than \(count(limit)); the earlier ones are not read"
    }
    static func previousNotEarlier(_ path: String, _ date: LocalDate, _ later: LocalDate) -> String {
        "the previous meeting \(quote(path)) is dated \(date), not before \(later); the chain stops here"
    }

    // MARK: metrics.csv

    static let csvEmpty = "metrics.csv is empty; it needs at least the header line \(csvHeader)"
    static func csvMissingColumns(_ names: [String]) -> String {
        "metrics.csv lacks the column\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")); the header must be \(csvHeader)"
    }
    static func csvUnknownColumn(_ name: String) -> String {
        "metrics.csv has the unknown column \(quote(name)); the header must be \(csvHeader)"
    }
    static func csvDuplicateColumn(_ name: String) -> String { "metrics.csv has the column \(quote(name)) twice" }
    static func csvFieldCount(_ found: Int, expected: Int) -> String {
        "this row has \(found) field\(found == 1 ? "" : "s") but the header has \(expected); the row is ignored"
    }
    static func csvQuoting(_ problem: CSVRecords.Problem) -> String {
        switch problem {
        case .strayQuote:
            return "a quote (\") inside a cell that does not start with one; quote the whole cell and double "
                + "the quote (\"\"); the row is ignored"
        case .undoubledQuote:
            return "a quote inside a quoted cell must be doubled (\"\"); the row is ignored"
        case .unterminatedQuote:
            return "this quote is never closed; the row is ignored and reading goes on at the next line"
        }
    }
    static func csvUnknownProvince(_ id: String) -> String {
        "province \(quote(id)) has no file in provinces/; the row is ignored"
    }
    static func csvUnknownTopic(_ id: String) -> String {
        "topic \(quote(id)) is not on the meeting's agenda; the row is ignored"
    }
    static func csvEmptyCell(_ column: String) -> String { "the \(column) cell is empty; the row is ignored" }
    static func csvNewMetricNeedsLabel(_ id: String) -> String {
        "metric \(quote(id)) is new, so the row needs a label; the row is ignored"
    }
    static func csvNotText(_ kind: CSVText.Failure.Kind) -> String {
        switch kind {
        case .nulByte: return nulByte
        case .notUTF8(let byte): return notUTF8(byte) + " (in Excel: Save As, \"CSV UTF-8\")"
        case .badUTF16: return "the file starts as UTF-16 text but is cut short or damaged; save it again as \"CSV UTF-8\""
        case .utf16WithoutBOM:
            return "the file looks like UTF-16 text without its byte-order mark; save it again as \"CSV UTF-8\""
        }
    }
    static func ambiguousNumber(_ key: String, _ text: String, _ a: Double, _ b: Double) -> String {
        "\(key) \(quote(text)) reads two ways: \(formatted(a)) (a thousands separator) or \(formatted(b)) (a decimal mark); "
            + "write it without thousands separators (\(formatted(a))) or with more decimals (\(decimalsShown(b)))"
    }
    static func csvNotBoolean(_ text: String) -> String {
        "illustrative \(quote(text)) is not true or false; the row is ignored"
    }
    static func csvRepeatedRow(firstLine: Int) -> String {
        "this row repeats the metric of line \(firstLine) and overrides it"
    }

    // MARK: Helpers

    static func hex(_ v: Int, _ digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// 1.349 written so that it cannot read as a thousands group: 1.3490.
    static func decimalsShown(_ value: Double) -> String {
        let text = formatted(value)
        return text.contains(".") ? text + "0" : text
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
