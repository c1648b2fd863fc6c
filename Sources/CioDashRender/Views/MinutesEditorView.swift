import CioDashCore

/// The minutes form drawn over the slide: a box with the item's title, each field's label and its
/// wrapped text, the cursor as a reversed cell, and the form's keys on its last line. Hidden, only
/// the row being typed shows, on one line above the status line, so the audience sees the slide.
public enum MinutesEditorView {
    /// Draws the form on a screen grid and returns the text width its rows wrap at.
    @discardableResult
    /// `top`: the first row under the banner (the slide's title and countdown stay in sight).
    /// `browsers`: the line of units browsers announced (attendance form only), above the keys.
    /// `keyLine`: the form's keys for a width, from the app's command table.
    public static func draw(_ editor: MinutesEditor, on grid: inout Grid, top: Int = 1, meeting: Meeting, language: Language,
                            browsers: String? = nil, keyLine: (_ width: Int) -> String) -> Int {
        let words = MinutesLabels.forLanguage(language)
        guard grid.width >= 20, grid.height - top >= 6 else { return max(2, grid.width - 8) }
        if editor.hidden { return drawHidden(editor, on: &grid, words: words) }
        let x = 0, y = top, width = grid.width, height = grid.height - 2 - top
        grid.fill(x: x, y: y, width: width, height: height)
        let title = editor.topic.flatMap { meeting.topic($0)?.title(in: language) } ?? words.attendance
        let inner = Box.draw(in: &grid, x: x, y: y, width: width, height: height, title: words.editorTitle + " · " + title, role: .title)
        let indent = 2
        let textWidth = max(2, inner.width - indent - 1)
        // Every row of the form, then a window of them that keeps the cursor in sight.
        var rows: [(text: String, role: StyleRole, x: Int, cursor: Int?)] = []
        var cursorRow = 0
        for field in editor.fields {
            let focused = field == editor.focused
            // A label wraps rather than being cut: it says what goes in the field.
            for line in TextLayout.wrap(words.fieldLabel(field), width: max(1, inner.width)) {
                rows.append((line, focused ? .header : .label, 0, nil))
            }
            let text = editor.editor(field)
            let layout = text.layout(width: textWidth)
            let position = focused ? text.position(in: layout) : nil
            for (i, row) in layout.enumerated() {
                let isCursor = position?.row == i
                if isCursor { cursorRow = rows.count }
                rows.append((text.text(of: row), .normal, indent, isCursor ? position?.column : nil))
            }
        }
        let offer = editor.topic == nil ? browsers : nil
        let room = max(1, inner.height - 1 - (offer == nil ? 0 : 1))
        // From the top while the cursor's row fits, then keeping two rows below it in sight.
        let first = min(max(0, cursorRow - (room - 3)), max(0, rows.count - room))
        for (i, row) in rows.dropFirst(first).prefix(room).enumerated() {
            grid.put(row.text, x: inner.x + row.x, y: inner.y + i, maxWidth: inner.width - row.x, role: row.role)
            if let column = row.cursor { grid.setRole(.selected, x: inner.x + row.x + column, y: inner.y + i, width: 1) }
        }
        if let offer {
            grid.put(TextLayout.truncate(offer, to: inner.width), x: inner.x, y: inner.y + inner.height - 2, role: .header)
        }
        // The form's keys, most needed first, as many whole ones as fit.
        let keys = keyLine(inner.width)
        grid.put(keys, x: inner.x, y: inner.y + inner.height - 1, maxWidth: inner.width, role: .muted)
        return textWidth
    }

    private static func drawHidden(_ editor: MinutesEditor, on grid: inout Grid, words: MinutesLabels) -> Int {
        let y = grid.height - 3
        let label = words.fieldLabel(editor.focused) + ": "
        let x = 1 + DisplayWidth.of(label)
        let textWidth = max(2, grid.width - x - 2)
        let text = editor.editor(editor.focused)
        let layout = text.layout(width: textWidth)
        let position = text.position(in: layout)
        grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .footer)
        grid.put(label, x: 1, y: y, role: .footer)
        grid.put(text.text(of: layout[position.row]), x: x, y: y, maxWidth: textWidth, role: .footer)
        grid.setRole(.selected, x: x + position.column, y: y, width: 1)
        return textWidth
    }
}
