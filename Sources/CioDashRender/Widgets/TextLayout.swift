import CioDashCore

/// Fitting text into a number of cells: truncation with an ellipsis and word wrap by display width.
public enum TextLayout {
    /// `text` cut to at most `width` cells, ending in "…" when cut ("Thanh…", not "Thanh …").
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var kept = prefix(text, cells: width - 1)
        while kept.unicodeScalars.last == " " { kept.unicodeScalars.removeLast() }
        return kept + "…"
    }

    /// The longest prefix of `text` (whole characters, marks kept) that fits in `cells`.
    public static func prefix(_ text: String, cells: Int) -> String {
        var used = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = DisplayWidth.of(s)
            if used + w > cells { break }
            used += w
            out.append(s)
        }
        return String(out)
    }

    /// `text` padded with spaces on the right to `width` cells (truncated if longer).
    public static func padRight(_ text: String, to width: Int) -> String {
        let t = truncate(text, to: width)
        return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
    }

    /// `text` padded on the left to `width` cells, for numbers.
    public static func padLeft(_ text: String, to width: Int) -> String {
        let t = truncate(text, to: width)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(t))) + t
    }

    /// Word wrap to `width` cells. Paragraph breaks (`\n`) are kept; a word longer than a line is split.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var clean = TextSanitizer.isClean(text) ? text : TextSanitizer.paragraph(text)
        // Lines are cut out of the UTF-8 by offset: this runs for every paragraph of every view,
        // and words end at a space or newline, which are single bytes.
        return clean.withUTF8 { utf8 in
            var lines: [String] = []
            var lineStart = 0, lineEnd = 0, lineWidth = 0
            var wordStart = 0, wordWidth = 0
            func text(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: utf8[from..<to]), as: UTF8.self)
            }
            func cells(of v: UInt32) -> Int {
                v < 0x300 ? 1 : Unicode.Scalar(v).map { DisplayWidth.of($0) } ?? 1
            }
            func placeWord(endingAt end: Int) {
                guard wordStart < end else { return }
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    lineWidth += 1 + wordWidth
                    lineEnd = end
                    return
                }
                if lineWidth > 0 { lines.append(text(lineStart, lineEnd)) }
                lineStart = wordStart
                lineWidth = 0
                // A word wider than the line is cut into line-sized pieces, between scalars.
                var i = wordStart
                while i < end {
                    let at = i
                    let w = cells(of: UTF8Decoding.next(utf8, &i))
                    if lineWidth + w > width && lineWidth > 0 {
                        lines.append(text(lineStart, at))
                        lineStart = at
                        lineWidth = 0
                    }
                    lineWidth += w
                }
                lineEnd = end
            }
            func endParagraph() {
                lines.append(lineWidth > 0 ? text(lineStart, lineEnd) : "")
                lineWidth = 0
            }

            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b == 0x20 || b == 0x0A {
                    placeWord(endingAt: i)
                    if b == 0x0A { endParagraph() }
                    i += 1
                    wordStart = i
                    wordWidth = 0
                } else {
                    wordWidth += cells(of: UTF8Decoding.next(utf8, &i))
                }
            }
            placeWord(endingAt: utf8.count)
            endParagraph()
            while lines.last == "" && lines.count > 1 { lines.removeLast() }
            return lines
        }
    }
}

extension Grid {
    /// Writes `text` wrapped to the grid's width from row `y` on, growing the grid as needed; `y` ends
    /// on the row after the last line.
    mutating func putWrapped(_ text: String, y: inout Int, role: StyleRole) {
        for line in TextLayout.wrap(text, width: width) {
            ensureRow(y)
            put(line, x: 0, y: y, role: role)
            y += 1
        }
    }
}
