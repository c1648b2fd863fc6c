import CioDashCore
import CioDashSamples
import XCTest

/// The bundled sample meetings: each checks clean, and every figure is either reported with its
/// source or marked illustrative (fixtures/README.md lists the reported ones).
final class SampleMeetingsTests: XCTestCase {
    private func load(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> (Meeting, LoadResult) {
        let folder = try XCTUnwrap(SampleMeetings.named(name), "no bundled sample \(name)", file: file, line: line)
        let result = MeetingLoader().load(folder: folder.path)
        let meeting = try XCTUnwrap(result.meeting, "\(name) loads: \(result.diagnostics)", file: file, line: line)
        return (meeting, result)
    }

    private func council2026() throws -> Meeting { try load("council-2026").0 }

    func testEverySampleChecksClean() throws {
        for name in SampleMeetings.names {
            let (_, result) = try load(name)
            XCTAssertEqual(result.diagnostics.map(\.description), [], "\(name): expected 0 errors, 0 warnings")
        }
    }

    func testUnknownSampleNameIsNil() {
        XCTAssertNil(SampleMeetings.named("hue-2020"))
        XCTAssertNil(SampleMeetings.named("../hue-2019"))
    }

    /// A reported figure names its source; an invented one says so in both fields.
    func testEveryMetricIsReportedWithASourceOrIllustrative() throws {
        for name in SampleMeetings.names {
            let (meeting, _) = try load(name)
            for province in meeting.provinces {
                for (topic, report) in province.topics {
                    for metric in report.metrics {
                        let place = "\(name) \(province.id)/\(topic)/\(metric.id)"
                        let source = metric.source?.trimmingCharacters(in: .whitespaces) ?? ""
                        if metric.illustrative {
                            XCTAssertEqual(source, "Minh họa (illustrative)", "\(place): an illustrative figure's source")
                        } else {
                            XCTAssertFalse(source.isEmpty, "\(place) says illustrative: false without a source")
                            XCTAssertFalse(source.contains("Minh họa"), "\(place) is marked reported but its source says illustrative")
                        }
                    }
                }
            }
        }
    }

    /// The only reported figures of the 2026 sample, as ../shared/DOMAIN.md gives them.
    func testCouncil2026ReportsOnlyTheFiguresOfTheDomainBrief() throws {
        let meeting = try council2026()
        var reported: [String: Double] = [:]
        for province in meeting.provinces {
            for (topic, report) in province.topics {
                for metric in report.metrics where !metric.illustrative {
                    reported["\(province.id)/\(topic)/\(metric.id)"] = metric.value
                }
            }
        }
        XCTAssertEqual(reported, [
            "hue/dti/dti-2024-score": 0.7951,
            "hue/dti/dti-2024-rank": 2,
            "thanh-hoa/dti/dti-2024-rank": 5,
            "ha-tinh/dti/dti-2024-rank": 7,
            "da-nang/dti/dti-2024-rank": 17,
            "da-nang/public-service-portal/dossiers-end-to-end-2024": 58.89,
        ])
    }

    /// The 11 units of today, with the catalogue's ids, codes and names, each reported by its
    /// Sở Khoa học và Công nghệ before the meeting.
    func testCouncil2026HasTheElevenUnitsOfTheCatalogue() throws {
        let meeting = try council2026()
        XCTAssertEqual(meeting.provinces.map(\.id), ["thanh-hoa", "nghe-an", "ha-tinh", "quang-tri", "hue", "da-nang",
                                                     "quang-ngai", "gia-lai", "khanh-hoa", "dak-lak", "lam-dong"])
        for province in meeting.provinces {
            guard let unit = UnitsCatalogue.unit(id: province.id, on: meeting.date) else {
                XCTFail("\(province.id) is not a unit of the catalogue on \(meeting.date)")
                continue
            }
            XCTAssertEqual(province.name, unit.name, province.id)
            XCTAssertEqual(province.code, unit.code, province.id)
            XCTAssertTrue(province.source?.hasPrefix("Sở Khoa học và Công nghệ ") ?? false,
                          "\(province.id): the 2026 department is the Sở Khoa học và Công nghệ, got \(province.source ?? "nil")")
            let reported = try XCTUnwrap(province.reported, province.id)
            XCTAssertLessThan(reported, meeting.date, "\(province.id) reports after the meeting")
        }
    }

    func testCouncil2026ChainsBackToHue2019() throws {
        let meeting = try council2026()
        XCTAssertEqual(meeting.previous?.date.description, "2019-07-27")
        XCTAssertLessThan(try XCTUnwrap(LocalDate(iso: "2025-06-30")), meeting.date, "a meeting of the 34-unit period")
    }

    /// Metrics are declared once in the agenda. The DTI of a merged unit is the mean of its predecessors'
    /// (as the ministry computes it); counts add up; shares and scores of different totals have no rule.
    func testCouncil2026DeclaresHowMergedFiguresCombine() throws {
        let meeting = try council2026()
        var rules: [String: MetricDefinition.Combine] = [:]
        for topic in meeting.topics {
            XCTAssertFalse(topic.metrics.isEmpty, "\(topic.id) declares its metrics")
            for definition in topic.metrics { rules[definition.id] = definition.combine }
        }
        XCTAssertEqual(rules["dti-2024-score"], .mean)
        XCTAssertEqual(rules["dti-2024-rank"], MetricDefinition.Combine.none)
        XCTAssertEqual(rules["attt-incidents"], .sum)
        XCTAssertEqual(rules["cts-issued"], .sum)
        for (id, rule) in rules where id.hasSuffix("-share") {
            XCTAssertEqual(rule, MetricDefinition.Combine.none, "\(id): a share is not combined without its totals")
        }
        let dti = try XCTUnwrap(meeting.topic("dti")?.metrics.first { $0.id == "dti-2024-score" })
        XCTAssertEqual(dti.decimals, 4, "DTI scores are published with four decimals")
    }

    /// The Decision 766 scorecard: five groups of at most 18, 20, 22, 22 and 18 points add up to the score.
    func testCouncil2026ScorecardGroupsAddUpToTheScore() throws {
        let meeting = try council2026()
        let groups = [("766-public-transparent", 18.0), ("766-progress-results", 20), ("766-digitised-dossiers", 22),
                      ("766-online-services", 22), ("766-satisfaction", 18)]
        var withGroups = 0
        for province in meeting.provinces {
            let report = try XCTUnwrap(province.topics["public-service-portal"], province.id)
            let score = try XCTUnwrap(report.metric("score-766"), province.id).value
            XCTAssertTrue((0...100).contains(score), "\(province.id): 766 score \(score) is out of 0–100")
            let parts = groups.compactMap { id, most in report.metric(id).map { ($0.value, most, id) } }
            if parts.isEmpty { continue }
            withGroups += 1
            XCTAssertEqual(parts.count, groups.count, "\(province.id): all five groups or none")
            for (value, most, id) in parts { XCTAssertTrue((0...most).contains(value), "\(province.id) \(id) = \(value) > \(most)") }
            XCTAssertEqual(parts.map(\.0).reduce(0, +), score, accuracy: 0.005, "\(province.id): groups add up to the score")
        }
        XCTAssertEqual(withGroups, 2, "Huế and Đà Nẵng break the score into its groups")
    }

    /// The DTI is a score from 0 to 1; a reported rank must agree with the illustrative scores around it.
    func testCouncil2026DTIScoresAgreeWithTheReportedRanks() throws {
        let meeting = try council2026()
        var scores: [(id: String, score: Double, rank: Double?)] = []
        for province in meeting.provinces {
            let report = try XCTUnwrap(province.topics["dti"], province.id)
            let score = try XCTUnwrap(report.metric("dti-2024-score"), province.id).value
            XCTAssertTrue((0...1).contains(score), "\(province.id): DTI \(score) is out of 0–1")
            scores.append((province.id, score, report.metric("dti-2024-rank")?.value))
        }
        let ranked = scores.filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        XCTAssertEqual(ranked.map(\.id), ranked.sorted { $0.score > $1.score }.map(\.id), "a better rank has a higher score")
        // Quảng Trị was among the last three: no unit of the sample scores lower.
        let lowest = try XCTUnwrap(scores.min { $0.score < $1.score })
        XCTAssertEqual(lowest.id, "quang-tri")
    }
}
