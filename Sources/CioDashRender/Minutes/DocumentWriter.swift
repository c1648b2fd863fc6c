import CioDashCore

/// Writes a document as Markdown or as plain text of a fixed width, from the same calls, so the
/// two formats cannot say different things. Every text from a file or the journal is sanitised here.
struct DocumentWriter {
    enum Format: Sendable { case markdown, text }

    let format: Format
    /// Plain text: lines are wrapped to this many cells.
    let width: Int
    private(set) var out = ""

    init(format: Format, width: Int = 80) {
        self.format = format
        self.width = width
    }

    /// The national heading beside the issuing body, as two columns in text, a table in Markdown.
    mutating func letterhead(left: [String], right: [String]) {
        let rows = max(left.count, right.count)
        if format == .markdown {
            out += "| " + safe(left.first ?? "") + " | " + safe(right.first ?? "") + " |\n|:---:|:---:|\n"
            for i in 1..<rows {
                out += "| " + safe(i < left.count ? left[i] : "") + " | " + safe(i < right.count ? right[i] : "") + " |\n"
            }
            out += "\n"
            return
        }
        let half = width / 2
        // Each column's lines wrapped to its half: the issuing body's long name is never cut.
        let l = left.flatMap { TextLayout.wrap(safe($0), width: half - 2) }
        let r = right.flatMap { TextLayout.wrap(safe($0), width: width - half) }
        for i in 0..<max(l.count, r.count) {
            out += TextLayout.padRight(centred(i < l.count ? l[i] : "", in: half - 1), to: half)
                + centred(i < r.count ? r[i] : "", in: width - half)
            trimLineEnd()
            out += "\n"
        }
        out += "\n"
    }

    /// The document's name and subject, centred.
    mutating func title(_ name: String, subject: [String]) {
        if format == .markdown {
            out += "## " + safe(name) + "\n\n"
            for s in subject { out += "**" + safe(s) + "**\n\n" }
            return
        }
        out += centred(safe(name), in: width) + "\n"
        for s in subject {
            for line in TextLayout.wrap(safe(s), width: width - 4) { out += centred(line, in: width) + "\n" }
        }
        out += "\n"
    }

    mutating func heading(_ text: String) {
        if format == .markdown { out += "### " + safe(text) + "\n\n" } else { paragraph(text) }
    }

    /// A paragraph with a bold lead-in ("Địa điểm: …").
    mutating func field(_ label: String, _ value: String) {
        if format == .markdown {
            out += "**" + safe(label) + ":** " + markdownText(value) + "\n\n"
        } else {
            paragraph(label + ": " + value)
        }
    }

    /// A paragraph; its own line breaks are kept.
    mutating func paragraph(_ text: String, indent: Int = 0) {
        let clean = TextSanitizer.paragraph(text)
        if format == .markdown {
            out += clean.split(separator: "\n", omittingEmptySubsequences: false).map { markdownText(String($0)) }
                .joined(separator: "  \n") + "\n\n"
            return
        }
        let pad = String(repeating: " ", count: indent)
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let wrapped = TextLayout.wrap(String(line), width: width - indent)
            for piece in wrapped.isEmpty ? [""] : wrapped { out += pad + piece + "\n" }
        }
        out += "\n"
    }

    mutating func bullets(_ items: [String]) {
        for item in items {
            if format == .markdown {
                out += "- " + markdownText(TextSanitizer.line(item)) + "\n"
            } else {
                let lines = TextLayout.wrap(safe(item), width: width - 2)
                for (i, line) in lines.enumerated() { out += (i == 0 ? "- " : "  ") + line + "\n" }
            }
        }
        out += "\n"
    }

    /// A table; in text the columns are padded by display width and the last one wraps.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        if format == .markdown {
            out += "| " + header.map(safe).joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map { markdownCell($0) }.joined(separator: " | ") + " |\n" }
            out += "\n"
            return
        }
        let cells = ([header] + rows).map { $0.map(safe) }
        var widths = header.indices.map { c in cells.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        // The widest column gives way so that the table fits the page.
        let spare = width - widths.reduce(0, +) - 2 * (widths.count - 1)
        if spare < 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] = max(8, widths[widest] + spare)
        }
        for (r, row) in cells.enumerated() {
            let wrapped = row.indices.map { c in TextLayout.wrap(row[c], width: widths[c]) }
            let height = wrapped.map(\.count).max() ?? 1
            for l in 0..<max(1, height) {
                var line = ""
                for c in row.indices {
                    let piece = l < wrapped[c].count ? wrapped[c][l] : ""
                    line += c == row.count - 1 ? piece : TextLayout.padRight(piece, to: widths[c]) + "  "
                }
                out += line
                trimLineEnd()
                out += "\n"
            }
            if r == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        out += "\n"
    }

    /// Two signature blocks side by side: title, hint, room to sign, name.
    mutating func signatures(_ left: (title: String, hint: String, name: String), _ right: (title: String, hint: String, name: String)) {
        if format == .markdown {
            out += "| " + safe(left.title) + " | " + safe(right.title) + " |\n|:---:|:---:|\n"
            out += "| *" + safe(left.hint) + "* | *" + safe(right.hint) + "* |\n"
            out += "| <br><br><br> | <br><br><br> |\n"
            out += "| **" + markdownCell(left.name) + "** | **" + markdownCell(right.name) + "** |\n\n"
            return
        }
        let half = width / 2
        func row(_ l: String, _ r: String) {
            out += TextLayout.padRight(centred(safe(l), in: half - 1), to: half) + centred(safe(r), in: width - half)
            trimLineEnd()
            out += "\n"
        }
        row(left.title, right.title)
        row(left.hint, right.hint)
        out += "\n\n\n"
        let leftNames = TextLayout.wrap(safe(left.name), width: half - 2)
        let rightNames = TextLayout.wrap(safe(right.name), width: width - half - 1)
        for i in 0..<max(leftNames.count, rightNames.count) {
            row(i < leftNames.count ? leftNames[i] : "", i < rightNames.count ? rightNames[i] : "")
        }
        out += "\n"
    }

    // MARK: Text

    private func safe(_ text: String) -> String { TextSanitizer.line(text) }

    private func centred(_ text: String, in cells: Int) -> String {
        let w = DisplayWidth.of(text)
        guard w < cells else { return text }
        return String(repeating: " ", count: (cells - w) / 2) + text
    }

    private mutating func trimLineEnd() {
        while out.last == " " { out.removeLast() }
    }

    /// Typed text in Markdown: characters that would start markup are escaped, so a note reads as typed.
    private func markdownText(_ text: String) -> String {
        var out = ""
        for c in TextSanitizer.line(text) {
            if "\\`*_[]<>#|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    private func markdownCell(_ text: String) -> String { markdownText(text) }
}
