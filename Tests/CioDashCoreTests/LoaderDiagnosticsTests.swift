import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// Each error and warning of the format, checked by its message and place.
final class LoaderDiagnosticsTests: XCTestCase {
    /// Loads the sample agenda with one province file (and any other files) and returns the result.
    private func load(province: String, id: String = "thua-thien-hue", meeting: String = sampleMeeting,
                      extra: [String: String] = [:]) throws -> (TestFolder, LoadResult) {
        var files = extra
        files["meeting.yaml"] = meeting
        files["provinces/\(id).yaml"] = province
        if id != "da-nang" && files["provinces/da-nang.yaml"] == nil {
            files["provinces/da-nang.yaml"] = provinceFile(id: "da-nang", name: "Đà Nẵng")
        }
        let folder = try TestFolder(files)
        return (folder, folder.load())
    }

    private func assertDiagnostic(_ result: LoadResult, _ severity: Diagnostic.Severity, _ file: String,
                                  _ line: Int?, _ column: Int?, _ message: String,
                                  file testFile: StaticString = #filePath, line testLine: UInt = #line) {
        let expected = Diagnostic(severity, file: file, line: line, column: column, message: BilingualText(both: message))
        XCTAssertTrue(result.diagnostics.map(\.description).contains(expected.description),
                      "expected \(expected)\nfound:\n" + result.diagnostics.map(\.description).joined(separator: "\n"),
                      file: testFile, line: testLine)
    }

