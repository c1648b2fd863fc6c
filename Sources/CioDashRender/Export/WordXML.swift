import CioDashCore

/// WordprocessingML of a `WordDocument`: word/document.xml and word/styles.xml. Elements are written
/// in the order the schema gives them (Word refuses a file whose `rPr` or `pPr` children are out of
/// order). Every data text goes through `OfficeXMLText.escaped`.
enum WordXML {
    static let font = "Times New Roman"

    static func document(_ document: WordDocument) -> String {
        var out = DocxPackage.declaration
        out += "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
        for block in document.blocks {
            switch block {
            case .paragraph(let p): paragraph(p, into: &out)
            case .table(let t): table(t, into: &out)
            }
        }
        // A body must not end in a table: Word adds a paragraph after it, so say it here.
        if case .table = document.blocks.last { out += "<w:p/>" }
        out += "<w:sectPr>"
        if document.numberPages { out += "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>" }
        out += "<w:pgSz w:w=\"\(WordPage.width)\" w:h=\"\(WordPage.height)\"/>"
        out += "<w:pgMar w:top=\"\(WordPage.top)\" w:right=\"\(WordPage.right)\" w:bottom=\"\(WordPage.bottom)\" "
            + "w:left=\"\(WordPage.left)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        if document.numberPages { out += "<w:titlePg/>" }
        out += "</w:sectPr></w:body></w:document>"
        return out
    }

    static func paragraph(_ p: WordParagraph, into out: inout String) {
        out += "<w:p><w:pPr>"
        if p.keepWithNext { out += "<w:keepNext/>" }
        if p.pageBreakBefore { out += "<w:pageBreakBefore/>" }
        if p.spaceBefore != 0 || p.spaceAfter != 0 {
            out += "<w:spacing w:before=\"\(twentieths(p.spaceBefore))\" w:after=\"\(twentieths(p.spaceAfter))\"/>"
        }
        if p.firstLineIndent != 0 || p.leftIndent != 0 {
            out += "<w:ind w:left=\"\(p.leftIndent)\""
            out += p.firstLineIndent >= 0 ? " w:firstLine=\"\(p.firstLineIndent)\"/>" : " w:hanging=\"\(-p.firstLineIndent)\"/>"
        }
        out += "<w:jc w:val=\"\(p.alignment.rawValue)\"/></w:pPr>"
        for run in p.runs where !run.text.isEmpty { self.run(run, into: &out) }
        out += "</w:p>"
    }

    static func run(_ r: WordRun, into out: inout String) {
        out += "<w:r>"
        if r.bold || r.italic || r.caps || r.underline || r.size != nil {
            out += "<w:rPr>"
            if r.bold { out += "<w:b/><w:bCs/>" }
            if r.italic { out += "<w:i/><w:iCs/>" }
            if r.caps { out += "<w:caps/>" }
            if let size = r.size { out += "<w:sz w:val=\"\(halfPoints(size))\"/><w:szCs w:val=\"\(halfPoints(size))\"/>" }
            if r.underline { out += "<w:u w:val=\"single\"/>" }
            out += "</w:rPr>"
        }
        out += "<w:t xml:space=\"preserve\">" + OfficeXMLText.escaped(r.text) + "</w:t></w:r>"
    }

    static func table(_ t: WordTable, into out: inout String) {
        let total = t.columns.reduce(0, +)
        out += "<w:tbl><w:tblPr><w:tblW w:w=\"\(total)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        let line = t.borders ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\""
        out += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(line)/>" }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
        for w in t.columns { out += "<w:gridCol w:w=\"\(w)\"/>" }
        out += "</w:tblGrid>"
        for row in t.rows {
            out += "<w:tr><w:trPr><w:cantSplit/>" + (row.isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
            for (c, cell) in row.cells.enumerated() {
                let w = c < t.columns.count ? t.columns[c] : 0
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/></w:tcPr>"
                if cell.isEmpty { out += "<w:p/>" }
                for p in cell { paragraph(p, into: &out) }
                out += "</w:tc>"
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
    }

    /// Times New Roman for every script, the body size, the text's language; no space after a
    /// paragraph unless it asks.
    static func styles(_ document: WordDocument) -> String {
        let size = halfPoints(document.fontSize)
        let lang = OfficeXMLText.escaped(document.languageTag)
        return DocxPackage.declaration + """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="\(font)" w:hAnsi="\(font)" w:eastAsia="\(font)" w:cs="\(font)"/>\
        <w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/><w:lang w:val="\(lang)" w:eastAsia="\(lang)" w:bidi="ar-SA"/>\
        </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>\
        </w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:rPr><w:rFonts w:ascii="\(font)" w:hAnsi="\(font)" w:eastAsia="\(font)" w:cs="\(font)"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
        <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
        </w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
    }

    private static func halfPoints(_ pt: Double) -> Int { Int((pt * 2).rounded()) }
    private static func twentieths(_ pt: Double) -> Int { Int((pt * 20).rounded()) }
}
