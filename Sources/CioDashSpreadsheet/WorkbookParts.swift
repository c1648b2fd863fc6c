import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What `xl/workbook.xml` and its relationships say: the sheets, in order, with their parts, the shared
/// strings and styles parts, and the date system.
struct WorkbookParts {
    struct Sheet {
        var name: String
        var part: String
    }

    var sheets: [Sheet] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    /// True when dates count from 1904-01-01 (old Mac Excel) instead of 1899-12-30.
    var uses1904Dates = false

    /// Reads `[Content_Types]`-free: `_rels/.rels` names the workbook, its rels name everything else.
    static func read(_ package: XLSXPackage) throws(XLSXFailure) -> WorkbookParts {
        var workbookPart = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            let root = try Relationships.parse(package.data("_rels/.rels"), part: "_rels/.rels", base: "")
            if let office = root.first(where: { $0.type.hasSuffix("/officeDocument") }) { workbookPart = office.target }
        }
        guard package.contains(workbookPart) else { throw .missingPart(workbookPart) }
        let base = (workbookPart as NSString).deletingLastPathComponent
        let relsPart = base + "/_rels/" + (workbookPart as NSString).lastPathComponent + ".rels"
        let relationships = package.contains(relsPart)
            ? try Relationships.parse(package.data(relsPart), part: relsPart, base: base) : []

        let delegate = WorkbookDelegate()
        try XMLPart.parse(package.data(workbookPart), part: workbookPart, delegate: delegate)
        var parts = WorkbookParts()
        parts.uses1904Dates = delegate.uses1904Dates
        for (name, id) in delegate.sheets {
            if let target = relationships.first(where: { $0.id == id })?.target {
                parts.sheets.append(Sheet(name: name, part: target))
            }
        }
        parts.sharedStringsPart = relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
        parts.stylesPart = relationships.first { $0.type.hasSuffix("/styles") }?.target
        return parts
    }
}

private final class WorkbookDelegate: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []
    var uses1904Dates = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let attributes = XMLLocalName.attributes(attributeDict)
        switch XMLLocalName.of(elementName) {
        case "sheet":
            if let name = attributes["name"], let id = attributes["id"] { sheets.append((name, id)) }
        case "workbookPr":
            let value = attributes["date1904"]
            uses1904Dates = value == "1" || value == "true"
        default: break
        }
    }
}

/// One `.rels` file: relationship ids, types and targets resolved to part names.
enum Relationships {
    struct Entry {
        var id: String
        var type: String
        var target: String
    }

    static func parse(_ data: Data, part: String, base: String) throws(XLSXFailure) -> [Entry] {
        let delegate = RelationshipsDelegate()
        try XMLPart.parse(data, part: part, delegate: delegate)
        return delegate.entries.map { Entry(id: $0.id, type: $0.type, target: resolve($0.target, base: base)) }
    }

    /// `worksheets/sheet1.xml` relative to `xl`, or `/xl/worksheets/sheet1.xml` absolute, to `xl/worksheets/sheet1.xml`.
    static func resolve(_ target: String, base: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(piece) }
        }
        return components.joined(separator: "/")
    }
}

private final class RelationshipsDelegate: NSObject, XMLParserDelegate {
    var entries: [(id: String, type: String, target: String)] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard XMLLocalName.of(elementName) == "Relationship" else { return }
        let attributes = XMLLocalName.attributes(attributeDict)
        if let id = attributes["Id"], let target = attributes["Target"], attributes["TargetMode"] != "External" {
            entries.append((id, attributes["Type"] ?? "", target))
        }
    }
}

/// Runs Foundation's SAX parser over a part and turns its failure into a placed message.
enum XMLPart {
    static func parse(_ data: Data, part: String, delegate: XMLParserDelegate) throws(XLSXFailure) {
        let parser = XMLParser(data: data)
        try run(parser, part: part, delegate: delegate)
    }

    static func run(_ parser: XMLParser, part: String, delegate: XMLParserDelegate,
                    stopped: () -> Bool = { false }) throws(XLSXFailure) {
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        if !parser.parse() && !stopped() {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown"
            throw .malformedXML(part: part, line: parser.lineNumber, reason: reason)
        }
    }
}
