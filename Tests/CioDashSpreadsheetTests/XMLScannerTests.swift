@testable import CioDashSpreadsheet
import XCTest

/// The workbook's XML reader is fed the bytes as they are inflated, in chunks that may cut a tag, an
/// entity, a UTF-8 sequence or a CR LF anywhere: what it reads must not depend on where.
final class XMLScannerTests: XCTestCase {
    private final class Recorder: XMLPartReader {
        var events: [String] = []
        var text = ""
        func handle(_ event: XMLEvent) {
            switch event {
            case .text(let t): text += t
            default:
                if !text.isEmpty { events.append("text(\(text))"); text = "" }
                switch event {
                case .start(let name, let attributes):
                    events.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
                case .end(let name): events.append("</\(name)>")
                case .badReference(let r): events.append("bad(\(r))")
                case .text: break
                }
            }
        }
    }

    private static let document = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a comment with <tags> & -->\
        <!DOCTYPE sst [<!ENTITY co "x>y"> ]><x:sst xmlns:x="urn:x" count='2'>\
        <x:si a="Hà &amp; &#x54;ĩnh"><x:t>Đắk &lt;Lắk&gt; &#233;\r\nline&co;end</x:t></x:si>\
        <si><t><![CDATA[raw & <b>]]> tail</t><e/></si></x:sst>
        """

    private func events(chunk: Int) throws -> [String] {
        let recorder = Recorder()
        let scanner = XMLScanner(part: "p", reader: recorder)
        let bytes = Array(Self.document.utf8)
        var i = 0
        while i < bytes.count {
            try scanner.feed(bytes[i..<min(bytes.count, i + chunk)])
            i += chunk
        }
        try scanner.finish()
        recorder.handle(.end(name: "eof"))
        return recorder.events
    }

    func testChunksCutAnywhereReadTheSame() throws {
        let whole = try events(chunk: 1 << 20)
        XCTAssertEqual(whole, [
            "<sst count=2 x=urn:x>", "<si a=Hà & Tĩnh>", "<t>", "text(Đắk <Lắk> é\nline)", "bad(&co;)", "text(end)", "</t>", "</si>",
            "<si>", "<t>", "text(raw & <b> tail)", "</t>", "<e>", "</e>", "</si>", "</sst>", "</eof>",
        ])
        for chunk in [1, 2, 3, 5, 7, 64] {
            XCTAssertEqual(try events(chunk: chunk), whole, "fed \(chunk) byte(s) at a time")
        }
    }

    func testMalformedXMLIsAnErrorWithItsLine() {
        for (xml, reason) in [("<a>\n<b></a>", "</a> closes <b>"), ("<a>x", "the part ends before </a>"), ("<a/><b/>", "a second root element <b>"),
                              ("<a>&#0;</a>x", "text outside the root element"), ("<a b=c/>", "an attribute value without quotes")] {
            XCTAssertThrowsError(try XMLScanner.parse(Array(xml.utf8), part: "p", reader: Recorder())) { error in
                guard case .malformedXML(_, _, let found)? = error as? XLSXFailure else { return XCTFail("\(xml): \(error)") }
                XCTAssertEqual(found, reason, xml)
            }
        }
    }
}
