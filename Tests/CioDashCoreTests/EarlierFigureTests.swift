import XCTest
@testable import CioDashCore

/// A 2026 unit against the 2019 provinces it was made of, by the metric's `combine` rule.
final class EarlierFigureTests: XCTestCase {
    private func earlier2019(_ reports: [String: Double?]) -> PreviousMeeting {
        var byProvince: [String: [String: TopicReport]] = [:]
        for (id, value) in reports {
            let metrics = value.map { [Metric(id: "dti-score", label: "", value: $0)] } ?? []
            byProvince[id] = ["dti": TopicReport(status: .onTrack, metrics: metrics)]
        }
        let date2026 = LocalDate(year: 2026, month: 11, day: 20)!, date2019 = LocalDate(year: 2019, month: 7, day: 27)!
        return PreviousMeeting(title: "2019", date: date2019, reports: byProvince,
                               counterparts: UnitsCatalogue.counterparts(at: date2026, in: date2019))
    }

    func testMeanAndSumCombineEveryPredecessor() {
        let previous = earlier2019(["gia-lai": 0.6, "binh-dinh": 0.7])
        guard case let .combined(mean, rule, parts) = previous.earlier(province: "gia-lai", topic: "dti", metric: "dti-score",
                                                                       combine: .mean) else { return XCTFail("expected a combined figure") }
        XCTAssertEqual(mean, 0.65, accuracy: 1e-12)
        XCTAssertEqual(rule, .mean)
        XCTAssertEqual(parts, [.init(id: "gia-lai", value: 0.6, inMeeting: true), .init(id: "binh-dinh", value: 0.7, inMeeting: true)])
        XCTAssertEqual(previous.earlier(province: "gia-lai", topic: "dti", metric: "dti-score", combine: .sum).comparable ?? 0,
                       1.3, accuracy: 1e-12)
        XCTAssertNil(previous.value(province: "gia-lai", topic: "dti", metric: "dti-score"),
                     "a combined figure is never a reported one")
    }

    func testNoRuleShowsThePartsSideBySide() {
        let previous = earlier2019(["gia-lai": 0.6, "binh-dinh": 0.7])
        guard case .sideBySide(let parts) = previous.earlier(province: "gia-lai", topic: "dti", metric: "dti-score",
                                                             combine: .none) else { return XCTFail("expected side by side") }
        XCTAssertEqual(parts.map(\.id), ["gia-lai", "binh-dinh"])
        XCTAssertEqual(parts.map(\.value), [0.6, 0.7])
    }

    func testAMissingPredecessorIsNamedAndNothingIsCombined() {
        // Lâm Đồng of 2026 = Lâm Đồng + Đắk Nông + Bình Thuận; the earlier meeting had no Bình Thuận,
        // and Đắk Nông's file did not report the metric.
        let previous = earlier2019(["lam-dong": 0.55, "dak-nong": nil])
        let figure = previous.earlier(province: "lam-dong", topic: "dti", metric: "dti-score", combine: .mean)
        XCTAssertEqual(figure, .sideBySide(parts: [.init(id: "lam-dong", value: 0.55, inMeeting: true),
                                                   .init(id: "dak-nong", value: nil, inMeeting: true),
                                                   .init(id: "binh-thuan", value: nil, inMeeting: false)]))
        XCTAssertEqual(figure.missingUnits, ["binh-thuan"])
        XCTAssertNil(figure.comparable)
    }

    func testAnUnmergedUnitComparesWithItselfOrItsOldName() {
        let previous = earlier2019(["thua-thien-hue": 0.7, "thanh-hoa": 0.5])
        XCTAssertEqual(previous.earlier(province: "hue", topic: "dti", metric: "dti-score", combine: .mean), .reported(0.7))
        XCTAssertEqual(previous.earlier(province: "thanh-hoa", topic: "dti", metric: "dti-score", combine: .sum), .reported(0.5))
        XCTAssertEqual(previous.earlier(province: "nghe-an", topic: "dti", metric: "dti-score", combine: .sum), .none)
        XCTAssertEqual(previous.earlier(province: "quang-ngai", topic: "dti", metric: "dti-score", combine: .sum), .none,
                       "neither Quảng Ngãi nor Kon Tum had a file")
    }
}
