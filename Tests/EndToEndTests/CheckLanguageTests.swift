import Foundation
import XCTest
import CioDashTestSupport

/// `ciodash check --lang vi|en` over one folder of bad input, every kind of problem the loader names:
/// golden text of the whole output in each language, so that no message is left untranslated.
final class CheckLanguageTests: XCTestCase {
    private var fixture: TestFolder!

    override func setUpWithError() throws {
        fixture = try TestFolder.oneTopic(prefix: "ciodash-check-lang-")
        let f = fixture!
        try f.write("meeting.yaml", """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2019
            date: 2019-07-27
            languag: vi
            topics:
              - id: smart-city
                title: Đô thị thông minh
                minutes: 30
                headline: dttm-items-deployd
              - id: attt
                title: An toàn thông tin
                minutes: nửa giờ
              - id: Chu-Ky-So
                title: Chữ ký số
              - id: portal
                title: Cổng dịch vụ công
            provinces: [da-nang, thua-thien-hue, quang-nam, quang-ngai]

            """)
        try f.write("provinces/da-nang.yaml", """
            format: ciodash/1
            id: da-nang
            name: Đà Nẵng
            code: "44"
            reported: 2019-08-02
            topics:
              smart-city:
                status: tốt
                metrics:
                  - {id: dttm-items-deployed, label: Hạng mục, value: "1.349", unit: "%"}
                  - {id: ioc, label: IOC, value: 12,5}
                  - {id: share, label: Tỷ lệ, value: 140, unit: "%"}
              attt: {status: on-track}
              portal: {status: co rui ro}

            """)
        try f.write("provinces/thua-thien-hue.yaml", """
            format: ciodash/1
            id: hue
            name: Thừa Thiên Huế
            reported: 2019-03-01
            topics:
              smart-city: {status: chậm, sumary: "x"}
              attt: {status: behind, metrics: [{id: a, label: A, value: 1, target: -5}]}
              portal: {status: on-track}
              extra: {status: on-track}

            """)
        try f.write("provinces/Quảng Ngãi.yaml", """
            format: ciodash/1
            id: quang-ngai
            name: Quảng Ngãi
            reported: 2019-07-20
            topics: {smart-city: {status: on-track}, attt: {status: on-track}, portal: {status: on-track}}

            """)
        try f.write("provinces/bad.yaml", "format: ciodash/1\nid: bad\nname: \"Bad\ntopics: {}\n")
        try f.write("provinces/tab.yaml", "format: ciodash/1\ntopics:\n\tsmart-city: {}\n")
        try f.write("provinces/v2.yaml", "format: ciodash/2\nid: v2\nname: V2\ntopics: {}\n")
        try f.write("provinces/notes.txt", "ghi chú\n")
        try f.write("metrics.csv", """
            province,topic,metric,label,value,target,unit,previous,source
            da-nang,smart-city,visits,Lượt truy cập,812.345,,lượt,,Sở TT&TT
            kon-tum,smart-city,visits,Lượt truy cập,5,,lượt,,
            da-nang,nowhere,visits,Lượt truy cập,5,,lượt,,
            da-nang,smart-city,visits,"Lượt "truy cập",5,,lượt,,

            """)
    }

    override func tearDownWithError() throws { fixture.remove() }

    private func check(_ language: String) throws -> String {
        let outcome = try CiodashProcess.run(["check", fixture.path, "--lang", language])
        XCTAssertEqual(outcome.status, 1, outcome.errors)
        return outcome.output.replacingOccurrences(of: fixture.path, with: "DIR")
    }

    func testCheckInVietnamese() throws {
        let text = try check("vi")
        try GoldenFile.assert(text, name: "check-bad-input-vi.txt")
        XCTAssertTrue(text.hasSuffix("\nđã đọc 3 tỉnh/thành, 3 tệp hỏng, 1 chưa báo cáo, 14 lỗi, 15 cảnh báo\n"), text)
        // Only the YAML parser's own words (libyaml's) stay English inside a Vietnamese sentence.
        for line in text.split(separator: "\n") where !line.contains("lỗi cú pháp YAML") {
            for english in [" is ", " the ", " not ", " has ", " must "] {
                XCTAssertFalse(line.contains(english), "English left in: \(line)")
            }
        }
    }

    func testCheckInEnglish() throws {
        try GoldenFile.assert(try check("en"), name: "check-bad-input-en.txt")
    }

    /// Without --lang, check speaks the meeting's language: Vietnamese unless `language: en`.
    func testTheDefaultIsTheMeetingsLanguage() throws {
        let vi = try CiodashProcess.run(["check", fixture.path])
        XCTAssertEqual(vi.output, try CiodashProcess.run(["check", fixture.path, "--lang", "vi"]).output)
        try fixture.write("meeting.yaml", "format: ciodash/1\ncouncil: C\ntitle: T\ndate: 2019-07-27\nlanguage: en\n"
                          + "topics: [{id: smart-city, title: T, minutes: 5}]\n")
        let en = try CiodashProcess.run(["check", fixture.path])
        XCTAssertTrue(en.output.contains(" errors, "), en.output)
    }
}
