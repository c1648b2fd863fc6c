import Foundation
import ZIPFoundation

/// Hand-made .xlsx files for reader tests: the minimal parts a workbook needs, plus whatever a test
/// puts in its sheet, shared strings and styles.
enum WorkbookFixture {
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "ciodash-xlsx-\(UUID().uuidString)-\(name)"
    }

    static func workbookXML(sheets: [String], date1904: Bool = false) -> String {
        let list = sheets.enumerated().map { "<sheet name=\"\($1)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(list)</sheets></workbook>
            """
    }

    static func workbookRels(sheets: Int) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let list = (1...max(1, sheets)).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(base)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(list)<Relationship Id="rIdS" Type="\(base)/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rIdY" Type="\(base)/styles" Target="/xl/styles.xml"/></Relationships>
            """
    }

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    /// A workbook with one sheet per entry of `sheets` (name → sheetData rows).
    static func write(_ sheets: [(String, String)], sharedStrings: [String] = [], styles: String? = nil,
                      date1904: Bool = false, name: String = "book.xlsx") throws -> String {
        var parts: [(String, Data)] = [
            ("_rels/.rels", Data(rootRels.utf8)),
            ("xl/workbook.xml", Data(workbookXML(sheets: sheets.map(\.0), date1904: date1904).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRels(sheets: sheets.count).utf8)),
            ("xl/sharedStrings.xml", Data(("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + sharedStrings.joined() + "</sst>").utf8)),
        ]
        if let styles { parts.append(("xl/styles.xml", Data(styles.utf8))) }
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", Data(self.sheet(sheet.1).utf8))) }
        return try zip(parts, name: name)
    }

    static func zip(_ parts: [(String, Data)], name: String) throws -> String {
        let path = temporaryPath(name)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (part, data) in parts {
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }
}
