import Foundation
import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// The bad-input corpus of issue 5: for each class, the loader names the file (and the line where
/// there is one) in one clear message, the result is an error, loading ends quickly, and every other
/// province still loads. Parser-level details are in YAMLReaderTests, MetricsCSVTests and
/// LoaderDiagnosticsTests; here each class goes through a whole meeting folder.
final class HostileInputTests: XCTestCase {
    private static let hue = "provinces/thua-thien-hue.yaml"

    /// The sample agenda, a good Đà Nẵng, and Huế's file as given.
    private func folder(hue bytes: [UInt8], name: String = hue) throws -> TestFolder {
        let folder = try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
        try folder.write(name, bytes: bytes)
        return folder
    }

    private func folder(hue text: String) throws -> TestFolder { try folder(hue: Array(text.utf8)) }

    /// Loads with a loose time bound: a guard against hangs, not a benchmark.
    private func load(_ folder: TestFolder, limits: LoadLimits = .default,
                      file: StaticString = #filePath, line: UInt = #line) -> LoadResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = folder.load(limits: limits)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        XCTAssertLessThan(seconds, 5, "loading took \(seconds) s", file: file, line: line)
        return result
    }

    /// The errors on one file as `line:column: message` ("-" where there is no place).
    private func errors(_ result: LoadResult, _ folder: TestFolder, _ relative: String = hue) -> [String] {
        result.diagnostics.filter { $0.file == folder.file(relative) && $0.severity == .error }
            .map { "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-"): \($0.message)" }
    }

