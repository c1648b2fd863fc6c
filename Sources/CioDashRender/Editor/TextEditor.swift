import CioDashCore

/// A multi-line (or one-line) text field being typed into: the text as grapheme clusters in NFC and
/// a cursor between two of them. Pure: every change returns the `TextEdit` that a journal records.
///
/// Text typed through a Vietnamese input method arrives composed or not ("e" then U+0302 then
/// U+0301): each insertion is composed with the letter before it, so the text is always NFC and
/// the cursor never stands inside a letter. Control characters are dropped on the way in.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters`: the cursor stands before `characters[cursor]`.
    public private(set) var cursor: Int
    public let multiline: Bool
    /// The display column up/down aims for, kept across consecutive vertical moves.
    var goalColumn: Int?

    public init(text: String = "", multiline: Bool = true) {
        self.multiline = multiline
        characters = Array(TypedText.clean(text, multiline: multiline))
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: Changes

    /// Types or pastes `typed` at the cursor. Nil when nothing is left to insert.
    @discardableResult
    public mutating func insert(_ typed: String) -> TextEdit? {
        let clean = TypedText.clean(typed, multiline: multiline)
        guard !clean.isEmpty else { return nil }
        // The letter before and the one after join the insertion: a combining mark typed after "e"
        // becomes part of it, and NFC composes them.
        let lower = max(0, cursor - 1)
        let upper = min(characters.count, cursor + 1)
        let before = cursor > lower ? String(characters[lower]) : ""
        let after = upper > cursor ? String(characters[cursor]) : ""
        let merged = Array(Normalization.nfc(before + clean + after))
        let keepsAfter = !after.isEmpty && merged.last.map { String($0) == after } == true
        characters.replaceSubrange(lower..<upper, with: merged)
        cursor = lower + merged.count - (keepsAfter ? 1 : 0)
        goalColumn = nil
        // The journal records only what changed: neighbours that came back as they were are left out.
        var from = lower, old = upper, new = lower + merged.count
        if !before.isEmpty, merged.first.map({ String($0) == before }) == true { from += 1 }
        if keepsAfter, new - 1 >= from, old - 1 >= from { old -= 1; new -= 1 }
        return TextEdit(offset: scalarOffset(of: from), removed: scalarCount(old: from..<old, before: before, after: after, lower: lower),
                        inserted: String(characters[from..<new]))
    }

    /// Backspace: removes the letter before the cursor (the whole grapheme cluster).
    @discardableResult
    public mutating func deleteBackward() -> TextEdit? {
        guard cursor > 0 else { return nil }
        return remove(cursor - 1..<cursor, cursorAfter: cursor - 1)
    }

    /// Delete: removes the letter after the cursor.
    @discardableResult
    public mutating func deleteForward() -> TextEdit? {
        guard cursor < characters.count else { return nil }
        return remove(cursor..<cursor + 1, cursorAfter: cursor)
    }

    /// Removes the word before the cursor (Ctrl-W).
    @discardableResult
    public mutating func deleteWordBackward() -> TextEdit? {
        let start = wordStart(before: cursor)
        guard start < cursor else { return nil }
        return remove(start..<cursor, cursorAfter: start)
    }

    /// Replaces the whole text (a journal's full-text record, or clearing a field).
    public mutating func setText(_ text: String) {
        characters = Array(TypedText.clean(text, multiline: multiline))
        cursor = characters.count
        goalColumn = nil
    }

    private mutating func remove(_ range: Range<Int>, cursorAfter: Int) -> TextEdit {
        let at = scalarOffset(of: range.lowerBound)
        let removed = scalarCount(range)
        characters.removeSubrange(range)
        cursor = cursorAfter
        goalColumn = nil
        return TextEdit(offset: at, removed: removed, inserted: "")
    }

    // MARK: Moves

    public mutating func moveLeft() { move(to: cursor - 1) }
    public mutating func moveRight() { move(to: cursor + 1) }
    public mutating func moveWordLeft() { move(to: wordStart(before: cursor)) }
    public mutating func moveWordRight() { move(to: wordEnd(after: cursor)) }

    /// Home: the start of the line the cursor is on (the paragraph, not the wrapped row).
    public mutating func moveHome() {
        var i = cursor
        while i > 0 && characters[i - 1] != "\n" { i -= 1 }
        move(to: i)
    }

    /// End: the end of the paragraph.
    public mutating func moveEnd() {
        var i = cursor
        while i < characters.count && characters[i] != "\n" { i += 1 }
        move(to: i)
    }

    public mutating func moveToStart() { move(to: 0) }
    public mutating func moveToEnd() { move(to: characters.count) }

    /// Up one wrapped row at `width` cells, at the same display column where the row allows.
    /// False when the cursor is on the first row (the form moves to the field above).
    @discardableResult
    public mutating func moveUp(width: Int) -> Bool { moveVertically(-1, width: width) }

    /// Down one wrapped row; false on the last row.
    @discardableResult
    public mutating func moveDown(width: Int) -> Bool { moveVertically(1, width: width) }

    private mutating func moveVertically(_ delta: Int, width: Int) -> Bool {
        let rows = layout(width: width)
        let (row, column) = position(in: rows)
        let target = row + delta
        guard rows.indices.contains(target) else { return false }
        let goal = goalColumn ?? column
        let line = rows[target]
        var i = line.start, used = 0
        while i < line.lastCursor {
            let w = DisplayWidth.of(characters[i])
            if used + w > goal { break }
            used += w
            i += 1
        }
        cursor = i
        goalColumn = goal
        return true
    }

    private mutating func move(to index: Int) {
        cursor = min(max(0, index), characters.count)
        goalColumn = nil
    }

    // MARK: Layout

    /// One wrapped row: characters `start..<end` (a line break is not in it). `lastCursor` is the
    /// rightmost place the cursor can stand on the row: a row cut by wrapping hands its end to the next.
    public struct Row: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var lastCursor: Int
        public var width: Int
    }

    /// The text wrapped at `width` cells: at the last space that fits, or inside a word longer
    /// than the row. A wide character never straddles the edge. Linear in the text.
    public func layout(width: Int) -> [Row] {
        let width = max(2, width)
        var rows: [Row] = []
        var start = 0, used = 0
        var lastSpace = -1  // index after the last space on the row
        var widthAtSpace = 0
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                rows.append(Row(start: start, end: i, lastCursor: i, width: used))
                start = i + 1; used = 0; lastSpace = -1
                i += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if used + w > width && i > start {
                if lastSpace > start && lastSpace <= i {
                    rows.append(Row(start: start, end: lastSpace, lastCursor: lastSpace - 1, width: widthAtSpace))
                    used -= widthAtSpace
                    start = lastSpace
                } else {
                    rows.append(Row(start: start, end: i, lastCursor: i - 1, width: used))
                    start = i; used = 0
                }
                lastSpace = -1
                continue
            }
            used += w
            if c == " " { lastSpace = i + 1; widthAtSpace = used }
            i += 1
        }
        rows.append(Row(start: start, end: characters.count, lastCursor: characters.count, width: used))
        return rows
    }

    /// Row and display column of the cursor at `width`.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        position(in: layout(width: width))
    }

    func position(in rows: [Row]) -> (row: Int, column: Int) {
        // Rows are in order: the cursor's row is the last one starting at or before it.
        var lo = 0, hi = rows.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rows[mid].start <= cursor { lo = mid } else { hi = mid - 1 }
        }
        var column = 0
        for i in rows[lo].start..<min(cursor, rows[lo].end) { column += DisplayWidth.of(characters[i]) }
        return (lo, column)
    }

    /// The text of one row.
    public func text(of row: Row) -> String { String(characters[row.start..<row.end]) }

    // MARK: Words and offsets

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !Self.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && Self.isWordCharacter(characters[i]) { i += 1 }
        return i
    }

    /// Unicode scalars before character `index`: journals address text by scalars, which do not
    /// depend on the grapheme rules of the Swift that reads them back.
    func scalarOffset(of index: Int) -> Int { scalarCount(0..<index) }

    /// Scalars the old characters `range` (indices before the change, from `lower`) held.
    private func scalarCount(old range: Range<Int>, before: String, after: String, lower: Int) -> Int {
        var n = 0
        let old = (before.isEmpty ? [] : [before]) + (after.isEmpty ? [] : [after])
        for i in range { n += old[i - lower].unicodeScalars.count }
        return n
    }

    private func scalarCount(_ range: Range<Int>) -> Int {
        var n = 0
        for i in range { n += characters[i].unicodeScalars.count }
        return n
    }
}
