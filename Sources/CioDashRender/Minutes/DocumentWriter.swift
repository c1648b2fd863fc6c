import CioDashCore

/// Lays a minutes document's blocks out as Markdown or as plain text of a fixed width. Every text
/// from a file or the journal is sanitised here; Markdown escapes it with `MarkdownReport.inline`,
/// so a note reads as typed. No empty markup: a cell, a name or a value with nothing in it is left
/// out rather than written as `** **` or filled with `<br>`.
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

    static func render(_ blocks: [DocumentBlock], format: Format, width: Int) -> String {
        var w = DocumentWriter(format: format, width: width)
        for block in blocks { w.write(block) }
        return w.out
    }

    mutating func write(_ block: DocumentBlock) {
        switch block {
        case .letterhead(let l): letterhead(l)
        case .title(let name, let subject): title(name, subject: subject)
        case .heading(let text): heading(text)
        case .field(let label, let value): field(label, value)
        case .paragraph(let text): paragraph(text)
        case .bullets(let items): bullets(items)
        case .table(let t): table(t.header, t.rows)
        case .closing(let recipients, let signatures):
            if let recipients {
                field(recipients.label, "")
                bullets(recipients.lines)
            }
            self.signatures(signatures)
        }
    }

    /// The national heading beside the issuing body: two columns in text, a table of two rows and
    /// the place and date under it in Markdown.
    mutating func letterhead(_ l: DocumentBlock.Letterhead) {
        if format == .markdown {
            out += "| " + cell(l.body) + " | " + cell(l.nation) + " |\n|:---:|:---:|\n"
            out += "| " + cell(l.number) + " | " + cell(l.motto) + " |\n\n"
            out += "*" + inline(l.placeDate) + "*\n\n"
            return
        }
        let left = [l.body, l.number], right = [l.nation, l.motto, l.placeDate]
        let half = width / 2
        // Each column's lines wrapped to its half: the issuing body's long name is never cut.
        let lines = left.flatMap { TextLayout.wrap(safe($0), width: half - 2) }
        let r = right.flatMap { TextLayout.wrap(safe($0), width: width - half) }
        for i in 0..<max(lines.count, r.count) {
            out += TextLayout.padRight(centred(i < lines.count ? lines[i] : "", in: half - 1), to: half)
                + centred(i < r.count ? r[i] : "", in: width - half)
            trimLineEnd()
            out += "\n"
        }
        out += "\n"
    }

    /// The document's name and subject, centred.
    mutating func title(_ name: String, subject: [String]) {
        if format == .markdown {
            out += "## " + inline(name, lineStart: false) + "\n\n"
            for s in subject where !s.isEmpty { out += "**" + inline(s) + "**\n\n" }
            return
        }
        out += centred(safe(name), in: width) + "\n"
        for s in subject {
            for line in TextLayout.wrap(safe(s), width: width - 4) { out += centred(line, in: width) + "\n" }
        }
        out += "\n"
    }

    mutating func heading(_ text: String) {
        if format == .markdown { out += "### " + inline(text, lineStart: false) + "\n\n" } else { paragraph(text) }
    }

    /// A paragraph with a bold lead-in ("Địa điểm: …"); a label alone ends in its colon.
    mutating func field(_ label: String, _ value: String) {
        if format == .markdown {
            out += "**" + inline(label) + ":**" + (value.isEmpty ? "" : " " + inline(value)) + "\n\n"
        } else {
            paragraph(label + ":" + (value.isEmpty ? "" : " " + value))
        }
    }

    /// A paragraph; its own line breaks are kept.
    mutating func paragraph(_ text: String, indent: Int = 0) {
        let clean = TextSanitizer.paragraph(text)
        if format == .markdown {
            out += clean.split(separator: "\n", omittingEmptySubsequences: false).map { inline(String($0)) }
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
                out += "- " + inline(item) + "\n"
            } else {
                let lines = TextLayout.wrap(safe(item), width: width - 2)
                for (i, line) in lines.enumerated() { out += (i == 0 ? "- " : "  ") + line + "\n" }
            }
        }
        out += "\n"
    }

    /// A table; in text the columns are padded by display width and the widest gives way.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        if format == .markdown {
            out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in " --- |" }.joined() + "\n"
            for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
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

    /// Signature blocks: title, hint, room to sign, name. Two side by side (a table in Markdown),
    /// one on the right half of the page.
    mutating func signatures(_ blocks: [DocumentBlock.Signature]) {
        guard !blocks.isEmpty else { return }
        if format == .markdown {
            if blocks.count == 1, let s = blocks.first {
                if !s.title.isEmpty { out += "**" + inline(s.title) + "**\n\n" }
                if !s.hint.isEmpty { out += "*" + inline(s.hint) + "*\n\n" }
                if !s.name.isEmpty { out += "**" + inline(s.name) + "**\n\n" }
                return
            }
            func row(_ texts: [String], mark: String) -> String {
                "| " + texts.map { $0.isEmpty ? " " : mark + inline($0, lineStart: false) + mark }.joined(separator: " | ") + " |\n"
            }
            out += row(blocks.map(\.title), mark: "")
            out += "|" + blocks.map { _ in ":---:|" }.joined() + "\n"
            out += row(blocks.map(\.hint), mark: "*")
            out += row(blocks.map(\.name), mark: "**") + "\n"
            return
        }
        let columns = max(2, blocks.count)
        let columnWidth = width / columns
        // One signature stands in the right-hand column, as on the form.
        let placed = blocks.count == 1 ? [nil] + blocks.map(Optional.some) : blocks.map(Optional.some)
        func row(_ texts: [String]) {
            var line = ""
            for (i, text) in texts.enumerated() {
                let piece = centred(text, in: columnWidth - 1)
                line += i == texts.count - 1 ? piece : TextLayout.padRight(piece, to: columnWidth)
            }
            out += line
            trimLineEnd()
            out += "\n"
        }
        row(placed.map { safe($0?.title ?? "") })
        row(placed.map { safe($0?.hint ?? "") })
        out += "\n\n\n"
        let names = placed.map { TextLayout.wrap(safe($0?.name ?? ""), width: columnWidth - 2) }
        for i in 0..<(names.map(\.count).max() ?? 0) {
            row(names.map { i < $0.count ? $0[i] : "" })
        }
        out += "\n"
    }

    // MARK: Text

    private func safe(_ text: String) -> String { TextSanitizer.line(text) }

    private func inline(_ text: String, lineStart: Bool = true) -> String { MarkdownReport.inline(text, lineStart: lineStart) }

    /// A table cell: escaped, and a lone space when empty so that the row keeps its columns.
    private func cell(_ text: String) -> String { MarkdownReport.cell(text) }

    private func centred(_ text: String, in cells: Int) -> String {
        let w = DisplayWidth.of(text)
        guard w < cells else { return text }
        return String(repeating: " ", count: (cells - w) / 2) + text
    }

    private mutating func trimLineEnd() {
        while out.last == " " { out.removeLast() }
    }
}
