import CioDashCore
import Foundation
import Glibc
import XCTest
import CioDashTestSupport

/// `ciodash check` on the bad-input corpus, as a process: exit status, one line per problem in the
/// `path:line:col: error: message` format, limits raised by the options, and no control byte from the
/// files in what it prints.
final class CheckHostileTests: XCTestCase {
    private var fixture: TestFolder!
    private var folder: String { fixture.path }

    override func setUpWithError() throws {
        fixture = try TestFolder.oneTopic(prefix: "ciodash-hostile-check-")
    }

    override func tearDownWithError() throws {
        fixture.remove()
    }

    private func province(id: String, name: String) -> String { TestFolder.oneTopicProvince(id: id, name: name) }

    private func write(_ relative: String, _ text: String) throws { try fixture.write(relative, text) }

    private func write(_ relative: String, bytes: [UInt8]) throws { try fixture.write(relative, bytes: bytes) }

    /// A valid province file padded with comment lines to `size` bytes, written 1 MiB at a time.
    private func writeLarge(_ relative: String, id: String, size: Int) throws {
        let path = folder + "/" + relative
        FileManager.default.createFile(atPath: path, contents: Data(province(id: id, name: "Quảng Nam").utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        let line = Data(("# " + String(repeating: "x", count: 61) + "\n").utf8)
        var chunk = Data()
        while chunk.count + line.count <= 1 << 20 { chunk += line }
        var written = Int(try handle.offset())
        while written < size {
            let part = chunk.prefix(size - written)
            try handle.write(contentsOf: part)
            written += part.count
        }
    }

    private func check(_ extra: [String] = [], prefix: [String] = [],
                       file: StaticString = #filePath, line: UInt = #line) throws -> CiodashProcess.Outcome {
        let outcome = try CiodashProcess.run(["check", folder, "--lang", "en"] + extra, prefix: prefix)
        XCTAssertLessThan(outcome.seconds, 5, "check took \(outcome.seconds) s", file: file, line: line)
        return outcome
    }

    func testEachBrokenFileIsOneLineWithItsPlace() throws {
        var laughs = "format: ciodash/1\nid: laughs\nname: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { laughs += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try write("provinces/empty.yaml", "")
        try write("provinces/bom.yaml", bytes: [0xEF, 0xBB, 0xBF])
        try write("provinces/utf16.yaml", bytes: Array(province(id: "utf16", name: "Huế").data(using: .utf16LittleEndian)!))
        try write("provinces/latin1.yaml", bytes: Array("name: Hu".utf8) + [0xEA, 0x0A])
        try write("provinces/tab.yaml", "format: ciodash/1\ntopics:\n\tsmart-city: {}\n")
        try write("provinces/truncated.yaml", "format: ciodash/1\nname: \"Quảng")
        try write("provinces/laughs.yaml", laughs)
        try write("provinces/deep.yaml", "topics: " + String(repeating: "[", count: 100_000))
        // Over-long text costs the field, not the file (issue 16, class 11): "long" loads, named by its id.
        try write("provinces/long.yaml", "format: ciodash/1\nid: long\nname: \(String(repeating: "Ế", count: 10_001))\n"
                  + "topics: {smart-city: {status: on-track}}\n")
        try FileManager.default.createDirectory(atPath: folder + "/provinces/folder.yaml", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/provinces/loop.yaml", withDestinationPath: "loop.yaml")

        let outcome = try check()
        XCTAssertEqual(outcome.status, 1)
        let p = folder + "/provinces/"
        XCTAssertEqual(outcome.outputLines, [
            p + "bom.yaml: error: the file is empty",
            p + "deep.yaml:1:72: error: values are nested more than 64 levels deep",
            p + "empty.yaml: error: the file is empty",
            p + "folder.yaml: error: this is a folder, not a file",
            p + "latin1.yaml:1:9: error: the file is not valid UTF-8 text (byte 0xEA); save it as UTF-8",
            p + "laughs.yaml:7:45: error: anchors and aliases expand to more than 10,000 values, so the file is refused",
            p + "long.yaml:3:7: error: a text value is 10,001 characters long, more than the 10,000-character limit; it is left out",
            p + "loop.yaml: error: the file is a symbolic link that loops back on itself",
            p + "tab.yaml:3:1: error: a tab is used for indentation here; YAML allows only spaces",
            p + "truncated.yaml:2:13: error: YAML syntax error: found unexpected end of stream "
                + "(while scanning a quoted scalar that starts at line 2)",
            p + "utf16.yaml:1:2: error: the file contains a NUL byte, so it is not text (perhaps a binary or UTF-16 file)",
            "3 provinces loaded, 10 broken, 11 errors, 0 warnings",
        ])
        XCTAssertEqual(outcome.errors, "")
    }

    func testFileSizeLimitRefusesBeforeReadingAndCanBeRaised() throws {
        try writeLarge("provinces/quang-nam.yaml", id: "quang-nam", size: 9 << 20)
        let refused = try check()
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.outputLines.first,
                       folder + "/provinces/quang-nam.yaml: error: the file is 9.0 MiB, more than the 8.0 MiB limit, so it is not read")
        let raised = try check(["--max-file-size", "10000000"])
        XCTAssertEqual(raised.outputLines, ["3 provinces loaded, 0 errors, 0 warnings"])
        XCTAssertEqual(raised.status, 0)

        try writeLarge("provinces/quang-nam.yaml", id: "quang-nam", size: 50 << 20)
        let huge = try check()
        XCTAssertEqual(huge.outputLines.first,
                       folder + "/provinces/quang-nam.yaml: error: the file is 50.0 MiB, more than the 8.0 MiB limit, so it is not read")
        XCTAssertLessThan(huge.seconds, 2, "refused by its size, not read")
    }

    func testStringLengthLimitAtItsDefaultAndRaised() throws {
        try write("provinces/da-nang.yaml", province(id: "da-nang", name: String(repeating: "Đ", count: 10_000)))
        XCTAssertEqual(try check().status, 0, "10,000 characters are allowed")
        try write("provinces/da-nang.yaml", province(id: "da-nang", name: String(repeating: "Đ", count: 10_001)))
        let refused = try check()
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.outputLines.first,
                       folder + "/provinces/da-nang.yaml:3:7: error: a text value is 10,001 characters long, more than the 10,000-character limit; it is left out")
        XCTAssertEqual(try check(["--max-string-length", "10001"]).status, 0)
    }

    /// Root reads a chmod 000 file anyway, so the check runs as `nobody` through setpriv.
    func testUnreadableFileAsAnOrdinaryUser() throws {
        var prefix: [String] = []
        if getuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            guard FileManager.default.isExecutableFile(atPath: setpriv) else {
                throw XCTSkip("running as root without setpriv: a chmod 000 file would still be readable")
            }
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        try write("provinces/quang-nam.yaml", province(id: "quang-nam", name: "Quảng Nam"))
        XCTAssertEqual(chmod(folder + "/provinces/quang-nam.yaml", 0), 0)
        let outcome = try check(prefix: prefix)
        XCTAssertEqual(outcome.errors, "")
        XCTAssertEqual(outcome.outputLines, [
            folder + "/provinces/quang-nam.yaml: error: the file cannot be read: permission denied",
            "2 provinces loaded, 1 broken, 1 error, 0 warnings",
        ])
        XCTAssertEqual(outcome.status, 1)
    }

    func testMessagesQuotingFileTextShowEscapesAsText() throws {
        try write("provinces/da-nang.yaml", """
            format: ciodash/1
            id: "da-nang\\e]0;pwned\\a"
            name: Đà Nẵng
            "\\e[2Jkey": 1
            topics:
              smart-city:
                status: "\\x9bon-track\\u202E"

            """)
        try write("provinces/kon-tum.yaml", "format: \"ciodash/2\\e[?1049h\"\nid: kon-tum\nname: Kon Tum\ntopics: {}\n")
        try write("provinces/evil\u{1B}]0;pwned\u{07}.txt", "x")
        try write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                  + "\u{1B}[2Jnowhere,smart-city,x,X\u{7F},1,,,,\n")
        let outcome = try check()
        XCTAssertEqual(outcome.status, 1)
        XCTAssertNil(CiodashProcess.firstControl(in: outcome.stdout), outcome.output.debugDescription)
        XCTAssertEqual(outcome.errors, "")
        for shown in [
            "id \"da-nang^[]0;pwned^G\" does not match the file name",
            "unknown key \"^[[2Jkey\" is ignored",
            "status \"<9B>on-track<U+202E>\" is not known",
            "format is \"ciodash/2^[[?1049h\", but this version",
            "/provinces/evil^[]0;pwned^G.txt: warning: ",
            "province \"^[[2Jnowhere\" has no file in provinces/",
            "metrics.csv:2:26: error: the text contains the control character U+007F (shown as ^?)",
        ] {
            XCTAssertTrue(outcome.output.contains(shown), "expected \(shown) in:\n\(outcome.output)")
        }
    }

