import XCTest
import CioDashCore
import CioDashSamples
@testable import CioDashRender

/// The panel of a unit merged in 2025 words its predecessors' figures as computed or side by side.
final class EarlierFigureRenderTests: XCTestCase {
    private func meeting(combine: MetricDefinition.Combine, earlier: [String: Double]) -> Meeting {
        let definition = MetricDefinition(id: "dti-score", label: "Điểm DTI", labelEN: "DTI score", unit: "điểm",
                                          decimals: 4, combine: combine)
        let topic = AgendaTopic(id: "dti", title: "Chỉ số DTI", headline: "dti-score", metrics: [definition])
        let metric = Metric(id: "dti-score", label: "Điểm DTI", value: 0.7, unit: "điểm", illustrative: true,
                            labelEN: "DTI score", decimals: 4)
        let province = ProvinceReport(id: "gia-lai", name: "Gia Lai", code: "52",
                                      topics: ["dti": TopicReport(status: .onTrack, metrics: [metric])],
                                      file: "provinces/gia-lai.yaml")
        let date2026 = LocalDate(year: 2026, month: 11, day: 20)!, date2019 = LocalDate(year: 2019, month: 7, day: 27)!
        let reports = earlier.mapValues { ["dti": TopicReport(status: .onTrack, metrics: [Metric(id: "dti-score", label: "", value: $0)])] }
        let previous = PreviousMeeting(title: "2019", date: date2019, reports: reports,
                                       counterparts: UnitsCatalogue.counterparts(at: date2026, in: date2019))
        return Meeting(council: "Hội đồng", title: "2026", date: date2026, topics: [topic], provinces: [province],
                       previous: previous, folder: "/tmp")
    }

    private func panel(_ meeting: Meeting, _ language: Language) -> String {
        Snapshot(meeting: meeting, language: language, width: 200, generatedAt: 0)
            .text(for: [.panel(province: "gia-lai", topic: "dti")])
    }

    func testACombinedFigureSaysItIsComputed() {
        let m = meeting(combine: .mean, earlier: ["gia-lai": 0.6, "binh-dinh": 0.62])
        let vi = panel(m, .vi)
        XCTAssertTrue(vi.contains("Kỳ trước (27/07/2019): Gia Lai + Bình Định, trung bình 0,6100 (số tính gộp, không phải số báo cáo); thay đổi +0,09 so với số tính gộp"), vi)
        let en = panel(m, .en)
        XCTAssertTrue(en.contains("Previous meeting (2019-07-27): Gia Lai + Bình Định, mean 0.6100 (computed, not a reported figure); change +0.09 against the computed figure"), en)
        XCTAssertTrue(en.contains("DTI score"), "the declared English label")
    }

    func testWithoutARuleThePredecessorsStandSideBySideAndAMissingOneIsNamed() {
        let m = meeting(combine: .none, earlier: ["gia-lai": 0.6])
        let vi = panel(m, .vi)
        XCTAssertTrue(vi.contains("Kỳ trước (27/07/2019): Gia Lai 0,6000 (từng đơn vị cũ, không cộng gộp); phiên họp trước không có Bình Định"), vi)
    }

    func testThreeMeetingsGiveATrendLineWithTheChangeSinceTheFirst() {
        var m = meeting(combine: .mean, earlier: ["gia-lai": 0.6, "binh-dinh": 0.62])
        let date2018 = LocalDate(year: 2018, month: 7, day: 20)!
        let reports2018 = ["gia-lai": ["dti": TopicReport(status: .onTrack, metrics: [Metric(id: "dti-score", label: "", value: 0.5)])],
                           "binh-dinh": ["dti": TopicReport(status: .onTrack, metrics: [Metric(id: "dti-score", label: "", value: 0.52)])]]
        m.history.append(PreviousMeeting(title: "2018", date: date2018, reports: reports2018,
                                         counterparts: UnitsCatalogue.counterparts(at: m.date, in: date2018)))
        XCTAssertEqual(m.trend(province: "gia-lai", topic: "dti", metric: m.provinces[0].topics["dti"]!.metrics[0]).map(\.date.year),
                       [2018, 2019, 2026])
        let vi = panel(m, .vi)
        XCTAssertTrue(vi.contains("Qua 3 phiên họp 2018–2026: ▁▅█, thay đổi +0,19 so với phiên đầu (gồm số tính gộp của các đơn vị cũ)"), vi)
        let en = panel(m, .en)
        XCTAssertTrue(en.contains("Over 3 meetings 2018–2026: ▁▅█, +0.19 since the first (including computed figures of former units)"), en)
    }

