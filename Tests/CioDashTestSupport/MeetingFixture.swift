import Foundation
import CioDashCore
import CioDashSamples
import XCTest

/// A small meeting built in code, so that renderer and navigation tests do not depend on the loader.
public enum MeetingFixture {
    /// A bundled sample meeting, loaded as the dashboard loads it (hue-2019 unless told).
    public static func sample(_ folder: URL = SampleMeetings.hue2019) throws -> Meeting {
        let result = MeetingLoader().load(folder: folder.path)
        return try XCTUnwrap(result.meeting, "the bundled sample \(folder.lastPathComponent) loads: \(result.diagnostics)")
    }

    public static func make(nfd: Bool = false) -> Meeting {
        func t(_ s: String) -> String { nfd ? s.decomposedStringWithCanonicalMapping : s }
        let topics = [
            AgendaTopic(id: "smart-city", title: t("Phát triển dịch vụ đô thị thông minh (ĐTTM)"), titleEN: "Smart-city services",
                        minutes: 30, headline: "ioc"),
            AgendaTopic(id: "digital-signatures", title: t("Triển khai chữ ký số"), titleEN: "Digital signatures",
                        minutes: 20, headline: "cks"),
        ]
        let hue = ProvinceReport(
            id: "thua-thien-hue", name: t("Thừa Thiên Huế"), code: "46", region: t("Bắc Trung Bộ"),
            reported: LocalDate(year: 2019, month: 7, day: 15), source: t("Sở TT&TT Thừa Thiên Huế"),
            topics: [
                "smart-city": TopicReport(status: .onTrack, summary: t("IOC khai trương 25/7/2019 với 10 dịch vụ."),
                                          metrics: [Metric(id: "ioc", label: t("Dịch vụ IOC"), value: 10, target: 12, unit: t("dịch vụ"),
                                                           source: "Báo Mới / SGGP", illustrative: false),
                                                    Metric(id: "share", label: t("Tỷ lệ kết nối"), value: 87.5, target: 100, unit: "%",
                                                           previous: 60, illustrative: true)],
                                          highlights: [t("Hue-S đưa vào sử dụng")], issues: [t("Cơ chế thuê dịch vụ CNTT còn vướng")]),
                "digital-signatures": TopicReport(status: .atRisk, metrics: [Metric(id: "cks", label: t("Cán bộ có CKS"), value: 1349,
                                                                                     target: 2000, unit: t("người"), illustrative: true)]),
            ],
            file: "provinces/thua-thien-hue.yaml")
        let dakLak = ProvinceReport(
            id: "dak-lak", name: t("Đắk Lắk"), code: "66", region: t("Tây Nguyên"),
            reported: LocalDate(year: 2019, month: 7, day: 1),
            topics: ["smart-city": TopicReport(status: .behind, metrics: [Metric(id: "ioc", label: t("Dịch vụ IOC"), value: 2,
                                                                                 target: 8, unit: t("dịch vụ"), illustrative: true)])],
            file: "provinces/dak-lak.yaml")
        let broken = ProvinceReport(id: "kon-tum", name: "kon-tum", file: "provinces/kon-tum.yaml",
                                    brokenReason: "provinces/kon-tum.yaml:3:7: error: \u{1B}]0;pwned\u{07} bad")
        let previous = PreviousMeeting(title: "2018", date: LocalDate(year: 2018, month: 8, day: 1)!,
                                       reports: ["thua-thien-hue": ["smart-city": TopicReport(status: .atRisk,
                                                  metrics: [Metric(id: "ioc", label: "IOC", value: 4)])]])
        return Meeting(council: t("Hội đồng CIO miền Trung – Tây Nguyên"), title: t("Phiên họp thường kỳ 2019"),
                       date: LocalDate(year: 2019, month: 7, day: 27)!, start: "08:00", venue: t("Huế"),
                       chairs: [t("Nguyễn Thành Hưng")], language: .vi, topics: topics,
                       provinces: [hue, dakLak, broken], previous: previous, folder: "/tmp/fixture")
    }
}
