import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/sharedStrings.xml`: each `<si>` is plain `<t>` or rich text runs `<r><t>…</t></r>`, joined;
/// phonetic guides (`<rPh>`) are not part of the text.
final class SharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false
    private let limit: Int
    private(set) var overLimit = false

    init(limit: Int) { self.limit = limit }

    static func read(_ package: XLSXPackage, part: String?, limit: Int) throws(XLSXFailure) -> [String] {
        guard let part, package.contains(part) else { return [] }
        let delegate = SharedStrings(limit: limit)
        let parser = XMLParser(data: try package.data(part))
        try XMLPart.run(parser, part: part, delegate: delegate, stopped: { delegate.overLimit })
        if delegate.overLimit { throw .tooManySharedStrings(limit: limit) }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XMLLocalName.of(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XMLLocalName.of(elementName) {
        case "si":
            strings.append(current)
            if strings.count > limit {
                overLimit = true
                parser.abortParsing()
            }
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}
