import CioDashCore

/// The minutes form open on one agenda item (or, on the agenda slide, on the attendance): its
/// fields in order, a `TextEditor` for each, and which one has the cursor. Keys become edits, and
/// every edit comes back as a journal entry.
public struct MinutesEditor: Equatable, Sendable {
    /// The agenda item; nil for the session's fields (chair, secretary, absent, others).
    public let topic: String?
    public private(set) var fields: [MinutesField]
    public private(set) var focus: Int
    public private(set) var editors: [MinutesField: TextEditor]
    /// The projector shows only one line of the form (the secretary's line), not the whole form.
    public var hidden = false

    public init(topic: String?, record: MinutesRecord) {
        self.topic = topic
        fields = []
        focus = 0
        editors = [:]
        fields = layoutFields(record: record)
        for f in fields { editors[f] = TextEditor(text: record.text(f), multiline: f.isMultiline) }
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
        case .tab: move(by: 1); return outcome
        case .backTab: move(by: -1); return outcome
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
            outcome.entries.append(.edit(field, edit, at: at))
            growAssignmentRows()
        }
        return outcome
    }

    /// Replaces `field`'s whole text (the secretary confirming the units browsers announced).
    public mutating func replace(_ field: MinutesField, with text: String, at: Double) -> Outcome {
        var outcome = Outcome()
        var editor = self.editor(field)
        let old = editor.text
        guard old != text else { return outcome }
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
    }

    /// There is always one empty assignment row after the last one typed into.
    private mutating func growAssignmentRows() {
        guard let topic else { return }
        let rows = fields.compactMap { f -> Int? in if case .assignment(_, let r, _) = f { return r } else { return nil } }
        guard let last = rows.max(), last < MinutesField.maxAssignmentRows else { return }
        let lastFilled = MinutesField.AssignmentPart.allCases.contains { !editor(.assignment(topic: topic, row: last, part: $0)).isEmpty }
        guard lastFilled else { return }
        let focusedField = focused
        let insertAt = (fields.lastIndex { if case .assignment = $0 { return true } else { return false } } ?? fields.count - 1) + 1
        let added = MinutesField.AssignmentPart.allCases.map { MinutesField.assignment(topic: topic, row: last + 1, part: $0) }
        fields.insert(contentsOf: added, at: insertAt)
        for f in added { editors[f] = TextEditor(multiline: false) }
        focus = fields.firstIndex(of: focusedField) ?? focus
    }

    private func layoutFields(record: MinutesRecord) -> [MinutesField] {
        guard let topic else { return [.chair, .secretary, .absent, .guests] }
        let filled = record.assignments(topic).map(\.row).max() ?? 0
        let rows = 1...min(MinutesField.maxAssignmentRows, filled + 1)
        return [.conclusions(topic: topic)]
            + rows.flatMap { r in MinutesField.AssignmentPart.allCases.map { MinutesField.assignment(topic: topic, row: r, part: $0) } }
            + [.notes(topic: topic)]
    }
}
