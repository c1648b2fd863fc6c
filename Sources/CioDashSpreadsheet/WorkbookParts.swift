import CioDashCore
import Foundation

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
            let root = try Relationships.parse(package, "_rels/.rels", base: "")
            if let office = root.first(where: { $0.type.hasSuffix("/officeDocument") }) { workbookPart = office.target }
        }
        guard package.contains(workbookPart) else { throw .missingPart(workbookPart) }
        let base = FolderPath.parent(of: workbookPart)
        let relsPart = base + "/_rels/" + (workbookPart as NSString).lastPathComponent + ".rels"
        let relationships = package.contains(relsPart)
            ? try Relationships.parse(package, relsPart, base: base) : []

        let delegate = WorkbookDelegate()
        try XMLPart.read(package, workbookPart, reader: delegate)
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

private final class WorkbookDelegate: XMLPartReader {
    var sheets: [(name: String, id: String)] = []
    var uses1904Dates = false

    func handle(_ event: XMLEvent) {
        guard case .start(let name, let attributes) = event else { return }
        switch name {
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

    static func parse(_ package: XLSXPackage, _ part: String, base: String) throws(XLSXFailure) -> [Entry] {
        let delegate = RelationshipsDelegate()
        try XMLPart.read(package, part, reader: delegate)
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

private final class RelationshipsDelegate: XMLPartReader {
    var entries: [(id: String, type: String, target: String)] = []

    func handle(_ event: XMLEvent) {
        guard case .start(let name, let attributes) = event, name == "Relationship" else { return }
        if let id = attributes["Id"], let target = attributes["Target"], attributes["TargetMode"] != "External" {
            entries.append((id, attributes["Type"] ?? "", target))
        }
    }
}

/// Reads a part of the package through `XMLScanner`.
enum XMLPart {
    /// The whole part first (its size limits checked before any of its XML), then its XML: for the
    /// small parts, so that a zip bomb is reported as one whatever its bytes are.
    static func read(_ package: XLSXPackage, _ part: String, reader: XMLPartReader) throws(XLSXFailure) {
        let bytes = [UInt8](try package.data(part))
        do {
            try XMLScanner.parse(bytes, part: part, reader: reader)
        } catch let failure as XLSXFailure {
            throw failure
        } catch {
            return
        }
    }

    /// The part parsed as it is inflated, stopping early when the reader throws `StopReading`: for a
    /// sheet, whose rows past the limit are never inflated.
    static func stream(_ package: XLSXPackage, _ part: String, reader: XMLPartReader) throws(XLSXFailure) {
        let scanner = XMLScanner(part: part, reader: reader)
        var stopped = false
        try package.stream(part) { chunk in
            do {
                try scanner.feed(chunk)
            } catch is StopReading {
                stopped = true
                throw StopReading()
            }
        }
        if stopped { return }
        do {
            try scanner.finish()
        } catch let failure as XLSXFailure {
            throw failure
        } catch {
            return
        }
    }
}
