import CioDashCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import CioDashRender
import CioDashTestSupport

/// No tag, attribute, script, link, image or formula from a status file survives as markup in any
/// report format: the corpus puts every payload in every text field, and each format's output is
/// read back the way its reader would.
final class ReportInjectionTests: XCTestCase {
    func snapshot(_ language: Language = .vi) throws -> (Snapshot, [ViewID]) {
        let meeting = try MarkupHostileMeeting.load()
        return (Snapshot(meeting: meeting, language: language, width: 100, generatedAt: 1_564_214_400),
                ViewRenderer.allViews(of: meeting))
    }

    func testHTMLHoldsOnlyItsOwnTagsAttributesAndLinks() throws {
        let (snapshot, views) = try snapshot()
        let html = String(decoding: snapshot.document(.html, views: views), as: UTF8.self)
        let allowedTags: Set<String> = ["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "ul", "li",
                                        "nav", "label", "input", "small", "p", "main", "section", "h2", "pre", "a", "span", "script",
                                        // the tables of the figures under each grid (HTMLReport.appendTables)
                                        "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "h3", "b"]
        let allowedAttributes: Set<String> = ["lang", "charset", "name", "content", "class", "id", "for", "type", "autocomplete",
                                              "placeholder", "aria-label", "data-k", "href", "style"]
        // Tags are read outside the style and script, whose text is the program's own.
        let body = html.components(separatedBy: "<script>\n").first ?? html
        let tag = try NSRegularExpression(pattern: #"<(/?)([A-Za-z!][A-Za-z0-9:-]*)([^>]*)>"#)
        let attribute = try NSRegularExpression(pattern: #"([A-Za-z-]+)="([^"]*)""#)
        var hrefs = 0
        for match in tag.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            let name = String(body[Range(match.range(at: 2), in: body)!])
            XCTAssertTrue(allowedTags.contains(name), "a <\(name)> element in the HTML")
            let attributes = String(body[Range(match.range(at: 3), in: body)!])
            for a in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                let key = String(attributes[Range(a.range(at: 1), in: attributes)!])
                let value = String(attributes[Range(a.range(at: 2), in: attributes)!])
                XCTAssertTrue(allowedAttributes.contains(key), "attribute \(key)=\"\(value)\" on <\(name)>")
                if key == "href" {
                    hrefs += 1
                    XCTAssertNotNil(value.range(of: #"^#v-[a-z0-9_A-F-]+$"#, options: .regularExpression), "href \(value)")
                }
            }
        }
        XCTAssertGreaterThan(hrefs, 10, "the views are linked")
        XCTAssertEqual(html.components(separatedBy: "<script").count, 2, "one script, the program's own")
        XCTAssertEqual(html.components(separatedBy: "</style>").count, 2, "the data cannot close the style sheet")
        // The payloads are there, as text.
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        XCTAssertTrue(html.contains("&amp;lt;script&amp;gt;"), "an entity in the data stays text")
    }

    func testSVGParsesAsXMLWithOnlyItsOwnElements() throws {
        let (snapshot, views) = try snapshot()
        for view in [ViewID.overview, .agenda, .topic("smart-city"), .province("da-nang"), .panel(province: "thua-thien-hue", topic: "smart-city")] {
            XCTAssertTrue(views.contains(view))
            let svg = snapshot.document(.svg, views: [view])
            let reader = XMLElements()
            let parser = XMLParser(data: Data(svg))
            parser.delegate = reader
            XCTAssertTrue(parser.parse(), "\(view): the SVG is well-formed XML: \(String(describing: parser.parserError))")
            XCTAssertEqual(reader.elements.subtracting(["svg", "title", "rect", "g", "text"]), [], "\(view): foreign elements")
            XCTAssertEqual(reader.attributes.subtracting(["xmlns", "width", "height", "viewBox", "font-family", "font-size", "xml:space",
                                                          "style", "x", "y", "fill", "textLength", "lengthAdjust", "font-weight",
                                                          "text-decoration", "opacity"]), [], "\(view): foreign attributes")
            XCTAssertTrue(reader.text.contains("<script>"), "\(view): the payload is drawn as text")
        }
    }

    /// Issue 28, class 15: every code point XML forbids or discourages (C0 controls, DEL, C1,
    /// U+FFFE/U+FFFF, U+FDD0–FDEF, the last two of every plane) in a status text, a name and a
    /// label: each SVG still parses as XML, and neither SVG nor HTML holds one of them.
    func testTextsXMLForbidsLeaveEveryReportWellFormed() throws {
        var meeting = MeetingFixture.make()
        var hostile = "A\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{9B}"
        for v: UInt32 in [0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x2FFFF, 0x10FFFE, 0x10FFFF] { hostile.unicodeScalars.append(Unicode.Scalar(v)!) }
        hostile += "Z"
        meeting.provinces[0].name += hostile
        meeting.provinces[0].topics["smart-city"]?.summary = hostile
        meeting.provinces[0].topics["smart-city"]?.metrics[0].label = hostile
        let snapshot = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: 0)
        for view in [ViewID.overview, .province("thua-thien-hue"), .panel(province: "thua-thien-hue", topic: "smart-city")] {
            let svg = snapshot.document(.svg, views: [view])
            let parser = XMLParser(data: Data(svg))
            XCTAssertTrue(parser.parse(), "\(view): \(String(describing: parser.parserError))")
            let text = String(decoding: svg, as: UTF8.self)
            XCTAssertNil(text.unicodeScalars.first { !TextSanitizer.isXMLText($0) }, "\(view)")
            XCTAssertTrue(text.contains("&lt;U+FFFE&gt;&lt;U+FFFF&gt;") || text.contains("U+FFFE"), "\(view): shown as text")
        }
        let html = String(decoding: snapshot.document(.html, views: ViewRenderer.allViews(of: meeting)), as: UTF8.self)
        XCTAssertNil(html.unicodeScalars.first { !TextSanitizer.isXMLText($0) })
        XCTAssertTrue(html.contains("A^@^A^H^K^L^[^?&lt;85&gt;&lt;9B&gt;&lt;U+FFFE&gt;&lt;U+FFFF&gt;&lt;U+FDD0&gt;&lt;U+FDEF&gt;&lt;U+1FFFE&gt;"
                                    + "&lt;U+2FFFF&gt;&lt;U+10FFFE&gt;&lt;U+10FFFF&gt;Z"), "the summary, shown")
    }

    func testMarkdownEscapesEveryCharacterThatWouldBeMarkup() throws {
        let (snapshot, views) = try snapshot()
        let markdown = snapshot.markdown(for: views)
        // Outside a backslash escape there is no <, >, [, ], `, ! or $ at all; the program writes none.
        let unescaped = try NSRegularExpression(pattern: #"(?<!\\)(?:\\\\)*[<>\[\]`!$@~&]"#)
        for line in markdown.split(separator: "\n") {
            let text = String(line)
            let hits = unescaped.matches(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertTrue(hits.isEmpty, "unescaped markup character in: \(text)")
        }
        XCTAssertFalse(markdown.contains("http://evil"), "autolinks are broken by escaping the colon")
        XCTAssertFalse(markdown.lowercased().contains("www.evil"), "www autolinks are broken")
        XCTAssertTrue(markdown.contains(#"\<script\>alert(1)\</script\>"#))
        XCTAssertTrue(markdown.contains(#"\| cột \| vỡ \|"#), "a pipe in the data cannot split a table cell")
    }

    func testCSVTextCellsNeverStartAFormula() throws {
        let (snapshot, views) = try snapshot()
        let csv = snapshot.csv(for: views)
        let rows = CSVRows.parse(csv)
        XCTAssertEqual(rows.first?.first, "\u{FEFF}view", "UTF-8 byte-order mark, then the header")
        let header = rows[0]
        let numeric: Set<String> = ["value", "target", "previous", "change"]
        var formulas = 0
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, header.count, "every row has every column: \(row)")
            for (name, cell) in zip(header, row) where !numeric.contains(name) {
                if let first = cell.first { XCTAssertFalse("=+-@\t\r".contains(first), "\(name) starts a formula: \(cell)") }
                if cell.hasPrefix("'=") || cell.hasPrefix("'+") || cell.hasPrefix("'-") || cell.hasPrefix("'@") { formulas += 1 }
            }
        }
        XCTAssertGreaterThan(formulas, 0, "the corpus's formula cells are there, neutralised")
        let csvRow = try XCTUnwrap(rows.first { $0.count > 5 && $0[5] == "csv-cells" }, "the metrics.csv row")
        XCTAssertEqual(csvRow[7], "-12.5", "a negative number stays a number")
        XCTAssertEqual(csvRow[15], "'=HYPERLINK(\"http://evil.example\")")
    }
}

/// The elements, attributes and text an XML parser sees.
final class XMLElements: NSObject, XMLParserDelegate {
    var elements: Set<String> = []
    var attributes: Set<String> = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        elements.insert(elementName)
        attributes.formUnion(attributeDict.keys)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

/// RFC 4180 reading, for tests: quoted cells with doubled quotes and line breaks, CRLF rows.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if quoted {
                if s == "\"" {
                    if scalars.first == "\"" { cell.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { cell.unicodeScalars.append(s) }
            } else if s == "\"" { quoted = true
            } else if s == "," { row.append(cell); cell = ""
            } else if s == "\r" { continue
            } else if s == "\n" { row.append(cell); rows.append(row); row = []; cell = ""
            } else { cell.unicodeScalars.append(s) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
