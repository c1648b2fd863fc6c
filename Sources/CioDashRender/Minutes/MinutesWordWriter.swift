import CioDashCore

/// Lays a minutes document's blocks out as a Word document after Nghị định 30/2020/NĐ-CP, Phụ lục I:
/// the heading as a two-column table without lines (issuing body in capitals, bold; the number; the
/// national name in capitals, bold; the motto, bold; place and date in italics), the title bold and
/// centred, the body at 14 pt justified with a first-line indent, real tables with lines, and the
/// closing as a table without lines: "Nơi nhận" (bold italic 12 pt, its lines 11 pt) on the left,
/// each signer's title (bold, capitals) above the room to sign and the name (bold) below.
enum MinutesWordWriter {
    static func document(_ blocks: [DocumentBlock], title: String, language: Language) -> WordDocument {
        var doc = WordDocument(title: title, languageTag: language == .vi ? "vi-VN" : "en-GB")
        for block in blocks { write(block, into: &doc) }
        return doc
    }

    /// A body paragraph: justified, 1 cm first-line indent, 6 pt before (Phụ lục I).
    static func body(_ runs: [WordRun]) -> WordParagraph {
        var p = WordParagraph(runs, alignment: .both)
        p.firstLineIndent = 567
        p.spaceBefore = 6
        return p
    }

    static func write(_ block: DocumentBlock, into doc: inout WordDocument) {
        switch block {
        case .letterhead(let l):
            // The national name at 12 pt fits its column on one line (Phụ lục I: 12–13 pt).
            let columns = WordTable.columns(weights: [39, 61])
            var placeDate = WordParagraph(l.placeDate, italic: true, alignment: .center)
            placeDate.spaceBefore = 6
            let rows = [
                WordTableRow([[WordParagraph([WordRun(l.body, bold: true, caps: true, size: 12)], alignment: .center)],
                              [WordParagraph(l.nation, bold: true, size: 12, alignment: .center),
                               WordParagraph(l.motto, bold: true, size: 14, alignment: .center)]]),
                WordTableRow([[{ var p = WordParagraph(l.number, size: 13, alignment: .center); p.spaceBefore = 6; return p }()],
                              [placeDate]]),
            ]
            doc.append(WordTable(columns: columns, rows: rows, borders: false))
        case .title(let name, let subject):
            var head = WordParagraph(name, bold: true, alignment: .center)
            head.spaceBefore = 24
            head.keepWithNext = true
            doc.append(head)
            for s in subject where !s.isEmpty {
                var p = WordParagraph(s, bold: true, alignment: .center)
                p.keepWithNext = true
                doc.append(p)
            }
            var gap = WordParagraph([])
            gap.spaceAfter = 6
            doc.append(gap)
        case .heading(let text):
            var p = WordParagraph(text, bold: true, alignment: .both)
            p.spaceBefore = 12
            p.keepWithNext = true
            doc.append(p)
        case .field(let label, let value):
            var p = body([WordRun(label + ":", bold: true)] + (value.isEmpty ? [] : [WordRun(" " + value)]))
            p.keepWithNext = value.isEmpty
            doc.append(p)
        case .paragraph(let text):
            for line in lines(text) { doc.append(body([WordRun(line)])) }
        case .bullets(let items):
            for item in items {
                var p = body([WordRun("- " + item)])
                p.firstLineIndent = 567
                doc.append(p)
            }
        case .table(let t):
            let header = WordTableRow(t.header.map { [WordParagraph($0, bold: true, size: 13, alignment: .center)] }, isHeader: true)
            let rows = t.rows.map { row in
                WordTableRow(row.map { text in lines(text).map { WordParagraph($0, size: 13) } })
            }
            var lead = WordParagraph([])
            lead.spaceAfter = 3
            lead.keepWithNext = true
            doc.append(lead)
            doc.append(WordTable(columns: WordTable.columns(weights: t.weights), rows: [header] + rows, borders: true))
        case .closing(let recipients, let signatures):
            var cells: [[WordParagraph]] = []
            var weights: [Int] = []
            if let recipients {
                var label = WordParagraph([WordRun(recipients.label + ":", bold: true, italic: true, size: 12)])
                label.spaceBefore = 12
                cells.append([label] + recipients.lines.map { WordParagraph("- " + $0, size: 11) })
                weights.append(45)
            }
            for s in signatures {
                var title = WordParagraph([WordRun(s.title, bold: true, caps: true)], alignment: .center)
                title.spaceBefore = 12
                var cell = [title]
                if !s.hint.isEmpty { cell.append(WordParagraph(s.hint, italic: true, size: 13, alignment: .center)) }
                // Room to sign: four empty lines, as signed documents leave.
                cell += Array(repeating: WordParagraph([]), count: 4)
                cell.append(WordParagraph(s.name, bold: true, alignment: .center))
                cells.append(cell)
                weights.append(recipients == nil ? 50 : 55)
            }
            guard !cells.isEmpty else { return }
            var gap = WordParagraph([])
            gap.spaceAfter = 6
            doc.append(gap)
            doc.append(WordTable(columns: WordTable.columns(weights: weights), rows: [WordTableRow(cells)], borders: false))
        }
    }

    /// A text's own lines, each a paragraph of its own in Word.
    static func lines(_ text: String) -> [String] {
        TextSanitizer.paragraph(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