    private func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.contains(old), "test fixture lacks \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    func testValidFolderHasNoDiagnostics() throws {
        let (_, result) = try load(province: provinceFile())
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.exitCode, 0)
        XCTAssertEqual(result.meeting?.provinces.map(\.id), ["thua-thien-hue", "da-nang"])
    }

    // MARK: Errors

    func testSyntaxErrorBreaksOnlyThatProvince() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "    status: on-track", "    status: [on-track"))
        let path = folder.file("provinces/thua-thien-hue.yaml")
        let syntax = try XCTUnwrap(result.diagnostics.first { $0.file == path })
        XCTAssertEqual(syntax.severity, .error)
        XCTAssertEqual(syntax.line, 11)
        XCTAssertTrue(syntax.message.hasPrefix("YAML syntax error: "), syntax.message)
        let broken = try XCTUnwrap(result.meeting?.province("thua-thien-hue"))
        XCTAssertEqual(broken.brokenReason, "line \(syntax.line!), column \(syntax.column!): \(syntax.message)")
        XCTAssertEqual(broken.name, "thua-thien-hue", "a broken province is named by its file")
        XCTAssertEqual(result.meeting?.province("da-nang")?.isBroken, false)
        XCTAssertEqual(result.meeting?.province("da-nang")?.topics.count, 2)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(result.diagnostics(for: broken), [syntax])
    }

    func testOtherFormatVersion() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "format: ciodash/1", "format: ciodash/2"))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 1, 9,
                         "format is \"ciodash/2\", but this version of ciodash reads only ciodash/1")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.isBroken, true)
    }

    func testMissingFormat() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "format: ciodash/1\n", ""))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 1, 1,
                         "required field \"format\" is missing; the first line should be format: ciodash/1")
    }

    func testMissingRequiredFields() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "name: Thừa Thiên Huế\n", ""))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 1, 1,
                         "required field \"name\" is missing")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.name, "Thừa Thiên Huế", "named by the units catalogue (issue 28, class 18)")

        let (folder2, result2) = try load(province: replacing(provinceFile(), "        value: 10\n", ""))
        assertDiagnostic(result2, .error, folder2.file("provinces/thua-thien-hue.yaml"), 15, 9,
                         "required field \"value\" is missing")
        XCTAssertEqual(result2.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metrics.map(\.id), ["online-share"])
    }

    func testMissingMeetingFields() throws {
        let meeting = replacing(replacing(sampleMeeting, "title: Phiên họp thường kỳ 2019\n", ""), "date: 2019-07-27\n", "")
        let (folder, result) = try load(province: provinceFile(), meeting: meeting)
        assertDiagnostic(result, .error, folder.file("meeting.yaml"), 1, 1, "required field \"title\" is missing")
        assertDiagnostic(result, .error, folder.file("meeting.yaml"), 1, 1, "required field \"date\" is missing")
        XCTAssertNil(result.meeting, "without a date the agenda cannot be used")
    }

    func testIDNotMatchingFileName() throws {
        let (folder, result) = try load(province: provinceFile(id: "hue"), id: "thua-thien-hue")
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 2, 5,
                         "id \"hue\" does not match the file name, which gives \"thua-thien-hue\"; the file name is used")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.name, "Thừa Thiên Huế")
    }

    func testUnknownStatus() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "status: on-track", "status: done"))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 10, 13,
                         "status \"done\" is not known; use one of on-track, at-risk, behind, not-started, unknown")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.status, .unknown)
    }

    func testValueNotANumber() throws {
        let cases: [(String, String)] = [
            ("\"10\"", "value \"10\" is text, not a number; write it without quotes"),
            ("\"1.349\"", "value \"1.349\" is text, not a number; write numbers without quotes and without "
                + "thousands separators (1349 for 1.349 in Vietnamese notation)"),
            ("\"12,5%\"", "value \"12,5%\" is not a number; write the number alone (12.5) and put % in unit"),
            ("0,73", "value \"0,73\" is not a number; use a dot for decimals and no thousands separator (0.73)"),
            ("1,349", "value \"1,349\" is not a number; use a dot for decimals and no thousands separator (1349)"),
            ("mười", "value \"mười\" is not a number"),
            (".nan", "value \".nan\" is not a finite number"),
            ("1e400", "value \"1e400\" is not a finite number"),
            ("[1]", "\"value\" must be a number, not a list"),
        ]
        for (written, message) in cases {
            let (folder, result) = try load(province: replacing(provinceFile(), "value: 10\n", "value: \(written)\n"))
            assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 17, 16, message)
            XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("ioc-services"), nil,
                           "a metric without a number is left out")
        }
    }

    func testDuplicateMetricID() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "id: online-share", "id: ioc-services"))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 20, 13,
                         "metric id \"ioc-services\" appears twice in topic \"smart-city\" (first at line 15); this one is ignored")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metrics.count, 1)
    }

    func testMalformedDates() throws {
        let (folder, result) = try load(province: provinceFile(reported: "2019-7-1"))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 6, 11,
                         "reported \"2019-7-1\" is not a valid date; write it as YYYY-MM-DD, e.g. 2019-07-27")
        let (folder2, result2) = try load(province: provinceFile(),
                                          meeting: replacing(sampleMeeting, "date: 2019-07-27", "date: 2019-02-30"))
        assertDiagnostic(result2, .error, folder2.file("meeting.yaml"), 4, 7,
                         "date \"2019-02-30\" is not a valid date; write it as YYYY-MM-DD, e.g. 2019-07-27")
        XCTAssertNil(result2.meeting)
    }

    func testTopicIDsMustBeWellFormedAndUnique() throws {
        let meeting = replacing(sampleMeeting, "  - id: digital-signatures", "  - id: Smart City\n    title: x\n  - id: smart-city")
        let (folder, result) = try load(province: provinceFile(), meeting: meeting)
        assertDiagnostic(result, .error, folder.file("meeting.yaml"), 15, 9,
                         "topic id \"Smart City\" may use only lower-case letters a-z, digits and hyphens")
        assertDiagnostic(result, .error, folder.file("meeting.yaml"), 17, 9,
                         "topic id \"smart-city\" appears twice in the agenda (first at line 10); this one is ignored")
        XCTAssertEqual(result.meeting?.topics.map(\.id), ["smart-city"])
    }

    func testMeetingFieldFormats() throws {
        var meeting = replacing(sampleMeeting, "start: \"08:00\"", "start: 8h")
        meeting = replacing(meeting, "language: vi", "language: fr")
        meeting = replacing(meeting, "minutes: 20", "minutes: 2.5")
        let (folder, result) = try load(province: provinceFile(), meeting: meeting)
        let path = folder.file("meeting.yaml")
        assertDiagnostic(result, .error, path, 5, 8, "start time \"8h\" must be written HH:MM, e.g. 08:00")
        assertDiagnostic(result, .error, path, 8, 11, "language \"fr\" is not known; use vi or en")
        assertDiagnostic(result, .error, path, 13, 14, "minutes \"2.5\" must be a whole number of minutes, 0 or more")
    }

    func testIllustrativeMustBeBoolean() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "illustrative: true", "illustrative: maybe"))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 25, 23,
                         "illustrative must be true or false, not \"maybe\"")
    }

    func testYAML11BooleansAreAccepted() throws {
        let (_, result) = try load(province: replacing(provinceFile(), "illustrative: true", "illustrative: yes"))
        XCTAssertEqual(result.errorCount, 0)
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.topics["smart-city"]?.metric("online-share")?.illustrative, true)
    }

    func testWrongKindOfValue() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "  smart-city:\n    status", "  smart-city: x\n  other:\n    status"))
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 9, 15,
                         "\"smart-city\" must be a mapping of fields, not a single value")
    }

    func testRootMustBeAMapping() throws {
        let (folder, result) = try load(province: "- just\n- a list\n")
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), 1, 1,
                         "the file must hold a mapping of fields (key: value) at the top level")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.isBroken, true)
    }

    // MARK: Warnings

    func testShareOutsideRange() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "value: 12.5", "value: 120"))
        assertDiagnostic(result, .warning, folder.file("provinces/thua-thien-hue.yaml"), 22, 16,
                         "value 120 lies outside 0–100 although the unit is % (a share)")
        XCTAssertEqual(result.exitCode, 0, "a warning alone does not fail the check")
    }

    func testListedProvinceWithoutFileAndFileNotListed() throws {
        let (folder, result) = try load(province: provinceFile(id: "dak-lak", name: "Đắk Lắk"), id: "dak-lak")
        assertDiagnostic(result, .warning, folder.file("meeting.yaml"), 18, 13,
                         "Thừa Thiên Huế is listed but has no file provinces/thua-thien-hue.yaml or .json (not yet reported)")
        assertDiagnostic(result, .warning, folder.file("provinces/dak-lak.yaml"), nil, nil,
                         "this province is not in the provinces list of the meeting file; it is shown after the listed ones")
        XCTAssertEqual(result.meeting?.provinces.map(\.id), ["thua-thien-hue", "da-nang", "dak-lak"],
                       "the listed province without a file is a not-yet-reported row")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.notReported, true)
    }

    func testNoListMeansNoListingWarnings() throws {
        let meeting = replacing(sampleMeeting, "provinces: [thua-thien-hue, da-nang]\n", "")
        let (_, result) = try load(province: provinceFile(), meeting: meeting)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.meeting?.provinces.map(\.id), ["da-nang", "thua-thien-hue"], "Đà Nẵng sorts before Thừa Thiên Huế")
    }

    func testProvinceNotReportingOnAgendaTopic() throws {
        let text = provinceFile()
        let cut = try XCTUnwrap(text.range(of: "  digital-signatures:"))
        let (folder, result) = try load(province: String(text[..<cut.lowerBound]))
        assertDiagnostic(result, .warning, folder.file("provinces/thua-thien-hue.yaml"), 8, 1,
                         "the province reports nothing on agenda topic \"digital-signatures\"")
    }

    func testTopicNotOnAgenda() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "  digital-signatures:", "  digital-signature:"))
        assertDiagnostic(result, .warning, folder.file("provinces/thua-thien-hue.yaml"), 30, 3,
                         "topic \"digital-signature\" is not on the meeting's agenda and is not shown")
    }

    func testStaleReport() throws {
        let (folder, result) = try load(province: provinceFile(reported: "2019-05-27"))
        assertDiagnostic(result, .warning, folder.file("provinces/thua-thien-hue.yaml"), 6, 11,
                         "the report is dated 2019-05-27, 61 days before the meeting (more than 60)")
        let (_, fresh) = try load(province: provinceFile(reported: "2019-05-28"))
        XCTAssertEqual(fresh.diagnostics, [], "60 days before is still fresh")
    }

    func testUnknownKeySuggestsTheKnownOne() throws {
        let (folder, result) = try load(province: replacing(provinceFile(), "    status: on-track", "    staus: on-track"))
        let path = folder.file("provinces/thua-thien-hue.yaml")
        assertDiagnostic(result, .warning, path, 10, 5, "unknown key \"staus\" is ignored; did you mean \"status\"?")
        assertDiagnostic(result, .error, path, 10, 5, "required field \"status\" is missing")
        let (folder2, result2) = try load(province: replacing(provinceFile(), "region:", "colour:"))
        assertDiagnostic(result2, .warning, folder2.file("provinces/thua-thien-hue.yaml"), 5, 1,
                         "unknown key \"colour\" is ignored")
    }

    // MARK: Folder-level

    func testUnreadableFolderExitsTwo() {
        let result = MeetingLoader().load(folder: "/nonexistent/ciodash-folder")
        XCTAssertTrue(result.folderUnreadable)
        XCTAssertEqual(result.exitCode, 2)
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["/nonexistent/ciodash-folder: error: the meeting folder cannot be read: it does not exist"])
    }

    func testMissingMeetingFile() throws {
        let folder = try TestFolder(["provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng")])
        let result = folder.load()
        XCTAssertNil(result.meeting)
        XCTAssertFalse(result.folderUnreadable)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(result.diagnostics.first?.message, "the folder has no meeting.yaml, meeting.yml or meeting.json, so there is no agenda")
    }

    func testFileSizeLimit() throws {
        var limits = LoadLimits()
        limits.maxFileSize = 1 << 20
        let big = provinceFile() + "# " + String(repeating: "x", count: 2 << 20) + "\n"
        let (folder, _) = try load(province: big)
        let result = folder.load(limits: limits)
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.yaml"), nil, nil,
                         "the file is 2.0 MiB, more than the 1.0 MiB limit, so it is not read")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.brokenReason,
                       "the file is 2.0 MiB, more than the 1.0 MiB limit, so it is not read")
        XCTAssertEqual(result.meeting?.province("da-nang")?.isBroken, false)
    }

    func testFolderWhereAFileIsExpectedAndStrayFiles() throws {
        let (folder, _) = try load(province: provinceFile())
        try FileManager.default.createDirectory(atPath: folder.file("provinces/quang-nam.yaml"), withIntermediateDirectories: true)
        try folder.write("provinces/notes.txt", "x")
        try folder.write("provinces/.DS_Store", "x")
        let result = folder.load()
        assertDiagnostic(result, .error, folder.file("provinces/quang-nam.yaml"), nil, nil, "this is a folder, not a file")
        assertDiagnostic(result, .warning, folder.file("provinces/notes.txt"), nil, nil,
                         "this is not a .yaml or .json file and is ignored")
        XCTAssertFalse(result.diagnostics.contains { $0.file.hasSuffix(".DS_Store") })
        XCTAssertEqual(result.meeting?.province("quang-nam")?.brokenReason, "this is a folder, not a file")
    }

    func testSymlinkLoopIsReported() throws {
        let (folder, _) = try load(province: provinceFile())
        try FileManager.default.createSymbolicLink(atPath: folder.file("provinces/loop.yaml"),
                                                   withDestinationPath: folder.file("provinces/loop.yaml"))
        let result = folder.load()
        assertDiagnostic(result, .error, folder.file("provinces/loop.yaml"), nil, nil,
                         "the file is a symbolic link that loops back on itself")
    }

    func testSameProvinceAsYAMLAndJSON() throws {
        let (folder, _) = try load(province: provinceFile())
        try folder.write("provinces/thua-thien-hue.json", ProvinceVariantsTests.json)
        let result = folder.load()
        assertDiagnostic(result, .error, folder.file("provinces/thua-thien-hue.json"), nil, nil,
                         "this province also has the file provinces/thua-thien-hue.yaml, which is used instead; remove one of them")
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.file, "provinces/thua-thien-hue.yaml")
    }

    func testDiagnosticsAreSortedByFileThenLine() throws {
        var text = replacing(provinceFile(), "status: on-track", "status: done")
        text = replacing(text, "region:", "regio:")
        let (_, result) = try load(province: text, extra: ["provinces/an-giang.yaml": "a: [\n"])
        let keys = result.diagnostics.map { ($0.file, $0.line ?? 0) }
        XCTAssertEqual(keys.count, 4, "status, unknown key, syntax error, an-giang not listed")
        for (a, b) in zip(keys, keys.dropFirst()) {
            XCTAssertTrue(a.0 < b.0 || (a.0 == b.0 && a.1 <= b.1), "\(a) before \(b)")
        }
    }

    func testProvinceOrderIsListThenVietnameseName() throws {
        let meeting = replacing(sampleMeeting, "provinces: [thua-thien-hue, da-nang]", "provinces: [thua-thien-hue]")
        let (folder, _) = try load(province: provinceFile(), meeting: meeting)
        for (id, name) in [("dak-lak", "Đắk Lắk"), ("dak-nong", "Đắk Nông"), ("binh-dinh", "Bình Định"),
                           ("gia-lai", "Gia Lai"), ("lam-dong", "Lâm Đồng")] {
            try folder.write("provinces/\(id).yaml", provinceFile(id: id, name: name))
        }
        let ids = folder.load().meeting?.provinces.map(\.id)
        XCTAssertEqual(ids, ["thua-thien-hue", "binh-dinh", "da-nang", "dak-lak", "dak-nong", "gia-lai", "lam-dong"])
    }

    func testLoadingIsDeterministic() throws {
        let (folder, first) = try load(province: replacing(provinceFile(), "status: on-track", "status: done"))
        for i in 0..<12 { try folder.write("provinces/p\(i).yaml", i % 3 == 0 ? "x: [" : provinceFile(id: "p\(i)", name: "P\(i)")) }
        let a = folder.load()
        for _ in 0..<5 {
            let b = folder.load()
            XCTAssertEqual(a.diagnostics, b.diagnostics)
            XCTAssertEqual(a.meeting, b.meeting)
        }
        XCTAssertGreaterThan(a.diagnostics.count, first.diagnostics.count)
    }

    /// A file named like its province ("Thừa Thiên Huế.yaml") is one error naming the file it should be,
    /// and is read under that id meanwhile: no id mismatch, no listed province missing, none unlisted.
    func testAFileNamedWithDiacriticsOrSpacesIsOneMessage() throws {
        let folder = try TestFolder(["meeting.yaml": sampleMeeting,
                                     "provinces/Thừa Thiên Huế.yaml": provinceFile(id: "thua-thien-hue", name: "Thừa Thiên Huế"),
                                     "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng")])
        let result = folder.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [
            folder.file("provinces/Thừa Thiên Huế.yaml") + ": error: the file name \"Thừa Thiên Huế.yaml\" is not a province id "
                + "(lower-case letters without diacritics, digits and hyphens); rename it to thua-thien-hue.yaml "
                + "(read as province thua-thien-hue until then)",
        ])
        XCTAssertEqual(result.diagnostics.first?.text.vi.contains("hãy đổi tên thành thua-thien-hue.yaml"), true)
        XCTAssertEqual(result.meeting?.province("thua-thien-hue")?.name, "Thừa Thiên Huế")
        XCTAssertEqual(ScalarText.suggestedIdentifier(forFileName: "Dak_Lak"), "dak-lak")
        XCTAssertEqual(ScalarText.suggestedIdentifier(forFileName: "ĐẮK NÔNG"), "dak-nong")
        XCTAssertNil(ScalarText.suggestedIdentifier(forFileName: "da-nang"), "already an id")
        XCTAssertNil(ScalarText.suggestedIdentifier(forFileName: "x\u{1B}[2J"), "a control character is another message's business")
    }
}
