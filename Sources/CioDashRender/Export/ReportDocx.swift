import CioDashCore

/// A Word document of one or more views, built from their `ViewReport`s as the Markdown report is:
/// a heading per view, the figures as real Word tables (numbers aligned right, the header repeated
/// on each page), highlights and obstacles as lists, the legend, and the report's facts (where the
/// figures come from, when it was made). For a delegate's province report: copy a table, keep its cells.
public enum ReportDocx {
    public static func document(title: String, facts: [String], reports: [ViewReport], language: Language) -> WordDocument {
        var doc = WordDocument(title: title, languageTag: language == .vi ? "vi-VN" : "en-GB")
        doc.fontSize = 13
        doc.append(WordParagraph(title, bold: true, size: 14, alignment: .center))
        for fact in facts { doc.append(WordParagraph(fact, italic: true, size: 11)) }
        for report in reports {
            var heading = WordParagraph(report.title, bold: true, size: 14)
            heading.spaceBefore = 18
            heading.keepWithNext = true
            doc.append(heading)
            for block in report.blocks { append(block, to: &doc) }
        }
        return doc
    }

    static func append(_ block: ReportBlock, to doc: inout WordDocument) {
        switch block {
        case .heading(let level, let text):
            var p = WordParagraph(text, bold: true, size: level <= 2 ? 14 : 13)
            p.spaceBefore = 12
            p.keepWithNext = true
            doc.append(p)
        case .paragraph(let text):
            var p = WordParagraph(text)
            p.spaceBefore = 6
            doc.append(p)
        case .list(let title, let items):
            var head = WordParagraph(title, bold: true)
            head.spaceBefore = 6
            head.keepWithNext = true
            doc.append(head)
            for item in items {
                var p = WordParagraph("- " + item)
                p.leftIndent = 284
                doc.append(p)
            }
        case .table(let table):
            let columns = table.header.count
            // A wide table (the overview: a column per agenda item) in a smaller size, so cells keep their words whole.
            let size: Double = columns > 6 ? 9 : columns > 4 ? 10 : 11
            func cell(_ text: String, column: Int, bold: Bool) -> [WordParagraph] {
                [WordParagraph(text, bold: bold, size: size,
                               alignment: bold ? .center : table.numeric.contains(column) ? .right : .left)]
            }
            var rows = [WordTableRow(table.header.enumerated().map { cell($0.element, column: $0.offset, bold: true) }, isHeader: true)]
            rows += table.rows.map { row in
                WordTableRow((0..<columns).map { c in cell(c < row.count ? row[c] : "", column: c, bold: false) })
            }
            var gap = WordParagraph([])
            gap.spaceBefore = 6
            gap.keepWithNext = true
            doc.append(gap)
            // The first column (a province, a metric) a little wider than the figures.
            let weights = (0..<columns).map { $0 == 0 ? 3 : 2 }
            doc.append(WordTable(columns: WordTable.columns(weights: weights), rows: rows, borders: true))
        }
    }
}
