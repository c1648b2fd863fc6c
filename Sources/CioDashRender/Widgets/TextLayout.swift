import CioDashCore

/// Fitting text into a number of cells: truncation with an ellipsis and word wrap by display width.
public enum TextLayout {
    /// `text` cut to at most `width` cells, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        return prefix(text, cells: width - 1) + "…"
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
        // Lines are cut out of the text by index, so no string is built a scalar at a time:
        // this runs for every paragraph of every view.
        let clean = TextSanitizer.isClean(text) ? text : TextSanitizer.paragraph(text)
        let scalars = clean.unicodeScalars
        var lines: [String] = []
        var lineStart = scalars.startIndex, lineEnd = scalars.startIndex, lineWidth = 0
        var wordStart = scalars.startIndex, wordWidth = 0

        func placeWord(endingAt end: String.UnicodeScalarView.Index) {
            guard wordStart < end else { return }
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                lineWidth += 1 + wordWidth
                lineEnd = end
                return
            }
            if lineWidth > 0 { lines.append(String(scalars[lineStart..<lineEnd])) }
            lineStart = wordStart
            lineWidth = 0
            // A word wider than the line is cut into line-sized pieces.
            var i = wordStart
            while i < end {
                let w = DisplayWidth.of(scalars[i])
                if lineWidth + w > width && lineWidth > 0 {
                    lines.append(String(scalars[lineStart..<i]))
                    lineStart = i
                    lineWidth = 0
                }
                lineWidth += w
                i = scalars.index(after: i)
            }
            lineEnd = end
        }
        func endParagraph() {
            lines.append(lineWidth > 0 ? String(scalars[lineStart..<lineEnd]) : "")
            lineWidth = 0
        }

        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            let next = scalars.index(after: i)
            if scalar == " " || scalar == "\n" {
                placeWord(endingAt: i)
                if scalar == "\n" { endParagraph() }
                wordStart = next
                wordWidth = 0
            } else {
                wordWidth += DisplayWidth.of(scalar)
            }
            i = next
        }
        placeWord(endingAt: scalars.endIndex)
        endParagraph()
        while lines.last == "" && lines.count > 1 { lines.removeLast() }
        return lines
    }
}