    func testSnapshotOfEscapesCarriesNoControlByte() throws {
        try write("provinces/da-nang.yaml", """
            format: ciodash/1
            id: da-nang
            name: "Đà Nẵng\\e]0;pwned\\a"
            topics:
              smart-city:
                status: on-track
                summary: "IOC\\e[2J\\x9b\\x7f\\u202E"

            """)
        // Each format shows the sanitised text escaped its own way (CSV has no summaries).
        let shown: [(format: String, name: String, summary: String?)] = [
            ("text", "Đà Nẵng^[]0;pwned^G", "IOC^[[2J<9B>^?<U+202E>"),
            ("markdown", #"Đà Nẵng^\[\]0;pwned^G"#, #"IOC^\[\[2J\<9B\>^?\<U+202E\>"#),
            ("html", "Đà Nẵng^[]0;pwned^G", "IOC^[[2J&lt;9B&gt;^?&lt;U+202E&gt;"),
            ("csv", "Đà Nẵng^[]0;pwned^G", nil),
        ]
        for (format, name, summary) in shown {
            let outcome = try CiodashProcess.run(["snapshot", folder, "--view", "all", "--format", format])
            XCTAssertEqual(outcome.status, 0, outcome.errors)
            XCTAssertNil(CiodashProcess.firstControl(in: outcome.stdout.filter { $0 != 0x0D }), format)
            XCTAssertTrue(outcome.output.contains(name), format)
            if let summary { XCTAssertTrue(outcome.output.contains(summary), format) }
            XCTAssertEqual(outcome.errors, "ciodash: 2 problem(s) in \(folder); run 'ciodash check' for details\n")
        }
    }

    /// Issue 28, class 15: a noncharacter in a status text (`\uFFFE` in YAML) passed `check` and made
    /// every SVG showing it invalid XML. Now `check` warns, like it does for other invisibles, and every
    /// report shows it as `<U+FFFE>`: the SVG parses as XML (read by Python's XML parser) and the HTML
    /// holds no noncharacter or C0 control.
    func testNoncharactersAreWarnedAboutAndEveryReportStaysValid() throws {
        try write("provinces/da-nang.yaml", """
            format: ciodash/1
            id: da-nang
            name: "Đà Nẵng\\uFFFF"
            topics:
              smart-city:
                status: on-track
                summary: "IOC\\uFFFE\\uFDD0\\uFDEF\\U0001FFFE\\U0010FFFF hết"

            """)
        let outcome = try check()
        XCTAssertEqual(outcome.status, 0, outcome.output)
        for shown in [
            "provinces/da-nang.yaml:3:7: warning: the text contains the noncharacter U+FFFF (shown as \"<U+FFFF>\")",
            "provinces/da-nang.yaml:7:14: warning: the text contains the noncharacter U+FFFE (shown as \"<U+FFFE>\")",
        ] {
            XCTAssertTrue(outcome.output.contains(shown), "expected \(shown) in:\n\(outcome.output)")
        }
        let python = try TmuxHarness.requireTool("python3")
        for view in ["province:da-nang", "panel:da-nang/smart-city", "overview", "status"] {
            let svg = try CiodashProcess.run(["snapshot", folder, "--view", view, "--format", "svg", "-o", folder + "/v.svg", "--force"])
            XCTAssertEqual(svg.status, 0, svg.errors)
            let parsed = try TmuxHarness.output(of: python, ["-c", "import sys, xml.etree.ElementTree as E; "
                + "t = ''.join(E.parse(sys.argv[1]).getroot().itertext()); print('<U+FFFE>' in t, '<U+FFFF>' in t)", folder + "/v.svg"])
            XCTAssertEqual(parsed.status, 0, "\(view): the SVG is not well-formed XML: \(parsed.error)")
            if view.hasPrefix("panel") { XCTAssertEqual(parsed.output, "True True\n", view) }
        }
        let html = try CiodashProcess.run(["snapshot", folder, "--view", "all", "--format", "html"])
        XCTAssertEqual(html.status, 0, html.errors)
        let text = String(decoding: html.stdout, as: UTF8.self)
        XCTAssertTrue(text.contains("IOC&lt;U+FFFE&gt;&lt;U+FDD0&gt;&lt;U+FDEF&gt;&lt;U+1FFFE&gt;&lt;U+10FFFF&gt; hết"), "the summary, shown")
        XCTAssertNil(text.unicodeScalars.first { !TextSanitizer.isXMLText($0) }, "a character XML forbids in the HTML")
    }

    /// Issue 28, class 18: `ciodash status` showed "● đã nhận" for a hard link to meeting.yaml (no
    /// `id`, no `name`) and counted it received. Now it is a named row "with errors", not counted.
    func testTheBoardShowsAFileWithErrorsAsNotReceived() throws {
        try FileManager.default.removeItem(atPath: folder + "/provinces/da-nang.yaml")
        XCTAssertEqual(link(folder + "/meeting.yaml", folder + "/provinces/da-nang.yaml"), 0)
        for (language, header, row) in [("vi", "Đã nhận 1/2 báo cáo; 1 có lỗi; 0 chưa báo cáo", "◐ có lỗi"),
                                         ("en", "1 of 2 reports received; 1 with errors; 0 not yet reported", "◐ has errors")] {
            let outcome = try CiodashProcess.run(["status", folder, "--lang", language])
            XCTAssertEqual(outcome.status, 0, outcome.errors)
            XCTAssertTrue(outcome.output.contains(header), outcome.output)
            let line = try XCTUnwrap(outcome.output.split(separator: "\n").first { $0.hasPrefix("Đà Nẵng") }, outcome.output)
            XCTAssertTrue(line.contains(row), String(line))
            XCTAssertFalse(outcome.output.contains("da-nang "), "named, not shown by its id")
        }
    }

    /// Issue 28, class 1, through the loader and the real binary: a "%" figure with a target of 1e20
    /// passed `check` with a warning and then trapped every view that drew its bar (exit 132). The
    /// 108 value/target combinations, as a share and as a count, are drawn by every view and format.
    func testEveryValueAndTargetALoaderTakesIsDrawn() throws {
        let values = ["0", "1", "50", "100", "101", "1e15", "1e20", "9.3e18", "1e308", "1.7976931348623157e308", "5e-324", "-1e20"]
        let targets = [nil, "0", "100", "1e15", "1e20", "9.3e18", "1e308", "5e-324", "-1e300"]
        var metrics = ""
        var n = 0
        for unit in ["\"%\"", "người"] {
            for value in values {
                for target in targets {
                    metrics += "      - id: m\(n)\n        label: Chỉ số \(n)\n        value: \(value)\n        unit: \(unit)\n"
                        + (target.map { "        target: \($0)\n" } ?? "")
                    n += 1
                }
            }
        }
        XCTAssertEqual(n, 216)
        try write("provinces/da-nang.yaml", "format: ciodash/1\nid: da-nang\nname: Đà Nẵng\ntopics:\n  smart-city:\n"
                  + "    status: on-track\n    metrics:\n" + metrics)
        let checked = try check()
        // The only errors are the 24 negative targets (ignored); shares past 100 are warnings.
        XCTAssertEqual(checked.status, 1)
        XCTAssertTrue(checked.output.contains("2 provinces loaded, 24 errors,"), String(checked.output.suffix(400)))
        XCTAssertTrue(checked.output.contains("target 1e+20 lies outside 0–100 although the unit is % (a share)"), String(checked.output.suffix(400)))
        for format in ["text", "html"] {
            let outcome = try CiodashProcess.run(["snapshot", folder, "--view", "all", "--format", format, "--width", "120"])
            XCTAssertEqual(outcome.status, 0, "\(format): \(outcome.errors)")
            XCTAssertTrue(outcome.output.contains("Chỉ số 215"), format)
        }
        let svg = try CiodashProcess.run(["snapshot", folder, "--view", "panel:da-nang/smart-city", "--format", "svg"])
        XCTAssertEqual(svg.status, 0, svg.errors)
    }
}
