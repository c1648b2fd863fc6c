import CioDashCore

/// Turns one form cell into what the form means by it, adding the problems found to `problems`.
struct FormCellReading {
    let file: String
    let sheet: String
    var problems: [FormProblem] = []
    /// For a CSV form: each cell's `line:column` in the file, in place of `sheet!A1`.
    var textPlaces: [CellReference: String]? = nil

    func place(_ cell: XLSXCell) -> String { place(cell.reference) }

    func place(_ reference: CellReference) -> String { textPlaces?[reference] ?? "\(sheet)!\(reference)" }

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
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
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
        if cell.isFormula { warn(cell, SpreadsheetMessages.formulaUsed(YAMLText.number(value))) }
        if value < 0 {
            fail(cell, SpreadsheetMessages.negative(value))
            return nil
        }
        return value
    }

    /// A date: a date cell, or ISO text.
    mutating func date(_ cell: XLSXCell?) -> LocalDate? {
        guard let cell else { return nil }
        if case .date(let date) = cell.value { return date }
        guard let raw = text(cell) else { return nil }
        if let date = LocalDate(iso: raw) { return date }
        fail(cell, SpreadsheetMessages.badDate(raw))
        return nil
    }

    mutating func status(_ cell: XLSXCell?) -> ReportStatus? {
        guard let cell, let word = text(cell) else { return nil }
        if let status = StatusWords.status(word) { return status }
        fail(cell, SpreadsheetMessages.unknownStatus(word))
        return nil
    }
}
