import CioDashCore

/// Turns one form cell into what the form means by it, adding the problems found to `problems`.
struct FormCellReading {
    let file: String
    let sheet: String
    var problems: [FormProblem] = []
    /// For a CSV form: each cell's `line:column` in the file, in place of `sheet!A1`.
    var textPlaces: [CellReference: String]? = nil
    /// What the row being read asks (`smart-city/dttm-items-deployed`, `smart-city: summary`), for
    /// messages that must say which figure or text is wrong.
    var item: String? = nil
    /// The row's label as the form shows it (`Chứng thư số đã cấp`): a problem's place names the item
    /// as well as the cell (`Biểu mẫu!G22 — Chứng thư số đã cấp`).
    var itemLabel: String? = nil
    /// True on a row whose unit is `%`: a value typed `62%` there means 62.
    var rowIsPercent = false
    /// The longest text a status file may hold (the loader's limit, in Unicode scalars): a longer one
    /// is refused here, at its cell, not later in the generated file.
    var maxTextLength = LoadLimits.default.maxStringLength

    func place(_ cell: XLSXCell) -> String { place(cell.reference) }

    func place(_ reference: CellReference) -> String {
        let cell = textPlaces?[reference] ?? "\(sheet)!\(reference)"
        return itemLabel.map { "\(cell) — \($0)" } ?? cell
    }

    mutating func warn(_ cell: XLSXCell, _ text: SpreadsheetMessages.Text) {
        problems.append(FormProblem(.warning, file: file, place: place(cell), text))
    }

    mutating func fail(_ cell: XLSXCell, _ text: SpreadsheetMessages.Text) {
        problems.append(FormProblem(.error, file: file, place: place(cell), text))
    }

    /// The cell's text, cleaned by the one sanitiser; nil when empty. Formula-looking text stays text.
    mutating func text(_ cell: XLSXCell?) -> String? {
        guard let cell else { return nil }
        let raw: String
        switch cell.value {
        case .text(let s): raw = s
        case .number(let n): raw = YAMLText.number(n)
        case .boolean(let b): raw = b ? "TRUE" : "FALSE"
        case .date(let d): raw = d.description
        case .error(let code):
            fail(cell, SpreadsheetMessages.errorValue(code))
            return nil
        }
        let clean = TextSanitizer.paragraph(raw.precomposedStringWithCanonicalMapping)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if clean.isEmpty { return nil }
        let length = clean.unicodeScalars.count
        if length > maxTextLength {
            fail(cell, SpreadsheetMessages.textTooLong(length, limit: maxTextLength, item: item))
            return nil
        }
        if cell.isFormula { warn(cell, SpreadsheetMessages.formulaUsed(clean)) }
        if let first = clean.first, "=+@".contains(first) || (first == "-" && !(clean.dropFirst().first?.isNumber ?? false)) {
            warn(cell, SpreadsheetMessages.formulaLike(clean))
        }
        return clean
    }

    /// A figure: a number cell, or a number typed as text; nil when empty.
    mutating func number(_ cell: XLSXCell?) -> Double? {
        guard let cell else { return nil }
        let value: Double?
        switch cell.value {
        case .number(let n): value = n
        case .text(let s):
            var trimmed = s.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            if rowIsPercent, trimmed.hasSuffix("%"), case .number(let n) = NumberText.read(String(trimmed.dropLast())) {
                warn(cell, SpreadsheetMessages.percentSignDropped(trimmed, n))
                trimmed = String(trimmed.dropLast())
            }
            switch NumberText.read(trimmed) {
            case .number(let n): value = n
            case .ambiguous(let a, let b):
                fail(cell, SpreadsheetMessages.ambiguousNumber(trimmed, a, b))
                return nil
            case .invalid:
                fail(cell, SpreadsheetMessages.notANumber(trimmed))
                return nil
            }
        case .error(let code):
            fail(cell, SpreadsheetMessages.errorValue(code))
            return nil
        case .boolean, .date:
            fail(cell, SpreadsheetMessages.notANumber(text(cell) ?? ""))
            return nil
        }
        guard let value else { return nil }
        // NaN, an infinity or a number past the largest double (1e309) would only fail later, at a
        // line of the generated file.
        guard value.isFinite else {
            fail(cell, SpreadsheetMessages.notFinite(value, item: item))
            return nil
        }
        if cell.isFormula { warn(cell, SpreadsheetMessages.formulaUsed(YAMLText.number(value))) }
        if value < 0 {
            fail(cell, SpreadsheetMessages.negative(value))
            return nil
        }
        return value
    }

    /// A date: a date cell, ISO text, or text typed day first as every Vietnamese form writes it
    /// (26/07/2019, 05/07/2019, 26-7-2019, 26.07.2019). A typed date is never read month first: a
    /// spreadsheet set to US English stores a date cell, not text, and a date cell has no order.
    mutating func date(_ cell: XLSXCell?) -> LocalDate? {
        guard let cell else { return nil }
        if case .date(let date) = cell.value { return date }
        guard let raw = text(cell) else { return nil }
        if let date = LocalDate(iso: raw) ?? Self.dayFirst(raw) { return date }
        fail(cell, SpreadsheetMessages.badDate(raw))
        return nil
    }

    /// `D/M/YYYY` with `/`, `-` or `.` between, one or two digits of day and month; nil otherwise.
    static func dayFirst(_ text: String) -> LocalDate? {
        guard let separator = text.first(where: { "/-.".contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// A topic's status: a word of the list (any case, with or without diacritics), or other words
    /// that begin with exactly one of them (`chậm tiến độ`), read as that one with a warning.
    mutating func status(_ cell: XLSXCell?) -> ReportStatus? {
        guard let cell, let word = text(cell) else { return nil }
        if let status = StatusWords.status(word) { return status }
        if let status = StatusWords.statusStarting(word) {
            warn(cell, SpreadsheetMessages.statusReadAs(word, StatusWords.vietnamese[status]!))
            return status
        }
        fail(cell, SpreadsheetMessages.unknownStatus(word))
        return nil
    }
}
