import CioDashCore

/// GitHub-flavoured Markdown of one or more views, built from their `ViewReport`s: headings, pipe
/// tables of the figures, lists for highlights and obstacles, the legend. Every data text is escaped
/// so that it reads as text, never as a link, image, tag, table cell or heading.
public enum MarkdownReport {
    public static func document(title: String, facts: [String], reports: [ViewReport]) -> String {
        var out = "# " + inline(title, lineStart: false) + "\n\n"
        for fact in facts { out += "- " + inline(fact) + "\n" }
        for report in reports { out += section(report) }
        return out
    }

    /// One view under its own heading.
    public static func section(_ report: ViewReport) -> String {
        var out = "\n## " + inline(report.title, lineStart: false) + "\n"
        for block in report.blocks { out += "\n" + self.block(block) }
        return out
    }

    static func block(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, max(1, level))) + " " + inline(text, lineStart: false) + "\n"
        case .paragraph(let text):
            return inline(text) + "\n"
        case .list(let title, let items):
            return "**" + inline(title) + "**\n\n" + items.map { "- " + inline($0) + "\n" }.joined()
        case .table(let table):
            let columns = table.header.count
            func row(_ cells: [String]) -> String {
                let padded = (0..<columns).map { $0 < cells.count ? cell(cells[$0]) : "" }
                return "| " + padded.joined(separator: " | ") + " |\n"
            }
            let rule = "|" + (0..<columns).map { table.numeric.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
            return row(table.header) + rule + table.rows.map(row).joined()
        }
    }

    /// Text for a table cell: inline escaping, and nothing that could end the row.
    static func cell(_ text: String) -> String {
        let escaped = inline(text, lineStart: false)
        return escaped.isEmpty ? " " : escaped
    }

    /// One line of data text as literal Markdown: every character CommonMark or GFM gives a meaning
    /// inline (emphasis, code, links, images, autolinks, e-mail links, raw HTML, entities, math,
    /// table pipes, headings' closing #) is backslash-escaped. `lineStart` says the text begins a line (paragraph, list item), where "# ", "- " or "1. " would open a block.
    public static func inline(_ text: String, lineStart: Bool = true) -> String {
        let line = TextSanitizer.line(text)
        var out = String.UnicodeScalarView()
        var atStart = true
        var digitsSoFar = true
        var ws = 0  // how many w's just came: "www" before a dot makes a GFM autolink
        let scalars = Array(line.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if atStart && s == " " { continue }  // leading spaces would make an indented code block
            switch s {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "!", "~", "$", "@", "#":
                out.append("\\")
            case "-", "+", "=":
                if atStart && lineStart { out.append("\\") }
            case ":":
                if i + 1 < scalars.count && scalars[i + 1] == "/" { out.append("\\") }  // "http://" autolinks in GFM
            case ".", ")":
                // "1." or "1)" opens an ordered list at the start of a line; "www." is a GFM autolink.
                if (lineStart && digitsSoFar && !atStart) || (s == "." && ws >= 3) { out.append("\\") }
            default:
                break
            }
            out.append(s)
            atStart = false
            if !("0"..."9").contains(s) { digitsSoFar = false }
            ws = s == "w" || s == "W" ? ws + 1 : 0
        }
        return String(out)
    }
}
