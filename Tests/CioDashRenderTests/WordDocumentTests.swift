import CioDashCore
import CioDashSamples
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import CioDashRender

/// The Word writer: A4 with Phụ lục I's margins, and hostile text that stays text — no control
/// character, no noncharacter (U+FFFE and U+FFFF are not XML), no markup from the data.
final class WordDocumentTests: XCTestCase {
    static func scalar(_ v: UInt32) -> String { String(Character(Unicode.Scalar(v)!)) }
    static let hostile = "a" + scalar(0x1B) + "[2J" + scalar(0x07) + "b" + scalar(0xFFFE) + "c" + scalar(0xFFFF) + "d"
        + scalar(0xFDD0) + "e" + scalar(0x1FFFF) + "f <w:p>&amp; ]]> " + scalar(0x202E) + "g" + scalar(0) + "h\"i'"
    static let forbidden: Set<UInt32> = [0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFF, 0x202E]

    func testThePageIsA4WithTheMarginsOfPhuLucI() {
        XCTAssertEqual([WordPage.width, WordPage.height], [11906, 16838])
        let mm = { (twips: Int) in Double(twips) * 25.4 / 1440 }
        XCTAssertTrue((20...25).contains(mm(WordPage.top)) && (20...25).contains(mm(WordPage.bottom)))
        XCTAssertTrue((30...35).contains(mm(WordPage.left)), "\(mm(WordPage.left))")
        XCTAssertTrue((15...20).contains(mm(WordPage.right)), "\(mm(WordPage.right))")
        let xml = WordXML.document(WordDocument(title: "t", languageTag: "vi-VN"))
        XCTAssertTrue(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), xml)
        XCTAssertTrue(WordXML.styles(WordDocument(title: "t", languageTag: "vi-VN")).contains("w:ascii=\"Times New Roman\""))
    }

    func testHostileTextIsWellFormedXMLText() throws {
        var doc = WordDocument(title: Self.hostile, languageTag: "vi-VN")
        doc.append(WordParagraph(Self.hostile))
        doc.append(WordTable(columns: [1000], rows: [WordTableRow([[WordParagraph(Self.hostile)]])], borders: true))
        for (path, xml) in DocxPackage.parts(doc, date: Date(timeIntervalSince1970: 0)) {
            let bad = xml.unicodeScalars.filter { s -> Bool in (s.value < 0x20 && s.value != 0x0A) || Self.forbidden.contains(s.value) }
            XCTAssertTrue(bad.isEmpty, "\(path) holds a control character or a noncharacter")
            let parser = XMLParser(data: Data(xml.utf8))
            XCTAssertTrue(parser.parse(), "\(path) is well-formed XML: \(String(describing: parser.parserError))")
            XCTAssertFalse(xml.contains("<w:p>&amp;"), "the data's markup is text")
        }
        let body = WordXML.document(doc)
        XCTAssertTrue(body.contains("b&lt;U+FFFE&gt;c&lt;U+FFFF&gt;d&lt;U+FDD0&gt;e&lt;U+1FFFF&gt;f"), "noncharacters are shown, not dropped")
        XCTAssertTrue(body.contains("a^[[2J^Gb"), "controls are shown as the screen shows them")
    }

    /// A journal's hostile texts reach the Word minutes as text too.
    func testHostileMinutesAreWellFormed() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
        var record = MinutesRecord(meetingTitle: meeting.title, meetingDate: meeting.date, utcOffset: 0)
        for field in [MinutesField.chair, .secretary, .absent, .guests, .conclusions(topic: "smart-city"), .notes(topic: "smart-city"),
                      .assignment(topic: "smart-city", row: 1, part: .who), .assignment(topic: "smart-city", row: 1, part: .what)] {
            record.apply(.set(field, Self.hostile + "\nline two", at: 0))
        }
        for kind in MinutesDocument.Kind.allCases {
            let xml = WordXML.document(MinutesDocument(meeting: meeting, record: record, language: .vi).word(kind))
            XCTAssertTrue(XMLParser(data: Data(xml.utf8)).parse(), "\(kind)")
            XCTAssertFalse(xml.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF || $0.value == 0x1B })
        }
    }
}
