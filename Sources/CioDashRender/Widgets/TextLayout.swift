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
        var lines: [String] = []
        for paragraph in paragraphs(TextSanitizer.paragraph(text)) {
            var line = ""
            var lineWidth = 0
            for word in paragraph {
                var w = word
                var ww = DisplayWidth.of(w)
                if lineWidth > 0 && lineWidth + 1 + ww <= width {
                    line += " "
                    line += w
                    lineWidth += 1 + ww
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while ww > width {
                    let head = prefix(w, cells: width)
                    if head.isEmpty { break }
                    lines.append(head)
                    w = String(w.unicodeScalars.dropFirst(head.unicodeScalars.count))
                    ww = DisplayWidth.of(w)
                }
                line = w
                lineWidth = ww
            }
            lines.append(line)
        }
        while lines.last == "" && lines.count > 1 { lines.removeLast() }
        return lines
    }

    /// The words of each paragraph. Text in which every scalar is a character of its own is split at
    /// its space and newline bytes; splitting by `Character` (grapheme breaking) was most of the cost
    /// of wrapping, and gives the same words there.
    static func paragraphs(_ text: String) -> [[String]] {
        guard text.unicodeScalars.allSatisfy({ isAlwaysOwnCharacter($0.value) }) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: " ").map(String.init) }
        }
        var text = text
        return text.withUTF8 { bytes in
            var paragraphs: [[String]] = [[]]
            var start = 0
            for i in 0...bytes.count {
                let end = i == bytes.count
                guard end || bytes[i] == 0x20 || bytes[i] == 0x0A else { continue }
                if i > start {
                    paragraphs[paragraphs.count - 1].append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                if !end && bytes[i] == 0x0A { paragraphs.append([]) }
                start = i + 1
            }
            return paragraphs
        }
    }

    /// Scalars that never join a neighbour into one character (no marks, joiners, prepended
    /// marks, Hangul jamo or regional indicators): Latin, Vietnamese letters, punctuation, box and
    /// block drawing. Carriage returns are gone after `TextSanitizer.paragraph`.
    @inline(__always)
    static func isAlwaysOwnCharacter(_ v: UInt32) -> Bool {
        (v < 0x300 && v != 0x0D) || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v)
            || (0x2030...0x205E).contains(v) || (0x2500...0x25FC).contains(v)
    }
}