    func testSparklineScalesBetweenLowAndHighAndMarksGaps() {
        XCTAssertEqual(Sparkline.text([0, 50, 100]), "▁▅█")
        XCTAssertEqual(Sparkline.text([1, nil, 1]), "▄·▄", "a flat series sits in the middle")
        XCTAssertEqual(Sparkline.text([nil, nil]), "··")
        XCTAssertEqual(Sparkline.text([.infinity, 2, 4]), "·▁█")
    }
}

/// The overview of the 2026 sample, wide enough, shows each headline's trend since 2018.
final class OverviewTrendTests: XCTestCase {
    func testWideOverviewShowsTrendsOfReportedFiguresOnly() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.council2026.path).meeting)
        XCTAssertEqual(meeting.history.map(\.date.year), [2019, 2018])
        let lines = Snapshot(meeting: meeting, language: .vi, width: 200, generatedAt: 0).lines(for: .overview)
        let thanhHoa = try XCTUnwrap(lines.first { $0.hasPrefix("Thanh Hóa") })
        XCTAssertTrue(thanhHoa.contains("+43  ▁▃█"), "ATTT over 2018, 2019, 2026:\n" + thanhHoa)
        let giaLai = try XCTUnwrap(lines.first { $0.hasPrefix("Gia Lai") })
        XCTAssertFalse(giaLai.contains { "▁▂▃▄▅▆▇".contains($0) },
                       "the merged Gia Lai has no reported figure in 2018 or 2019: no trend\n" + giaLai)
        XCTAssertTrue(lines.joined(separator: "\n").contains("▁▄█ xu hướng qua 3 phiên họp từ 2018"))
        let narrow = Snapshot(meeting: meeting, language: .vi, width: 120, generatedAt: 0).lines(for: .overview)
        XCTAssertFalse(narrow.joined().contains("xu hướng"), "no trend where the columns have no room")
    }
}

/// One province × topic across the chain: a row per meeting, computed figures marked.
final class HistoryViewTests: XCTestCase {
    func testGiaLaiAcrossTheMergerAndHueAcrossItsRename() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.council2026.path).meeting)
        let context = RenderContext(language: .vi, width: 100)
        func text(_ province: String, _ topic: String) throws -> String {
            let body = HistoryView.render(meeting, province: try XCTUnwrap(meeting.province(province)),
                                          topic: try XCTUnwrap(meeting.topic(topic)), context: context)
            return body.grid.lines.joined(separator: "\n")
        }
        let giaLai = try text("gia-lai", "information-security")
        XCTAssertTrue(giaLai.contains("20/07/2018"), giaLai)
        XCTAssertTrue(giaLai.contains("27/07/2019"), giaLai)
        XCTAssertTrue(giaLai.contains("24/07/2026"), giaLai)
        XCTAssertTrue(giaLai.contains("Gia Lai 38%") && giaLai.contains("Bình Định 40%") && giaLai.contains("(không cộng gộp)"), giaLai)
        XCTAssertGreaterThan(giaLai.components(separatedBy: "≈").count - 1, 1, "summed incident counts are marked computed\n" + giaLai)
        XCTAssertTrue(giaLai.contains("tổng của Gia Lai, Bình Định"), giaLai)
        let hue = try text("hue", "information-security")
        XCTAssertEqual(hue.components(separatedBy: "≈").count - 1, 1, "only the legend: Huế's earlier figures are Thừa Thiên Huế's own\n" + hue)
        XCTAssertEqual(hue.components(separatedBy: "27/07/2019").count - 1, hue.components(separatedBy: "20/07/2018").count - 1)
    }

    func testHistoryIsAViewByNameAndInTheReports() throws {
        let meeting = try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.council2026.path).meeting)
        XCTAssertEqual(try ViewResolver.resolve("history:gia lai/information-security", in: meeting).get(),
                       .history(province: "gia-lai", topic: "information-security"))
        let view = ViewID.history(province: "gia-lai", topic: "information-security")
        let text = Snapshot(meeting: meeting, language: .en, width: 100, generatedAt: 0).text(for: [view])
        XCTAssertTrue(text.contains("across meetings") && text.contains("2018-07-20"), text)
        let report = try XCTUnwrap(ViewReportBuilder.report(view, meeting: meeting, language: .vi))
        let tables = report.blocks.compactMap { block -> ReportTable? in if case .table(let t) = block { return t } else { return nil } }
        XCTAssertFalse(tables.isEmpty, "one table per metric")
        XCTAssertTrue(tables.allSatisfy { $0.rows.count == meeting.history.count + 1 }, "a row per meeting of the chain: \(tables)")
        XCTAssertTrue(tables.flatMap(\.rows).contains { $0[0] == "24/07/2026" }, "dates as Vietnamese write them")
    }
}
