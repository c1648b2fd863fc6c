import CioDashCore

/// Appending text to an HTML or SVG document under construction, escaped for markup: every data
/// text lands as character data or a quoted attribute value, never as a tag, attribute or entity.
extension Array where Element == UInt8 {
    /// Markup written by the program itself (tags, CSS), unescaped.
    mutating func appendMarkup(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// Text as character data or attribute value: & < > " ' as entities, controls made visible.
    mutating func appendEscaped(_ text: String) {
        for byte in TextSanitizer.line(text).utf8 { appendEscaped(byte: byte) }
    }

    @inline(__always)
    mutating func appendEscaped(byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): append(contentsOf: "&#39;".utf8)
        default: append(byte)
        }
    }

    /// One cell's text (base and marks), escaped. Cells hold no control characters: `Grid.put`
    /// sanitised them on the way in.
    mutating func appendEscaped(cell: Cell) {
        let v = cell.base.value
        if v < 0x80 {
            appendEscaped(byte: UInt8(truncatingIfNeeded: v))
        } else if !TextSanitizer.isXMLText(cell.base) {
            // Never reached through `Grid.put`, which shows a noncharacter as `<U+FFFE>`; a cell
            // filled with one otherwise still leaves the document well-formed.
            append(contentsOf: "\u{FFFD}".utf8)
        } else {
            append(contentsOf: String(cell.base).utf8)
        }
        if cell.marksID != 0 { MarkTable.shared.withUTF8(cell.marksID) { append(contentsOf: $0) } }
    }
}
