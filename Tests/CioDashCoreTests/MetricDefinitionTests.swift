import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// Metrics declared once under their topic in the agenda; province files give just id and value.
final class MetricDefinitionTests: XCTestCase {
    private let agenda = """
    format: ciodash/1
    council: Hội đồng CIO
    title: Phiên họp 2026
    date: 2026-11-20
    topics:
      - id: dti
        title: Chỉ số chuyển đổi số (DTI)
        minutes: 25
        headline: dti-score
        metrics:
          - id: dti-score
            label: Điểm DTI
            label_en: DTI score
            unit: điểm
            decimals: 4
            target: 0.8
            combine: mean
          - id: dossiers
            label: Hồ sơ trực tuyến toàn trình
            unit: hồ sơ
            combine: sum
    provinces: [hue]

    """

    private func province(_ metrics: String) -> String {
        """
        format: ciodash/1
        id: hue
        name: Huế
        code: "46"
        reported: 2026-11-01
        topics:
          dti:
            status: on-track
            metrics:
        \(metrics)
        """
    }

    func testAProvinceGivesJustIdAndValue() throws {
        let folder = try TestFolder(["meeting.yaml": agenda, "provinces/hue.yaml": province("""
              - id: dti-score
                value: 0.7951
                source: Dân Trí, 21/10/2025
              - id: dossiers
                value: 1200
                label: Hồ sơ toàn trình năm 2025
                unit: hồ sơ (năm)
                illustrative: true
        """)])
        let result = folder.load()
        XCTAssertEqual(result.diagnostics, [])
        let topic = try XCTUnwrap(result.meeting?.topic("dti"))
        XCTAssertEqual(topic.metrics.map(\.id), ["dti-score", "dossiers"])
        XCTAssertEqual(topic.definition("dti-score"),
                       MetricDefinition(id: "dti-score", label: "Điểm DTI", labelEN: "DTI score", unit: "điểm", decimals: 4,
                                        target: 0.8, combine: .mean))
        XCTAssertEqual(topic.definition("dossiers")?.combine, .sum)
        let report = try XCTUnwrap(result.meeting?.province("hue")?.topics["dti"])
        let score = try XCTUnwrap(report.metric("dti-score"))
        XCTAssertEqual(score.label, "Điểm DTI")
        XCTAssertEqual(score.label(in: .en), "DTI score")
        XCTAssertEqual(score.unit, "điểm")
        XCTAssertEqual(score.target, 0.8)
        XCTAssertEqual(score.decimals, 4)
        XCTAssertEqual(score.value, 0.7951)
        let dossiers = try XCTUnwrap(report.metric("dossiers"))
        XCTAssertEqual(dossiers.label, "Hồ sơ toàn trình năm 2025", "what the file writes wins over the definition")
        XCTAssertEqual(dossiers.unit, "hồ sơ (năm)")
        XCTAssertEqual(dossiers.label(in: .en), "Hồ sơ toàn trình năm 2025")
        XCTAssertNil(dossiers.decimals)
    }

    func testAnUndeclaredMetricIsAWarningAndAMetricWithoutDefinitionNeedsItsLabel() throws {
        let folder = try TestFolder(["meeting.yaml": agenda, "provinces/hue.yaml": province("""
              - id: dti-scor
                value: 0.7951
        """)])
        let result = folder.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [
            folder.file("meeting.yaml") + ":9:15: warning: no province reports the headline metric \"dti-score\" of topic \"dti\"; check its id",
            folder.file("provinces/hue.yaml") + ":10:9: error: required field \"label\" is missing",
            folder.file("provinces/hue.yaml") + ":10:13: warning: metric \"dti-scor\" is not among the metrics the agenda "
                + "declares for topic \"dti\"; check its id",
        ])
    }

    func testBadDefinitionsAreErrorsWithTheirPlace() throws {
        let bad = agenda.replacingOccurrences(of: "decimals: 4", with: "decimals: 2.5")
            .replacingOccurrences(of: "combine: mean", with: "combine: average")
            .replacingOccurrences(of: "- id: dossiers", with: "- id: dti-score")
        let folder = try TestFolder(["meeting.yaml": bad, "provinces/hue.yaml": province("""
              - id: dti-score
                value: 0.7951
        """)])
        let result = folder.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [
            folder.file("meeting.yaml") + ":15:19: error: \"decimals\" must be a whole number from 0 to 10, not \"2.5\"",
            folder.file("meeting.yaml") + ":17:18: error: combine \"average\" is not known; use sum, mean or none",
            folder.file("meeting.yaml") + ":18:13: error: metric id \"dti-score\" appears twice in topic \"dti\" "
                + "(first at line 11); this one is ignored",
        ])
        XCTAssertEqual(result.meeting?.topic("dti")?.definition("dti-score")?.combine, MetricDefinition.Combine.none,
                       "an unknown rule combines nothing")
    }

    func testDecimalsKeepTrailingZeros() {
        XCTAssertEqual(NumberFormatting.format(0.6, language: .vi, maxFractionDigits: 4, minFractionDigits: 4), "0,6000")
        XCTAssertEqual(NumberFormatting.format(0.6045, language: .vi, maxFractionDigits: 4, minFractionDigits: 4), "0,6045")
        XCTAssertEqual(NumberFormatting.format(1349, language: .vi, maxFractionDigits: 2, minFractionDigits: 2), "1.349,00")
        XCTAssertEqual(NumberFormatting.format(1349, language: .en, maxFractionDigits: 1, minFractionDigits: 1), "1,349.0")
        XCTAssertEqual(NumberFormatting.format(0, language: .en, maxFractionDigits: 2, minFractionDigits: 2), "0.00")
        XCTAssertEqual(NumberFormatting.format(-0.25, language: .en, maxFractionDigits: 1, minFractionDigits: 1), "-0.3")
        XCTAssertEqual(NumberFormatting.format(12.5, language: .en, maxFractionDigits: 0, minFractionDigits: 0), "13")
        XCTAssertEqual(NumberFormatting.format(0.6, language: .vi, maxFractionDigits: 4), "0,6", "the default drops zeros")
    }
}