    /// The check fails (exit 1) and Đà Nẵng is whole.
    private func assertOthersLoad(_ result: LoadResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.exitCode, 1, "ciodash check must exit 1", file: file, line: line)
        let daNang = result.meeting?.province("da-nang")
        XCTAssertEqual(daNang?.isBroken, false, "Đà Nẵng must still load", file: file, line: line)
        XCTAssertEqual(daNang?.topics.count, 2, "Đà Nẵng must keep both topics", file: file, line: line)
    }

    /// A file that cannot be used: one error naming it, and Huế shown as a flagged row.
    private func assertBroken(_ result: LoadResult, _ folder: TestFolder, _ expected: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(errors(result, folder), [expected], file: file, line: line)
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.isBroken, true, "Huế is flagged", file: file, line: line)
        assertOthersLoad(result, file: file, line: line)
    }

    private func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.contains(old), "test fixture lacks \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    // MARK: Broken YAML

    func testTruncatedFile() throws {
        let text = provinceFile()
        let insideQuotes = try XCTUnwrap(text.range(of: "code: \"4"))
        let f1 = try folder(hue: String(text[..<insideQuotes.upperBound]))
        assertBroken(load(f1), f1,
                     "4:9: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts at line 4)")

        // Cut after two of the three bytes of "ị" (as a mail gateway might): not UTF-8 any more.
        let bytes = Array(text.utf8)
        let label = try XCTUnwrap(text.range(of: "label: Dị"))
        let cut = text.utf8.distance(from: text.startIndex, to: label.upperBound) - 1
        let f2 = try folder(hue: Array(bytes[..<cut]))
        assertBroken(load(f2), f2, "16:17: the file is not valid UTF-8 text (byte 0xE1); save it as UTF-8")
    }

    func testTabsAndMixedIndentation() throws {
        let f1 = try folder(hue: replacing(provinceFile(), "    status: on-track", "\tstatus: on-track"))
        assertBroken(load(f1), f1, "10:1: a tab is used for indentation here; YAML allows only spaces")
        let f2 = try folder(hue: replacing(provinceFile(), "    status: on-track", "  \t  status: on-track"))
        assertBroken(load(f2), f2, "10:3: a tab is used for indentation here; YAML allows only spaces")
        // A tab after a colon separates like a space: allowed, and the value has no tab.
        let f3 = try folder(hue: replacing(provinceFile(), "region: Bắc", "region:\tBắc"))
        let r3 = load(f3)
        XCTAssertEqual(r3.errorCount, 0, "\(r3.diagnostics)")
        XCTAssertEqual(r3.meeting?.province("thua-thien-hue")?.region, "Bắc Trung Bộ")
    }

    func testDuplicateKeys() throws {
        let text = replacing(provinceFile(), "code: \"46\"", "name: Huế again\ncode: \"46\"")
        let f1 = try folder(hue: replacing(text, "  digital-signatures:\n", "  smart-city:\n    status: behind\n  digital-signatures:\n"))
        let r1 = load(f1)
        XCTAssertEqual(errors(r1, f1), [
            "4:1: key \"name\" appears twice in this mapping (first at line 3); this one is ignored",
            "31:3: key \"smart-city\" appears twice in this mapping (first at line 10); this one is ignored",
        ])
        let hue = try XCTUnwrap(r1.meeting?.province("thua-thien-hue"))
        XCTAssertEqual(hue.name, "Thừa Thiên Huế", "the first value wins")
        XCTAssertEqual(hue.topics["smart-city"]?.status, .onTrack, "the first value wins")
        assertOthersLoad(r1)
    }

    /// Every field that expects a number, a date, a list, a mapping or text, given the wrong kind.
    func testWrongTypesEverywhere() throws {
        let province: [(old: String, new: String, error: String)] = [
            ("format: ciodash/1", "format: [ciodash/1]", "1:9: \"format\" must be text, not a list"),
            ("id: thua-thien-hue", "id: {a: 1}", "2:5: \"id\" must be text, not a mapping"),
            ("name: Thừa Thiên Huế", "name: [Huế]", "3:7: \"name\" must be text, not a list"),
            ("code: \"46\"", "code: {a: 1}", "4:7: \"code\" must be text, not a mapping"),
            ("region: Bắc Trung Bộ", "region: [x]", "5:9: \"region\" must be text, not a list"),
            ("reported: 2019-07-01", "reported: [2019]", "6:11: \"reported\" must be text, not a list"),
            ("source: Sở TT&TT", "source: {x: y}", "7:9: \"source\" must be text, not a mapping"),
            ("    status: on-track", "    status: [on-track]", "10:13: \"status\" must be text, not a list"),
            ("    summary: |", "    summary: {a: b}\n    x: |", "11:14: \"summary\" must be text, not a mapping"),
            ("        label: Dịch vụ IOC", "        label: [a]", "16:16: \"label\" must be text, not a list"),
            ("        target: 12", "        target: {a: 1}", "18:17: \"target\" must be a number, not a mapping"),
            ("        source: Báo Mới", "        source: [x]", "19:17: \"source\" must be text, not a list"),
            ("        unit: \"%\"", "        unit: [\"%\"]", "23:15: \"unit\" must be text, not a list"),
            ("        previous: 8", "        previous: [8]", "24:19: \"previous\" must be a number, not a list"),
            ("        illustrative: true", "        illustrative: [true]", "25:23: illustrative must be true or false, not \"a list\""),
            ("      - Ứng dụng Hue-S", "      - [a]", "27:9: each item of \"highlights\" must be text"),
            ("      - Thiếu nhân lực ATTT", "      - {a: b}", "29:9: each item of \"issues\" must be text"),
            ("    metrics: []", "    metrics: {id: x}", "32:14: \"metrics\" must be a list of metrics, not a mapping"),
            ("    metrics: []", "    metrics: [x]", "32:15: \"metric\" must be a mapping of fields, not a single value"),
            ("  digital-signatures:\n    status: at-risk\n    metrics: []\n", "  digital-signatures: [at-risk]\n",
             "30:23: \"digital-signatures\" must be a mapping of fields, not a list"),
        ]
        for (old, new, error) in province {
            let f = try folder(hue: replacing(provinceFile(), old, new))
            let result = load(f)
            XCTAssertEqual(errors(result, f), [error], "with \(new)")
            XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.isBroken, false, "with \(new): the rest of the file is used")
            assertOthersLoad(result)
        }
        let f = try folder(hue: "format: ciodash/1\nid: thua-thien-hue\nname: Huế\ntopics: [smart-city]\n")
        XCTAssertEqual(errors(load(f), f), ["4:9: \"topics\" must be a mapping from topic id to report, not a list"])

        let meeting: [(old: String, new: String, error: String, usable: Bool)] = [
            ("council: Hội đồng", "council: [x]\nx: Hội đồng", "2:10: \"council\" must be text, not a list", true),
            ("title: Phiên họp thường kỳ 2019", "title: {a: b}", "3:8: \"title\" must be text, not a mapping", true),
            ("date: 2019-07-27", "date: [2019]", "4:7: \"date\" must be text, not a list", false),
            ("start: \"08:00\"", "start: [8]", "5:8: \"start\" must be text, not a list", true),
            ("venue: Huế", "venue: {a: b}", "6:8: \"venue\" must be text, not a mapping", true),
            ("chairs: [Thứ trưởng Bộ TT&TT, Chủ tịch UBND tỉnh]", "chairs: {a: b}", "7:9: \"chairs\" must be a list, not a mapping", true),
            ("chairs: [Thứ trưởng Bộ TT&TT, Chủ tịch UBND tỉnh]", "chairs: [[x]]", "7:10: each item of \"chairs\" must be text", true),
            ("language: vi", "language: [vi]", "8:11: \"language\" must be text, not a list", true),
            ("  - id: smart-city", "  - id: [smart-city]", "10:9: \"id\" must be text, not a list", true),
            ("    title: Phát triển", "    title: [x]\n    x: Phát triển", "11:12: \"title\" must be text, not a list", true),
            ("    title_en: Smart-city services", "    title_en: {a: b}", "12:15: \"title_en\" must be text, not a mapping", true),
            ("    minutes: 20", "    minutes: [20]", "13:14: \"minutes\" must be a number, not a list", true),
            ("    headline: ioc-services", "    headline: [x]", "14:15: \"headline\" must be text, not a list", true),
            ("provinces: [thua-thien-hue, da-nang]", "provinces: {a: b}",
             "18:12: \"provinces\" must be a list of province ids, not a mapping", true),
            ("provinces: [thua-thien-hue, da-nang]", "provinces: [thua-thien-hue, da-nang, [x]]",
             "18:38: \"provinces\" must be text, not a list", true),
            ("provinces: [thua-thien-hue, da-nang]\n", "provinces: [thua-thien-hue, da-nang]\nprevious: [x]\n",
             "19:11: \"previous\" must be text, not a list", true),
        ]
        for (old, new, error, usable) in meeting {
            let f = try folder(hue: provinceFile())
            try f.write("meeting.yaml", replacing(sampleMeeting, old, new))
            let result = load(f)
            XCTAssertEqual(errors(result, f, "meeting.yaml"), [error], "with \(new)")
            XCTAssertEqual(result.meeting != nil, usable, "with \(new): the agenda is usable only with a date")
            if usable { assertOthersLoad(result) }
        }
        let f2 = try folder(hue: provinceFile())
        try f2.write("meeting.yaml", replacing(sampleMeeting, "topics:\n  - id: smart-city", "topics: {a: b}\nx:\n  - id: smart-city"))
        XCTAssertEqual(errors(load(f2), f2, "meeting.yaml"), ["9:9: \"topics\" must be a list of agenda topics, not a mapping"])
    }

    /// "1.349", "12,5%" and other spreadsheet spellings, in the fields the value tests do not cover.
    func testNumbersWrittenAsText() throws {
        var text = replacing(provinceFile(), "target: 12", "target: \"1.349\"")
        text = replacing(text, "previous: 8", "previous: 12,5%")
        let f = try folder(hue: text)
        try f.write("meeting.yaml", replacing(sampleMeeting, "minutes: 20", "minutes: \"20\""))
        try f.write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                    + "da-nang,smart-city,ioc-services,,\"1.349\",\"12,5%\",,1 349,\n"
                    + "da-nang,digital-signatures,signed,Văn bản ký số,\"1.349\",,,,\n")
        let result = load(f)
        XCTAssertEqual(errors(result, f), [
            "18:17: target \"1.349\" is text, not a number; write numbers without quotes and without thousands separators (1349 for 1.349 in Vietnamese notation)",
            "24:19: previous \"12,5%\" is not a number; write the number alone (12.5) and put % in unit",
        ])
        XCTAssertEqual(errors(result, f, "meeting.yaml"), ["13:14: minutes \"20\" is text, not a number; write it without quotes"])
        // In CSV quotes are only syntax, and a spreadsheet's "1.349" reads two ways (1349 with a Vietnamese
        // thousands dot, 1.349 with a decimal point): an error that gives both, never a guess.
        XCTAssertNil(result.meeting?.province("da-nang")?.topics["digital-signatures"]?.metric("signed"))
        XCTAssertEqual(result.meeting?.province("da-nang")?.topics["smart-city"]?.metric("ioc-services")?.value, 10,
                       "a row with an error is ignored whole")
        XCTAssertEqual(errors(result, f, "metrics.csv"), [
            "2:34: value \"1.349\" reads two ways: 1349 (a thousands separator) or 1.349 (a decimal mark); write it without thousands separators (1349) or with more decimals (1.3490)",
            "2:42: target \"12,5%\" is not a number; write the number alone (12.5) and put % in unit",
            "3:49: value \"1.349\" reads two ways: 1349 (a thousands separator) or 1.349 (a decimal mark); write it without thousands separators (1349) or with more decimals (1.3490)",
        ])
        assertOthersLoad(result)
    }

    func testNaNAndInfinity() throws {
        var text = replacing(provinceFile(), "target: 12", "target: .inf")
        text = replacing(text, "previous: 8", "previous: -.Inf")
        text = replacing(text, "value: 12.5", "value: NaN")
        let f = try folder(hue: text)
        try f.write("meeting.yaml", replacing(sampleMeeting, "minutes: 20", "minutes: .nan"))
        try f.write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                    + "da-nang,smart-city,ioc-services,,Infinity,nan,,-inf,\n")
        let result = load(f)
        XCTAssertEqual(errors(result, f), [
            "18:17: target \".inf\" is not a finite number",
            "22:16: value \"NaN\" is not a finite number",
            "24:19: previous \"-.Inf\" is not a finite number",
        ])
        XCTAssertEqual(errors(result, f, "meeting.yaml"), ["13:14: minutes \".nan\" is not a finite number"])
        XCTAssertEqual(errors(result, f, "metrics.csv"), [
            "2:34: value \"Infinity\" is not a finite number",
            "2:43: target \"nan\" is not a finite number",
            "2:48: previous \"-inf\" is not a finite number",
        ])
        assertOthersLoad(result)
    }

    /// 1e400 overflows a Double and is refused; 1e308 is a finite number and loads (the renderer's
    /// tests draw it).
    func testHugeNumbers() throws {
        var text = replacing(provinceFile(), "target: 12", "target: 1e400")
        text = replacing(text, "value: 12.5", "value: 1e308")
        text = replacing(text, "previous: 8", "previous: -1.7976931348623157e308")
        let f = try folder(hue: text)
        try f.write("meeting.yaml", replacing(sampleMeeting, "minutes: 20", "minutes: 1e300"))
        let result = load(f)
        XCTAssertEqual(errors(result, f), ["18:17: target \"1e400\" is not a finite number"])
        XCTAssertEqual(errors(result, f, "meeting.yaml"), ["13:14: minutes \"1e300\" must be a whole number of minutes, 0 or more"])
        let share = try XCTUnwrap(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("online-share"))
        XCTAssertEqual(share.value, 1e308)
        XCTAssertEqual(share.previous, -1.7976931348623157e308)
        assertOthersLoad(result)
    }

    func testNegativeTargets() throws {
        let f = try folder(hue: replacing(provinceFile(), "target: 12", "target: -10"))
        try f.write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                    + "da-nang,smart-city,ioc-services,,5,-0.5,,,\n")
        let result = load(f)
        XCTAssertEqual(errors(result, f), ["18:17: target -10 is negative; a target is the figure to reach, 0 or more, so it is ignored"])
        XCTAssertEqual(errors(result, f, "metrics.csv"),
                       ["2:36: target -0.5 is negative; a target is the figure to reach, 0 or more, so it is ignored"])
        let ioc = result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("ioc-services")
        XCTAssertEqual(ioc?.value, 10, "the metric stays")
        XCTAssertNil(ioc?.target, "without the target")
        XCTAssertEqual(result.meeting?.province("da-nang")?.topics["smart-city"]?.metric("ioc-services")?.target, 12,
                       "the CSV's negative target leaves the file's target")
        assertOthersLoad(result)
    }

    // MARK: Not text

    func testEmptyFile() throws {
        let f = try folder(hue: [UInt8]())
        assertBroken(load(f), f, "-:-: the file is empty")
    }

    func testFileThatIsOnlyAByteOrderMark() throws {
        let f = try folder(hue: [0xEF, 0xBB, 0xBF])
        assertBroken(load(f), f, "-:-: the file is empty")
    }

    func testInvalidUTF8() throws {
        // Latin-1 "Huế" as a Windows editor might save it.
        let f = try folder(hue: Array("format: ciodash/1\nid: thua-thien-hue\nname: Hu".utf8) + [0xEA, 0x0A] + Array("topics: {}\n".utf8))
        assertBroken(load(f), f, "3:9: the file is not valid UTF-8 text (byte 0xEA); save it as UTF-8")
    }

    func testNULBytes() throws {
        // UTF-16 is what a NUL byte most often means.
        let f = try folder(hue: Array(provinceFile().data(using: .utf16LittleEndian)!))
        assertBroken(load(f), f, "1:2: the file contains a NUL byte, so it is not text (perhaps a binary or UTF-16 file)")
    }

    // MARK: Limits

    func testFiftyMegabyteFileIsRefusedBeforeReading() throws {
        let f = try folder(hue: [UInt8]())
        try HostileFiles.writeLargeProvince(at: f.file(Self.hue), size: 50 << 20)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = f.load()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        assertBroken(result, f, "-:-: the file is 50.0 MiB, more than the 8.0 MiB limit, so it is not read")
        // Parsing 50 MiB takes seconds; refusing by size takes microseconds. Loose, against a regression
        // that reads first and checks later.
        XCTAssertLessThan(seconds, 1, "the size must be checked before reading")
    }

    func testTenThousandCharacterNameLoadsAndOneMoreIsRefused() throws {
        let name = String(repeating: "Ế", count: 10_000)
        let f1 = try folder(hue: provinceFile(name: name))
        let r1 = load(f1)
        XCTAssertEqual(errors(r1, f1), [])
        XCTAssertEqual(r1.meeting?.province("thua-thien-hue")?.name.unicodeScalars.count, 10_000)

        // Issue 16, class 11: one character more costs the name, not the file; the units catalogue's
        // name stands in (issue 28, class 18: a row is named, not shown by its id).
        let f2 = try folder(hue: provinceFile(name: name + "Ế"))
        let r2 = load(f2)
        XCTAssertEqual(errors(r2, f2), ["3:7: a text value is 10,001 characters long, more than the 10,000-character limit; it is left out"])
        let hue = r2.meeting?.province("thua-thien-hue")
        XCTAssertEqual(hue?.isBroken, false)
        XCTAssertEqual(hue?.name, "Thừa Thiên Huế")
        XCTAssertEqual(hue?.topics.count, 2, "every topic is kept")
        assertOthersLoad(r2)
    }

    func testOverLongOptionalTextsCostOnlyThemselves() throws {
        let long = String(repeating: "x", count: 10_001)
        let f = try folder(hue: replacing(provinceFile(), "region: Bắc Trung Bộ", "region: \(long)"))
        let r = load(f)
        XCTAssertEqual(errors(r, f), ["5:9: a text value is 10,001 characters long, more than the 10,000-character limit; it is left out"])
        XCTAssertEqual(r.meeting?.province("thua-thien-hue")?.region, nil)
        XCTAssertEqual(r.meeting?.province("thua-thien-hue")?.name, "Thừa Thiên Huế")

        // An over-long venue leaves the meeting usable (it made the meeting unusable, exit 2).
        let m = try TestFolder([
            "meeting.yaml": sampleMeeting.replacingOccurrences(of: "date: 2019-07-27", with: "date: 2019-07-27\nvenue: \(long)"),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
        let meeting = load(m)
        XCTAssertNotNil(meeting.meeting, "the meeting is still usable")
        XCTAssertEqual(meeting.exitCode, 1)
        XCTAssertNil(meeting.meeting?.venue)
        XCTAssertEqual(meeting.meeting?.province("da-nang")?.isBroken, false)
    }

    func testDeeplyNestedYAML() throws {
        let flow = "format: ciodash/1\nid: thua-thien-hue\nname: Huế\ntopics: " + String(repeating: "[", count: 50_000) + "\n"
        let f1 = try folder(hue: flow)
        assertBroken(load(f1), f1, "4:72: values are nested more than 64 levels deep")

        var block = "format: ciodash/1\nid: thua-thien-hue\nname: Huế\ntopics:\n"
        for depth in 1...100 { block += String(repeating: "  ", count: depth) + "k\(depth):\n" }
        let f2 = try folder(hue: block)
        assertBroken(load(f2), f2, "68:129: values are nested more than 64 levels deep")
    }

    func testBillionLaughs() throws {
        let f = try folder(hue: HostileFiles.billionLaughs)
        assertBroken(load(f), f, "7:45: anchors and aliases expand to more than 10,000 values, so the file is refused")
    }

    /// The last limit: files read from provinces/ (20,000 by default; 3 here, so the test stays small).
    func testProvinceFileCountLimit() throws {
        let f = try folder(hue: provinceFile())
        for id in ["quang-nam", "quang-ngai"] { try f.write("provinces/\(id).yaml", provinceFile(id: id, name: id)) }
        var limits = LoadLimits()
        limits.maxProvinceFiles = 3
        let result = load(f, limits: limits)
        XCTAssertEqual(errors(result, f, "provinces"), ["-:-: provinces/ holds more than 3 files; only the first 3 are read"])
        XCTAssertEqual(result.meeting?.provinces.filter { !$0.notReported }.map(\.id).sorted(), ["da-nang", "quang-nam", "quang-ngai"],
                       "the first three by name are read")
        XCTAssertEqual(result.exitCode, 1)
    }

    // MARK: The file system

    func testSymlinkLoopsInProvinces() throws {
        let f = try folder(hue: provinceFile())
        try FileManager.default.createSymbolicLink(atPath: f.file("provinces/quang-nam.yaml"), withDestinationPath: "quang-ngai.yaml")
        try FileManager.default.createSymbolicLink(atPath: f.file("provinces/quang-ngai.yaml"), withDestinationPath: "quang-nam.yaml")
        try FileManager.default.createSymbolicLink(atPath: f.file("provinces/kon-tum.yaml"), withDestinationPath: "..")
        let result = load(f)
        for id in ["quang-nam", "quang-ngai"] {
            XCTAssertEqual(errors(result, f, "provinces/\(id).yaml"), ["-:-: the file is a symbolic link that loops back on itself"])
            XCTAssertEqual(result.meeting?.province(id)?.isBroken, true)
        }
        XCTAssertEqual(errors(result, f, "provinces/kon-tum.yaml"), ["-:-: this is a folder, not a file"],
                       "a link to the meeting folder itself is not followed into")
        assertOthersLoad(result)
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.isBroken, false)

        // provinces/ itself a loop: the folder-level message, and the agenda still loads.
        let g = try TestFolder(["meeting.yaml": sampleMeeting])
        try FileManager.default.createSymbolicLink(atPath: g.file("provinces"), withDestinationPath: "provinces")
        let loop = load(g)
        XCTAssertEqual(errors(loop, g, "provinces"),
                       ["-:-: the provinces/ folder cannot be read: it is a symbolic link that loops back on itself"])
        XCTAssertNotNil(loop.meeting)
        XCTAssertEqual(loop.exitCode, 1)
    }

    /// Tests run as root, which reads any file whatever its mode; the kernel still refuses root a
    /// write-only sysctl, so a link to one gives a real EACCES through the same open(). The same case
    /// as an ordinary user with a chmod 000 file is in EndToEndTests/CheckHostileTests.
    func testUnreadableFile() throws {
        let writeOnly = "/proc/sys/vm/drop_caches"
        guard open(writeOnly, O_RDONLY) < 0 && errno == EACCES else {
            throw XCTSkip("\(writeOnly) is readable or missing here, so no file refuses reading to this user")
        }
        let f = try folder(hue: [UInt8]())
        try FileManager.default.removeItem(atPath: f.file(Self.hue))
        try FileManager.default.createSymbolicLink(atPath: f.file(Self.hue), withDestinationPath: writeOnly)
        assertBroken(load(f), f, "-:-: the file cannot be read: permission denied")
        XCTAssertEqual(SourceFile.failure(errno: EPERM), .permission, "EPERM reads the same as EACCES")
    }

    func testDirectoryNamedLikeAProvinceFile() throws {
        let f = try folder(hue: provinceFile())
        for name in ["quang-nam.yaml", "quang-ngai.json"] {
            try FileManager.default.createDirectory(atPath: f.file("provinces/" + name), withIntermediateDirectories: true)
        }
        try f.write("provinces/quang-nam.yaml/inner.yaml", provinceFile(id: "inner"))
        let result = load(f)
        XCTAssertEqual(errors(result, f, "provinces/quang-nam.yaml"), ["-:-: this is a folder, not a file"])
        XCTAssertEqual(errors(result, f, "provinces/quang-ngai.json"), ["-:-: this is a folder, not a file"])
        XCTAssertNil(result.meeting?.province("inner"), "folders are not searched")
        assertOthersLoad(result)
    }

    /// Issue 28, class 6: a listed province id is a file name for import and template; one that is a
    /// path ("../../../x") is an error in the loader and never becomes a row (nor a path).
    func testListedProvinceIDsThatArePathsAreErrors() throws {
        let f = try TestFolder([
            "meeting.yaml": replacing(sampleMeeting, "provinces: [thua-thien-hue, da-nang]",
                                      "provinces: [thua-thien-hue, \"../../../x\", \"a/b\", \"..\", \"Huế\", da-nang]"),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
            "provinces/thua-thien-hue.yaml": provinceFile(),
        ])
        let result = load(f)
        XCTAssertEqual(result.exitCode, 1, "a path as a province id fails the check")
        let messages = result.diagnostics.filter { $0.file == f.file("meeting.yaml") && $0.severity == .error }.map(\.message)
        XCTAssertEqual(messages.count, 4, "one error per bad id: \(messages)")
        XCTAssertTrue(messages[0].contains("province id \"../../../x\" in the provinces list may use only lower-case letters"), messages[0])
        XCTAssertEqual(result.meeting?.provinces.map(\.id), ["thua-thien-hue", "da-nang"], "no row for an id that is a path")
    }

    // MARK: metrics.csv

    func testCSVQuotingAndColumnCounts() throws {
        let f = try folder(hue: provinceFile())
        try f.write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                    + "da-nang,smart-city,wifi,\"Wi-Fi, công cộng\",420,,điểm,,\"Sở TT&TT, Đà Nẵng\"\n"   // 2
                    + "da-nang,smart-city,cams,\"Camera\ngiao thông\",35,,,,\"a \"\"b\"\"\"\n"          // 3-4
                    + "da-nang,smart-city,x,X,1,,,\n"                                                    // 5: missing
                    + "da-nang,smart-city,y,Y,1,,,,,extra\n"                                             // 6: extra
                    + "da-nang,smart-city,\"z\n,Z,1,,,,\n")                                              // 7: open quote
        let result = load(f)
        XCTAssertEqual(errors(result, f, "metrics.csv"), [
            "5:-: this row has 8 fields but the header has 9; the row is ignored",
            "6:-: this row has 10 fields but the header has 9; the row is ignored",
            // Issue 16, class 7: the open quote costs its own row, and the next line is read as a row.
            "7:20: this quote is never closed; the row is ignored and reading goes on at the next line",
            "8:-: this row has 7 fields but the header has 9; the row is ignored",
        ])
        let smart = try XCTUnwrap(result.meeting?.province("da-nang")?.topics["smart-city"])
        XCTAssertEqual(smart.metric("wifi")?.label, "Wi-Fi, công cộng")
        XCTAssertEqual(smart.metric("wifi")?.source, "Sở TT&TT, Đà Nẵng")
        XCTAssertEqual(smart.metric("cams")?.label, "Camera\ngiao thông")
        XCTAssertEqual(smart.metric("cams")?.source, "a \"b\"")
        XCTAssertEqual(result.exitCode, 1)
    }

    // MARK: Escape sequences

    /// Every text field of a province file carries a terminal escape (as a YAML escape: a raw ESC
    /// byte is refused by the parser, see testRawEscapeByte): each is named at its place, and the
    /// province still loads, its text kept for the sanitised display.
    func testControlCharactersInEveryProvinceTextField() throws {
        let p = HostileFiles.payloads
        let text = """
            format: ciodash/1
            id: thua-thien-hue
            name: "Huế\(p[0].yaml)"
            code: "46\(p[1].yaml)"
            region: "Bắc\(p[2].yaml)"
            reported: 2019-07-01
            source: "Sở\(p[3].yaml)"
            topics:
              smart-city:
                status: on-track
                summary: "IOC\(p[1].yaml)\\nline 2"
                metrics:
                  - id: ioc-services
                    label: "Dịch vụ\(p[4].yaml)"
                    value: 10
                    unit: "dịch vụ\(p[6].yaml)"
                    source: "Báo\(p[5].yaml)"
                highlights:
                  - "Hue-S\(p[6].yaml)"
                issues:
                  - "ATTT\(p[7].yaml)"
              digital-signatures:
                status: at-risk

            """
        let f = try folder(hue: text)
        let result = load(f)
        let expected: [(Int, Int, Unicode.Scalar)] = [
            (3, 7, p[0].first), (4, 7, p[1].first), (5, 9, p[2].first), (7, 9, p[3].first), (11, 14, p[1].first),
            (14, 16, p[4].first), (16, 15, p[6].first), (17, 17, p[5].first), (19, 9, p[6].first), (21, 9, p[7].first),
        ]
        XCTAssertEqual(errors(result, f), expected.map { "\($0.0):\($0.1): " + LoadMessages.controlInText($0.2).en })
        let hue = try XCTUnwrap(result.meeting?.province("thua-thien-hue"))
        XCTAssertFalse(hue.isBroken)
        XCTAssertEqual(hue.name, "Huế\u{1B}]0;pwned\u{07}", "kept as written; the display sanitises it")
        assertOthersLoad(result)
    }

    func testControlCharactersInEveryMeetingTextField() throws {
        let p = HostileFiles.payloads
        let meeting = """
            format: ciodash/1
            council: "Hội đồng\(p[0].yaml)"
            title: "Phiên họp\(p[1].yaml)"
            date: 2019-07-27
            venue: "Huế\(p[2].yaml)"
            chairs: ["Chủ tịch\(p[3].yaml)"]
            topics:
              - id: smart-city
                title: "Đô thị\(p[6].yaml)"
                title_en: "Smart\(p[4].yaml)"
                headline: ioc-services
              - id: digital-signatures
                title: "Chữ ký số\(p[7].yaml)"

            """
        let f = try folder(hue: provinceFile())
        try f.write("meeting.yaml", meeting)
        let result = load(f)
        let expected: [(Int, Int, Unicode.Scalar)] = [
            (2, 10, p[0].first), (3, 8, p[1].first), (5, 8, p[2].first), (6, 10, p[3].first), (9, 12, p[6].first),
            (10, 15, p[4].first), (13, 12, p[7].first),
        ]
        XCTAssertEqual(errors(result, f, "meeting.yaml"), expected.map { "\($0.0):\($0.1): " + LoadMessages.controlInText($0.2).en })
        XCTAssertEqual(result.meeting?.title, "Phiên họp\u{1B}[2J")
        assertOthersLoad(result)
    }

    func testControlCharactersInJSONAndCSV() throws {
        let f = try folder(hue: provinceFile())
        try f.write("provinces/quang-nam.json", #"{"format": "ciodash/1", "id": "quang-nam", "name": "Quảng Nam\u001b]0;x\u0007", "topics": {}}"#)
        try f.write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                    + "da-nang,smart-city,ioc-services,\"IOC\u{1B}[2J\",5,,\"x\u{9B}\",,\"Báo\u{1B}]0;pwned\u{07}\"\n")
        let result = load(f)
        XCTAssertEqual(errors(result, f, "provinces/quang-nam.json"), ["1:52: " + LoadMessages.controlInText("\u{1B}").en])
        XCTAssertEqual(errors(result, f, "metrics.csv"), [
            "2:33: " + LoadMessages.controlInText("\u{1B}").en,
            "2:46: " + LoadMessages.controlInText("\u{9B}").en,
            "2:52: " + LoadMessages.controlInText("\u{1B}").en,
        ])
        XCTAssertEqual(result.meeting?.province("da-nang")?.topics["smart-city"]?.metric("ioc-services")?.label, "IOC\u{1B}[2J")
        assertOthersLoad(result)
    }

    /// A raw ESC byte (not an escape) is not YAML at all: the parser's own message, with its place.
    func testRawEscapeByte() throws {
        let f = try folder(hue: replacing(provinceFile(), "region: Bắc", "region: \u{1B}]0;pwned\u{07}Bắc"))
        assertBroken(load(f), f, "5:9: the file contains the control character U+001B, which YAML does not allow")
    }

    func testControlMessageShowsTheCharacterAsTheDisplayDoes() {
        XCTAssertEqual(LoadMessages.controlInText("\u{1B}").en,
                       "the text contains the control character U+001B (shown as ^[), which could take over a terminal; remove it")
        XCTAssertEqual(LoadMessages.controlInText("\u{202E}").en,
                       "the text contains the control character U+202E (shown as <U+202E>), which could take over a terminal; remove it")
        XCTAssertNil(TextSanitizer.firstControl(in: "Huế\tĐà Nẵng\r\n"), "tabs and line breaks are layout, not controls")
    }
}
