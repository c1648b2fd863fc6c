/// Reads a journal's text as far as it is good: every line that cannot be taken is named by line
/// and column, and what it cost is said (edits of a field after a damaged one are not guessed at).
public enum MinutesJournalReader {
    public struct Problem: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var vi: String
        public var en: String

        public func diagnostic(file: String, language: Language) -> Diagnostic {
            Diagnostic(.error, file: file, line: line, column: column, message: BilingualText(both: language == .vi ? vi : en))
        }
    }

    public struct Parsed: Sendable {
        public var header: MinutesJournalFormat.Header?
        /// Nil only when the header is unreadable.
        public var record: MinutesRecord?
        public var problems: [Problem]
        /// Lines in the file (what a new entry's line number will be, less one).
        public var lineCount: Int
    }

    public static func parse(_ text: String) -> Parsed {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = lines.last?.isEmpty == true
        if endsWithNewline { lines.removeLast() }
        var problems: [Problem] = []
        guard let first = lines.first else {
            return Parsed(header: nil, record: nil,
                          problems: [Problem(line: 1, column: 1, vi: "nhật ký trống", en: "the journal is empty")], lineCount: 0)
        }
        let header: MinutesJournalFormat.Header
        switch MinutesJournalFormat.header(first) {
        case .success(let h): header = h
        case .failure(let p):
            return Parsed(header: nil, record: nil, problems: [Problem(line: 1, column: p.column, vi: p.vi, en: p.en)],
                          lineCount: lines.count)
        }
        var record = MinutesRecord(meetingTitle: header.meetingTitle, meetingDate: header.meetingDate, utcOffset: header.utcOffset)
        // A field whose edit did not fit: its later edits are not applied until a full text comes.
        var broken: [MinutesField: (since: Int, skipped: [Int])] = [:]
        for (i, line) in lines.enumerated().dropFirst() {
            let number = i + 1
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
            let entry: MinutesEntry
            switch MinutesJournalFormat.entry(line) {
            case .success(let e): entry = e
            case .failure(let p):
                let cut = i == lines.count - 1 && !endsWithNewline
                problems.append(Problem(line: number, column: p.column,
                                        vi: cut ? "dòng cuối bị cắt (chương trình dừng khi đang ghi); bỏ qua" : p.vi + "; bỏ qua dòng này",
                                        en: cut ? "the last line is cut off (the program stopped while writing it); not used" : p.en + "; line not used"))
                continue
            }
            switch entry {
            case .set(let field, _, _):
                if let b = broken.removeValue(forKey: field), let p = skipped(field, b) { problems.append(p) }
            case .edit(let field, _, _):
                if broken[field] != nil {
                    broken[field]!.skipped.append(number)
                    continue
                }
            case .clock:
                break
            }
            if !record.apply(entry) {
                guard case .edit(let field, _, _) = entry else { continue }
                problems.append(Problem(line: number, column: MinutesJournalFormat.column(of: "pos", in: line),
                                        vi: "sửa đổi không khớp với nội dung ô \(field.key) (nhật ký đã bị sửa hoặc hỏng); bỏ qua",
                                        en: "the edit does not fit the text of \(field.key) (the journal was edited or damaged); not used"))
                broken[field] = (number, [])
            }
        }
        for (field, b) in broken.sorted(by: { $0.value.since < $1.value.since }) {
            if let p = skipped(field, b) { problems.append(p) }
        }
        problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return Parsed(header: header, record: record, problems: problems, lineCount: lines.count)
    }

    private static func skipped(_ field: MinutesField, _ b: (since: Int, skipped: [Int])) -> Problem? {
        guard let firstSkipped = b.skipped.first, let lastSkipped = b.skipped.last else { return nil }
        let n = b.skipped.count
        let span = n == 1 ? "\(firstSkipped)" : "\(firstSkipped)–\(lastSkipped)"
        return Problem(line: b.since, column: 1,
                       vi: "\(n) sửa đổi sau đó của ô \(field.key) (dòng \(span)) không được áp dụng, vì dòng này hỏng",
                       en: "\(n) later edit(s) of \(field.key) (line\(n == 1 ? "" : "s") \(span)) not applied, because this line is damaged")
    }
}
