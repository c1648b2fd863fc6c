import CioDashCore
import Foundation
import ZIPFoundation

/// Writes a `WordDocument` as an Office Open XML package (.docx): [Content_Types].xml, the
/// relationships, word/document.xml, styles.xml, settings.xml, the page-number header and docProps.
/// Deterministic: the parts are written in a fixed order, each entry dated `date` (the meeting's
/// day, or the report's time), so the same document gives the same bytes.
public enum DocxPackage {
    /// The package's bytes. `date` stamps the zip entries and docProps (UTC).
    public static func data(_ document: WordDocument, date: Date) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(document, date: date) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// The parts, in the order they are packed; the content types first, as Word expects.
    public static func parts(_ document: WordDocument, date: Date) -> [(String, String)] {
        [("[Content_Types].xml", contentTypes),
         ("_rels/.rels", packageRelationships),
         ("docProps/core.xml", core(document, date: date)),
         ("docProps/app.xml", app),
         ("word/_rels/document.xml.rels", documentRelationships),
         ("word/document.xml", WordXML.document(document)),
         ("word/styles.xml", WordXML.styles(document)),
         ("word/settings.xml", settings),
         ("word/header1.xml", header)]
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes = declaration + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    </Types>
    """

    static let packageRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

    static let documentRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
    </Relationships>
    """

    static let app = declaration + """
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ciodash</Application></Properties>
    """

    static let settings = declaration + """
    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat>\
    <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
    </w:settings>
    """

    /// The page number, centred at the top; the first page has no header (`titlePg`).
    static let header = declaration + """
    <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
    <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
    <w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
    """

    static func core(_ document: WordDocument, date: Date) -> String {
        let when = WallTime(date.timeIntervalSince1970, utcOffset: 0)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) % 60
        let stamp = "\(when.date)T\(when.hoursMinutes):" + (seconds < 10 ? "0" : "") + "\(max(0, seconds))Z"
        return declaration + """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(OfficeXMLText.escaped(document.title))</dc:title>\
        <dc:language>\(OfficeXMLText.escaped(document.languageTag))</dc:language>\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>\
        </cp:coreProperties>
        """
    }
}
