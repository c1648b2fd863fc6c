@testable import CioDashCore
@testable import CioDashRender
import XCTest

/// The board's signature column and the province view's line about a signed return.
final class SignatureColumnTests: XCTestCase {
    private func meeting() throws -> Meeting {
        var meeting = try GoldenSnapshotTests.sample()
        var provinces = meeting.provinces
        provinces[0].signature = SignatureRecord(verdict: .valid, file: "a.xlsx", signer: "CN=Nguyễn Văn A", signedAt: "2026-07-21T08:00:00Z")
        provinces[1].signature = SignatureRecord(verdict: .revocationNotChecked, reasons: [.revocationNotChecked], file: "b.xlsx")
        provinces[2].signature = SignatureRecord(verdict: .invalid, reasons: [.altered], file: "c.xlsx")
        var edited = SignatureRecord(verdict: .valid, file: "d.xlsx")
        edited.dataIntact = false
        provinces[3].signature = edited
        provinces[4].signature = SignatureRecord(verdict: .unsigned, file: "e.xlsx")
        meeting.provinces = provinces
        return meeting
    }

    private func lines(_ view: ViewID, _ meeting: Meeting, _ language: Language, width: Int) throws -> [String] {
        let grid = try XCTUnwrap(ViewRenderer.body(view, meeting: meeting, context: RenderContext(language: language, width: width))?.grid)
        return (0..<grid.height).map { grid.line($0) }
    }

    func testWithoutAnySignatureRecordTheColumnGivesItsRoomToNamesAndNotes() throws {
        let meeting = try GoldenSnapshotTests.sample()
        for language in [Language.vi, .en] {
            let board = try lines(.status, meeting, language, width: 80)
            let header = try XCTUnwrap(board.first { $0.contains(language == .vi ? "Tình trạng" : "State") })
            XCTAssertFalse(header.contains(language == .vi ? "Chữ ký" : "Signature"), header)
            XCTAssertTrue(header.contains(language == .vi ? "Ghi chú" : "Note"), header)
            XCTAssertTrue(board.contains { $0.hasPrefix("Thừa Thiên Huế ") }, "the whole name\n" + board.joined(separator: "\n"))
        }
    }

    func testEveryVerdictFitsItsColumnInBothLanguagesAt80And100() throws {
        let meeting = try meeting()
        let expected: [Language: [String]] = [
            .vi: ["√ hợp lệ", "‼ chưa rõ thu hồi", "× không hợp lệ", "× sửa sau khi ký", "chưa ký"],
            .en: ["√ valid", "‼ revoc. unchecked", "× invalid", "× edited", "unsigned"],
        ]
        for language in [Language.vi, .en] {
            for width in [80, 100, 120] {
                let board = try lines(.status, meeting, language, width: width)
                XCTAssertTrue(board.contains { $0.contains(language == .vi ? "Chữ ký" : "Signature") }, "header at \(width)")
                for (index, word) in expected[language]!.enumerated() {
                    let name = meeting.provinces[index].name
                    XCTAssertTrue(board.contains { $0.hasPrefix(name) && $0.contains(word) },
                                  "\(name): \(word) at width \(width)\n" + board.joined(separator: "\n"))
                }
            }
        }
    }

    /// The symbol policy (issue 26 item 15): the signature marks are drawn from symbols the test card
    /// shows and DejaVu Sans Mono, Noto Sans Mono and misc-fixed all have (✓ and ✗ are boxes in
    /// Noto Sans Mono, so √ and × mark a signature).
    func testTheSignatureMarksAreOnTheTestCard() throws {
        let meeting = try meeting()
        let allowed = Set(TestCard.screenGlyphs.unicodeScalars)
        for language in [Language.vi, .en] {
            var text = try lines(.status, meeting, language, width: 120)
            for province in meeting.provinces { text += try lines(.province(province.id), meeting, language, width: 120) }
            let symbols = Set(text.joined().unicodeScalars.filter {
                !$0.isASCII && !$0.properties.isAlphabetic && !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark
            })
            XCTAssertEqual(symbols.subtracting(allowed), [], "\(language): symbols not on the test card")
            XCTAssertTrue(text.contains { $0.contains("√ ") } && text.contains { $0.contains("× ") })
        }
    }

    func testEveryCSVFigureOfAProvinceCarriesItsSignatureVerdict() throws {
        let meeting = try meeting()
        let csv = Snapshot(meeting: meeting, language: .vi, width: 100, generatedAt: 0)
            .csv(for: ViewRenderer.allViews(of: meeting))
        let lines = csv.split(separator: "\r\n").map(String.init)
        XCTAssertTrue(lines[0].hasSuffix(",illustrative,signature_id,signature"), lines[0])
        let expected = [("valid", "hợp lệ"), ("revocation-not-checked", "không kiểm tra được thu hồi"), ("invalid", "không hợp lệ"),
                        ("edited-after-signing", "sửa sau khi ký"), ("unsigned", "chưa ký"), ("", "")]
        for (index, (id, word)) in expected.enumerated() {
            let province = meeting.provinces[index]
            let rows = lines.filter { $0.contains("," + province.id + ",") }
            XCTAssertFalse(rows.isEmpty, province.id)
            for row in rows {
                XCTAssertTrue(row.hasSuffix("," + id + "," + word), "\(province.id): \(row)")
            }
        }
    }

    func testTheProvinceViewSaysTheFiguresComeFromASignedReturn() throws {
        let meeting = try meeting()
        let valid = try lines(.province(meeting.provinces[0].id), meeting, .vi, width: 100).joined(separator: "\n")
        XCTAssertTrue(valid.contains("√ Số liệu từ báo cáo có chữ ký số hợp lệ · người ký CN=Nguyễn Văn A"), valid)
        let edited = try lines(.province(meeting.provinces[3].id), meeting, .en, width: 100).joined(separator: "\n")
        XCTAssertTrue(edited.contains("× The file was edited after its signed return was imported"), edited)
        let unsigned = try lines(.province(meeting.provinces[4].id), meeting, .en, width: 100).joined(separator: "\n")
        XCTAssertFalse(unsigned.contains("signed return") || unsigned.contains("digital signature is"), "an unsigned return says nothing")
    }
}
