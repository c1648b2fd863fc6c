import CioDashCore

/// The minutes form open on one agenda item (or, on the agenda slide, on the attendance): its
/// fields in order, a `TextEditor` for each, and which one has the cursor. Keys become edits, and
/// every edit comes back as a journal entry.
///
/// An item's assignments are the rows typed into and one empty row after them, the last; a row
/// emptied again leaves the form once the cursor leaves it. Tab skips that empty row once a row is
/// typed (Tab after the last assignment reaches the notes, so typing goes on where the secretary
/// expects); Enter and ↓ step into it to add an assignment.
public struct MinutesEditor: Equatable, Sendable {
    /// The agenda item; nil for the session's fields (chair, secretary, absent, others).
    public let topic: String?
    public private(set) var fields: [MinutesField]
    public private(set) var focus: Int
    public private(set) var editors: [MinutesField: TextEditor]
    /// The projector shows only one line of the form (the secretary's line), not the whole form.
    public var hidden = false
    /// Fields showing a default (the meeting's chairs) that the journal does not hold yet: the
    /// first edit of one writes the default first, so that the journal holds what the form shows.
    private var unsavedDefaults: [MinutesField: String] = [:]

    /// The form on `topic` (nil: the attendance), with what `record` holds; an empty field with a
    /// default in `meeting` (the chair: its `chairs`) starts with that default, to keep or change.
    public init(topic: String?, record: MinutesRecord, meeting: Meeting? = nil) {
        self.topic = topic
        fields = []
        focus = 0
        editors = [:]
        if let topic {
            for assignment in record.assignments(topic) {
                for part in MinutesField.AssignmentPart.allCases {
                    let field = MinutesField.assignment(topic: topic, row: assignment.row, part: part)
                    editors[field] = TextEditor(text: record.text(field), multiline: false)
                }
            }
            for f in [MinutesField.conclusions(topic: topic), .notes(topic: topic)] {
                editors[f] = TextEditor(text: record.text(f), multiline: true)
            }
            layOutRows()
        } else {
            fields = [.chair, .secretary, .absent, .guests]
            for f in fields { editors[f] = TextEditor(text: record.text(f), multiline: f.isMultiline) }
            if let chairs = meeting?.chairs, !chairs.isEmpty, record.text(.chair).isEmpty {
                let text = chairs.joined(separator: "; ")
                editors[.chair] = TextEditor(text: text, multiline: false)
                unsavedDefaults[.chair] = text
            }
        }
    }

    public var focused: MinutesField { fields[focus] }

    public func editor(_ field: MinutesField) -> TextEditor {
        editors[field] ?? TextEditor(multiline: field.isMultiline)
    }

    /// What a key did: the journal entries to write.
    public struct Outcome: Equatable, Sendable {
        public var entries: [MinutesEntry] = []
    }

    /// One text-editing key (the form's commands, Esc, F2, F3, are the app core's) at `width` cells of text (for up and down across wrapped rows), at wall time `at`.
    public mutating func handle(_ key: Key, width: Int, at: Double) -> Outcome {
        var outcome = Outcome()
        let field = focused
        var editor = self.editor(field)
        var edit: TextEdit?
        switch key {
        case .tab: tab(by: 1); return outcome
        case .backTab: tab(by: -1); return outcome
        case .character(let c): edit = editor.insert(String(c))
        case .paste(let text, _): edit = editor.insert(text)
        case .enter:
            if field.isMultiline { edit = editor.insert("\n") } else { move(by: 1); return outcome }
        case .backspace: edit = editor.deleteBackward()
        case .delete: edit = editor.deleteForward()
        case .deleteWord: edit = editor.deleteWordBackward()
        case .left: editor.moveLeft()
        case .right: editor.moveRight()
        case .wordLeft: editor.moveWordLeft()
        case .wordRight: editor.moveWordRight()
        case .home: editor.moveHome()
        case .end: editor.moveEnd()
        case .up:
            if !editor.moveUp(width: width) { move(by: -1, cursorAtEnd: true); return outcome }
        case .down:
            if !editor.moveDown(width: width) { move(by: 1); return outcome }
        default:
            return outcome
        }
        editors[field] = editor
        if let edit {
            if let shown = unsavedDefaults.removeValue(forKey: field) {
                outcome.entries.append(.edit(field, TextEdit(offset: 0, removed: 0, inserted: shown), at: at))
            }
            outcome.entries.append(.edit(field, edit, at: at))
            layOutRows()
        }
        return outcome
    }

    /// Replaces `field`'s whole text (the secretary confirming the units browsers announced).
    public mutating func replace(_ field: MinutesField, with text: String, at: Double) -> Outcome {
        var outcome = Outcome()
        var editor = self.editor(field)
        guard editor.text != text else { return outcome }
        // A default on screen is not in the journal: the edit replaces the journal's empty text.
        let old = unsavedDefaults.removeValue(forKey: field) == nil ? editor.text : ""
        editor.setText(text)
        editors[field] = editor
        outcome.entries.append(.edit(field, TextEdit(offset: 0, removed: old.unicodeScalars.count, inserted: editor.text), at: at))
        return outcome
    }

    private mutating func move(by delta: Int, cursorAtEnd: Bool = false) {
        let next = focus + delta
        guard fields.indices.contains(next) else { return }
        focus = next
        if cursorAtEnd { editors[fields[next]]?.moveToEnd() }
        layOutRows()
    }

    /// Tab and Shift-Tab: the next field that is a tab stop (the empty last assignment row is not,
    /// once a row is typed, unless the cursor is in it).
    private mutating func tab(by delta: Int) {
        var next = focus + delta
        while fields.indices.contains(next), !isTabStop(fields[next]) { next += delta }
        guard fields.indices.contains(next) else { return }
        focus = next
        layOutRows()
    }

    private func isTabStop(_ field: MinutesField) -> Bool {
        guard case .assignment(_, let row, _) = field, let newRow = newAssignmentRow, newRow > 1 else { return true }
        if case .assignment(_, let focusedRow, _) = focused, focusedRow == row { return true }
        return row != newRow
    }

    /// Assignment rows with text in the form.
    private var typedRows: Set<Int> {
        var rows: Set<Int> = []
        for (field, editor) in editors where !editor.isEmpty {
            if case .assignment(let t, let row, _) = field, t == topic { rows.insert(row) }
        }
        return rows
    }

    /// The empty row offered after the typed ones; nil once the form has the most rows.
    private var newAssignmentRow: Int? {
        let row = (typedRows.max() ?? 0) + 1
        return row <= MinutesField.maxAssignmentRows ? row : nil
    }

    /// The item's fields: conclusions, the typed rows, the focused row, one empty row, the notes.
    /// The cursor stays on its field (by identity, not position).
    private mutating func layOutRows() {
        guard let topic else { return }
        let focusedField = fields.isEmpty ? nil : focused
        var rows = typedRows
        if let row = newAssignmentRow { rows.insert(row) }
        if case .assignment(_, let row, _)? = focusedField { rows.insert(row) }
        let assignments = rows.sorted().flatMap { row in
            MinutesField.AssignmentPart.allCases.map { MinutesField.assignment(topic: topic, row: row, part: $0) }
        }
        for f in assignments where editors[f] == nil { editors[f] = TextEditor(multiline: false) }
        fields = [.conclusions(topic: topic)] + assignments + [.notes(topic: topic)]
        focus = focusedField.flatMap { fields.firstIndex(of: $0) } ?? 0
    }
}
