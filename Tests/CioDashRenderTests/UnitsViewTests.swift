import XCTest
import CioDashCore
import CioDashSamples
@testable import CioDashRender
import CioDashTestSupport

/// The units view: each province of a meeting as the catalogue knows it on the meeting's date, on
/// both sides of the 2025 reorganisation, within every width, and the same facts in its report.
final class UnitsViewTests: XCTestCase {
    private func text(_ meeting: Meeting, _ language: Language, width: Int = 120) throws -> String {
        try XCTUnwrap(ViewRenderer.body(.units, meeting: meeting, context: RenderContext(language: language, width: width)))
            .grid.lines.joined(separator: "\n")
    }

    func testAMeetingAfterTheReorganisationSaysWhatEachUnitWasMadeOfAndItsSeat() throws {
        let meeting = try MeetingFixture.sample(SampleMeetings.council2026)
        let vi = try text(meeting, .vi)
        let lines = vi.components(separatedBy: "\n")
        let lamDong = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Lâm Đồng") }, vi)
        XCTAssertTrue(lines[lamDong].contains("68") && lines[lamDong].contains("hợp nhất từ: Lâm Đồng, Đắk Nông, Bình Thuận"), vi)
        XCTAssertTrue(lines[lamDong + 1].contains("trụ sở: Lâm Đồng"), vi)
        XCTAssertTrue(try XCTUnwrap(lines.first { $0.hasPrefix("Huế") }).contains("không thay đổi"), vi)
        XCTAssertTrue(vi.contains("ngày 24/07/2026 (cả nước 34 đơn vị); 11 đơn vị trong phiên họp"), vi)
        let en = try text(meeting, .en)
        XCTAssertTrue(en.contains("merged from: Gia Lai, Bình Định"), en)
        XCTAssertTrue(en.contains("seat: Bình Định"), en)
    }

    func testAMeetingBeforeTheReorganisationSaysWhatEachProvinceBecamePartOf() throws {
        let meeting = try MeetingFixture.sample(SampleMeetings.hue2019)
        let vi = try text(meeting, .vi)
        let kontum = try XCTUnwrap(vi.components(separatedBy: "\n").first { $0.hasPrefix("Kon Tum") }, vi)
        XCTAssertTrue(kontum.contains("62") && kontum.contains("từ 01/07/2025 thuộc Quảng Ngãi"), kontum)
        XCTAssertTrue(vi.contains("(cả nước 63 đơn vị)"), vi)
        let hue = try XCTUnwrap(vi.components(separatedBy: "\n").first { $0.hasPrefix("Thừa Thiên Huế") }, vi)
        XCTAssertTrue(hue.contains("từ 01/01/2025 là Thành phố Huế"), "renamed, not unchanged: \(hue)")
        XCTAssertFalse(vi.contains("hợp nhất từ"), "no unit of 2019 was merged yet:\n\(vi)")
        XCTAssertTrue(try text(meeting, .en).contains("part of Quảng Ngãi from"))
    }

    func testAProvinceTheCatalogueDoesNotKnowIsSaidSoAndTheRestIsShown() throws {
        var meeting = try MeetingFixture.sample(SampleMeetings.council2026)
        meeting.provinces[0].id = "dao-moi"
        let vi = try text(meeting, .vi)
        XCTAssertTrue(try XCTUnwrap(vi.components(separatedBy: "\n").first { $0.hasPrefix(meeting.provinces[0].name) })
            .contains("không có trong danh mục"), vi)
        XCTAssertTrue(vi.contains("hợp nhất từ: Lâm Đồng, Đắk Nông, Bình Thuận"), vi)
    }

    func testEveryWidthKeepsLinesWithinItAndEveryProvinceIsARow() throws {
        for sample in [SampleMeetings.council2026, SampleMeetings.hue2019] {
            let meeting = try MeetingFixture.sample(sample)
            for language in [Language.vi, .en] {
                for width in stride(from: 20, through: 200, by: 9) {
                    let body = try XCTUnwrap(ViewRenderer.body(.units, meeting: meeting, context: RenderContext(language: language, width: width)))
                    XCTAssertEqual(body.items.count, meeting.provinces.count, "\(width): one selectable row per province")
                    for line in body.grid.lines {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(language) at \(width): \(line)")
                    }
                }
            }
        }
    }

    func testTheReportHoldsTheSameFactsAsATable() throws {
        let meeting = try MeetingFixture.sample(SampleMeetings.council2026)
        let report = try XCTUnwrap(ViewReportBuilder.report(.units, meeting: meeting, language: .vi))
        XCTAssertEqual(report.title, "Đơn vị hành chính")
        let table = try XCTUnwrap(report.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first)
        XCTAssertEqual(table.header, ["Tỉnh/thành", "Mã", "Hợp nhất từ", "Trụ sở", "Ghi chú"])
        XCTAssertEqual(table.rows.count, meeting.provinces.count)
        XCTAssertTrue(table.rows.contains(["Lâm Đồng", "68", "Lâm Đồng, Đắk Nông, Bình Thuận", "Lâm Đồng", ""]), "\(table.rows)")
    }
}
