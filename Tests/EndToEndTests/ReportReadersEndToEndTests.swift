import Foundation
import XCTest

/// The report files of `ciodash snapshot` read back by the programs people open them with: the HTML in
/// headless Chromium (DOM, layout, screenshot), the Markdown by a CommonMark parser (markdown-it-py),
/// the CSV by Python's csv module. Each test skips, saying what is missing, only when its reader is
/// not installed; `.ci/run` installs them.
final class ReportReadersEndToEndTests: XCTestCase {
    static let readers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Readers").path
    static let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/markup-hostile").path
    /// The sample's provinces, as the DOM and the tables must hold them.
    static let provinces = ["Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Đà Nẵng",
                            "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận",
                            "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"]
    /// The HTML elements and attributes ciodash writes; anything else came from the data.
    static let htmlElements: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "h1", "ul", "li", "nav",
                                            "label", "input", "small", "p", "main", "section", "h2", "pre", "a", "span", "script",
                                            // the figures' tables under each grid (HTMLReport.appendTables)
                                            "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "h3", "b"]
    static let htmlAttributes: Set<String> = ["lang", "charset", "name", "content", "class", "id", "for", "type", "autocomplete",
                                              "placeholder", "aria-label", "data-k", "href", "style", "hidden", "data-probe"]

    private var scratch: String!

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "ciodash-readers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    // MARK: HTML in Chromium

    func testHTMLDOMHoldsEveryProvinceAndEveryViewIsLinked() throws {
        let chromium = try Self.tool("chromium", install: "apt-get install -y chromium")
        let html = try snapshot(["--view", "all", "--format", "html"], to: "all.html")
        let dom = try readDOM(chromium: chromium, html: html)
        let text = try XCTUnwrap(dom["text"] as? String)
        for province in Self.provinces { XCTAssertTrue(text.contains(province), "the DOM holds \(province)") }
        let hrefs = try XCTUnwrap(dom["hrefs"] as? [String])
        for href in ["#v-overview", "#v-agenda", "#v-topic_3Asmart-city", "#v-panel_3Athua-thien-hue_2Fsmart-city",
                     "#v-province_3Ada-nang"] {
            XCTAssertTrue(hrefs.contains(href), "a link to \(href)")
        }
        let source = try String(contentsOfFile: html, encoding: .utf8)
        for href in Set(hrefs) {
            XCTAssertTrue(source.contains("id=\"\(href.dropFirst())\""), "the link \(href) has its view in the file")
        }
        XCTAssertFalse(source.contains("http://") || source.contains("https://") || source.contains("src="),
                       "no external resource")

        // Printed: A4 pages, each view from a new page (19 provinces × 4 topics + 19 + 4 + agenda + overview = 101).
        let pdf = scratch + "/all.pdf"
        _ = try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                    "--print-to-pdf=" + pdf, "file://" + html])
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let pages = try NSRegularExpression(pattern: #"/Type\s*/Page[^s]"#)
            .numberOfMatches(in: bytes, range: NSRange(bytes.startIndex..., in: bytes))
        XCTAssertGreaterThanOrEqual(pages, 101, "every view starts a printed page")
        XCTAssertLessThan(pages, 2 * 101, "a view is scaled to the page's width, not cut into strips")
        XCTAssertTrue(bytes.contains("/MediaBox [0 0 594.9"), "A4 (595 × 842 points)")
    }

    func testHTMLFromTheInjectionCorpusHasNoForeignElementOrAttribute() throws {
        let chromium = try Self.tool("chromium", install: "apt-get install -y chromium")
        let html = try snapshot([Self.hostile, "--view", "all", "--format", "html"], to: "hostile.html")
        let dom = try readDOM(chromium: chromium, html: html)
        let elements = Set(try XCTUnwrap(dom["elements"] as? [String]))
        let attributes = Set(try XCTUnwrap(dom["attributes"] as? [String]))
        XCTAssertEqual(elements.subtracting(Self.htmlElements), [], "elements from the data in the DOM")
        XCTAssertEqual(attributes.subtracting(Self.htmlAttributes), [], "attributes from the data in the DOM")
        XCTAssertEqual(dom["scripts"] as? Int, 1, "only the program's own script")
        for href in try XCTUnwrap(dom["hrefs"] as? [String]) { XCTAssertTrue(href.hasPrefix("#v-"), "href \(href)") }
        let text = try XCTUnwrap(dom["text"] as? String)
        XCTAssertTrue(text.contains("<script>alert(1)</script>"), "the payload is shown as text")
        XCTAssertTrue(text.contains("<img src=x onerror=alert(2)>"))
    }

    /// The overview's links sit on the rows and columns of the text grid, as the browser lays them out,
    /// and its screenshot is not blank.
    func testOverviewLayoutMatchesTheTextGridAndItsScreenshotIsNotBlank() throws {
        let chromium = try Self.tool("chromium", install: "apt-get install -y chromium")
        let python = try Self.tool("python3", install: "apt-get install -y python3")
        let (html, gridLines, layout) = try overviewLayout(chromium: chromium, arguments: [])
        let links = try XCTUnwrap(layout["links"] as? [[Any]])
        let drawn = try XCTUnwrap(layout["text"] as? String).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        XCTAssertEqual(drawn, gridLines, "the HTML grid holds the text grid's rows, cell for cell")
        XCTAssertEqual(links.count, Self.provinces.count * 5, "a name and four cells per province")
        for province in Self.provinces {
            let row = try XCTUnwrap(gridLines.firstIndex { $0.hasPrefix(province + " ") }, "\(province) in the text")
            let id = try XCTUnwrap(links.first { ($0[0] as? String)?.hasPrefix("#v-province_3A") == true && ($0[1] as? Int) == row },
                                   "a province link drawn on text row \(row) (\(province))")
            XCTAssertEqual(id[2] as? Int, 0, "\(province): the name starts in column 0")
            let cells = links.filter { ($0[0] as? String)?.hasPrefix("#v-panel_3A") == true && ($0[1] as? Int) == row }
            XCTAssertEqual(cells.count, 4, "\(province): four topic cells on its row")
            // The cells start where the text's columns do: the status symbol is one cell in.
            let line = Array(gridLines[row].unicodeScalars)
            for cell in cells {
                let column = try XCTUnwrap(cell[2] as? Int)
                XCTAssertTrue(column + 1 < line.count && "●▲▼○?".unicodeScalars.contains(line[column + 1]),
                              "\(province): a cell at column \(column) holds a status symbol one cell in, as in the text")
            }
        }

        let search = try XCTUnwrap(layout["search"] as? [String: [String]], "the search ran")
        XCTAssertEqual(search["dak lak"], ["Đắk Lắk"], "typed without diacritics")
        XCTAssertEqual(search["hue"], ["Thừa Thiên Huế"])
        XCTAssertEqual(search["chu ky so"], ["4. Triển khai chữ ký số"])
        XCTAssertEqual(search["KHANH HOA"], ["Khánh Hòa"])

        let png = scratch + "/overview.png"
        let shot = try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                           "--window-size=1100,1200", "--screenshot=" + png, "file://" + html])
        XCTAssertTrue(FileManager.default.fileExists(atPath: png), "chromium wrote the screenshot: \(shot.errors)")
        let ink = try Self.json(try Self.run(python, [Self.readers + "/png_ink.py", png]))
        XCTAssertGreaterThan(ink["ink"] as? Double ?? 0, 0.05, "the screenshot is not blank")
        XCTAssertGreaterThan(ink["colours"] as? Int ?? 0, 20, "the theme's colours are drawn")
    }

    /// A wide character takes two cells in the browser too: the cells after a name in Chinese or
    /// Korean start on the same column as in the text grid.
    func testWideCharactersTakeTwoCellsInTheBrowser() throws {
        let chromium = try Self.tool("chromium", install: "apt-get install -y chromium")
        let folder = scratch + "/wide"
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try """
            format: ciodash/1
            council: "Hội đồng CIO"
            title: "Phiên họp"
            date: 2019-07-27
            topics:
              - id: smart-city
                title: "Đô thị thông minh"
                headline: share
            provinces: [tokyo, seoul, hue]

            """.write(toFile: folder + "/meeting.yaml", atomically: true, encoding: .utf8)
        for (id, name) in [("tokyo", "東京都 Tokyo"), ("seoul", "서울 Seoul"), ("hue", "Thừa Thiên Huế")] {
            try """
                format: ciodash/1
                id: \(id)
                name: "\(name)"
                topics:
                  smart-city:
                    status: at-risk
                    metrics:
                      - {id: share, label: "Tỷ lệ", value: 40, target: 60, unit: "%"}

                """.write(toFile: folder + "/provinces/\(id).yaml", atomically: true, encoding: .utf8)
        }
        let (_, gridLines, layout) = try overviewLayout(chromium: chromium, arguments: [folder])
        let links = try XCTUnwrap(layout["links"] as? [[Any]])
        for name in ["東京都 Tokyo", "서울 Seoul", "Thừa Thiên Huế"] {
            let row = try XCTUnwrap(gridLines.firstIndex { $0.hasPrefix(name + " ") }, "\(name) in the text")
            // The status symbol's column in the text, counting a wide character as two cells.
            var column = 0, symbolColumn: Int?
            for scalar in gridLines[row].unicodeScalars {
                if "●▲▼○?".unicodeScalars.contains(scalar) { symbolColumn = column; break }
                column += Self.isWide(scalar) ? 2 : 1
            }
            let cell = try XCTUnwrap(links.first { ($0[0] as? String)?.hasPrefix("#v-panel_3A") == true && ($0[1] as? Int) == row },
                                     "\(name): its cell is linked on row \(row)")
            XCTAssertEqual((cell[2] as? Int).map { $0 + 1 }, symbolColumn, "\(name): the browser puts the cell where the text does")
        }
    }

    /// East Asian wide scalars of the test data (Han, Hangul).
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        (0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value) || (0xFF00...0xFF60).contains(s.value) || s.value >= 0x20000
    }

    /// The whole meeting as HTML at 160 columns, laid out by Chromium with layout-probe.js injected:
    /// the HTML file, the text snapshot's overview grid lines, and what the probe measured.
    private func overviewLayout(chromium: String, arguments: [String]) throws -> (String, [String], [String: Any]) {
        // The whole meeting, so the overview's cells link to panels in the same file.
        // At 160 columns the text cuts nothing either, so the file's grid is the text's, row for row.
        let html = try snapshot(arguments + ["--view", "all", "--format", "html", "--width", "160"], to: "all-\(UUID().uuidString).html")
        let outcome = try CiodashProcess.run(["snapshot"] + arguments + ["--view", "overview", "--width", "160"], environment: Self.epoch)
        var text = outcome.output.components(separatedBy: "\n")
        while text.last == "" { text.removeLast() }
        // The grid starts under the preamble, title and rule of the text snapshot.
        let ruleLine = try XCTUnwrap(text.firstIndex { $0.hasPrefix("────") }, "the text's rule under its title")
        let gridLines = Array(text[(ruleLine + 1)...])
        var source = try String(contentsOfFile: html, encoding: .utf8)
        let probe = try String(contentsOfFile: Self.readers + "/layout-probe.js", encoding: .utf8)
        source = source.replacingOccurrences(of: "</body>", with: "<script>\n" + probe + "</script>\n</body>")
        let probed = scratch + "/probed-\(UUID().uuidString).html"
        try source.write(toFile: probed, atomically: true, encoding: .utf8)
        let dom = try readDOM(chromium: chromium, html: probed)
        return (html, gridLines, try XCTUnwrap(dom["probe"] as? [String: Any], "the probe ran"))
    }

    // MARK: Markdown by markdown-it-py

    func testMarkdownParsesIntoTablesWithOneRowPerProvince() throws {
        let python = try Self.markdownReader()
        let file = try snapshot(["--view", "all", "--format", "markdown"], to: "all.md")
        let parsed = try Self.json(try Self.run(python, [Self.readers + "/read_markdown.py", file]))
        let tables = try XCTUnwrap(parsed["tables"] as? [[String: Any]])
        XCTAssertGreaterThan(tables.count, 19 * 4, "a table per topic, province and panel")
        for table in tables {
            let header = try XCTUnwrap(table["header"] as? [String])
            for row in try XCTUnwrap(table["rows"] as? [[String]]) {
                XCTAssertEqual(row.count, header.count, "every row has the header's cells: \(row)")
            }
        }
        let overview = try XCTUnwrap(tables.first { ($0["header"] as? [String])?.first == "Tỉnh/thành" }, "the overview table")
        let rows = try XCTUnwrap(overview["rows"] as? [[String]])
        XCTAssertEqual(rows.map { $0[0] }, Self.provinces, "one row per province, in display order")
        XCTAssertEqual(rows[5][1], "● đúng tiến độ · 68%* · mục tiêu 75% · +33", "Huế's smart-city cell, read as text")
    }

    func testMarkdownFromTheInjectionCorpusRendersNoMarkup() throws {
        let python = try Self.markdownReader()
        let file = try snapshot([Self.hostile, "--view", "all", "--format", "markdown"], to: "hostile.md")
        let parsed = try Self.json(try Self.run(python, [Self.readers + "/read_markdown.py", file]))
        let html = try XCTUnwrap(parsed["html"] as? String)
        for markup in ["<script", "<img", "<a ", "<b>", "<x:y", "<em>", "<code>", "<del>", "<!--", "<?php", "<![CDATA",
                       "<h1>tiêu", "<ol"] {
            XCTAssertFalse(html.contains(markup), "\(markup) in the rendered Markdown")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload is text")
        for table in try XCTUnwrap(parsed["tables"] as? [[String: Any]]) {
            let header = try XCTUnwrap(table["header"] as? [String])
            for row in try XCTUnwrap(table["rows"] as? [[String]]) {
                XCTAssertEqual(row.count, header.count, "a pipe in the data cannot add a cell")
                XCTAssertTrue(row.allSatisfy { !$0.contains("\n") })
            }
        }
    }

    // MARK: CSV by Python's csv module

    func testCSVReadsBackWithTheRightNumbers() throws {
        let python = try Self.tool("python3", install: "apt-get install -y python3")
        let file = try snapshot(["--view", "overview", "--format", "csv"], to: "overview.csv")
        let parsed = try Self.json(try Self.run(python, [Self.readers + "/read_csv.py", file]))
        XCTAssertEqual(parsed["bom"] as? Bool, true, "UTF-8 with a byte-order mark, for Excel")
        let rows = try XCTUnwrap(parsed["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, Self.provinces.count * 4, "one row per province × topic")
        let hue = try XCTUnwrap(rows.first { $0["province_id"] as? String == "thua-thien-hue" && $0["topic_id"] as? String == "smart-city" })
        XCTAssertEqual(hue["value_number"] as? Double, 68)
        XCTAssertEqual(hue["target_number"] as? Double, 75)
        XCTAssertEqual(hue["previous_number"] as? Double, 35)
        XCTAssertEqual(hue["change_number"] as? Double, 33)
        XCTAssertEqual(hue["value_shown"] as? String, "68%*")
        XCTAssertEqual(hue["status_id"] as? String, "on-track")
        XCTAssertEqual(hue["status"] as? String, "đúng tiến độ")
        XCTAssertEqual(hue["illustrative"] as? String, "true")

        let all = try snapshot(["--view", "all", "--format", "csv", "--lang", "en"], to: "all.csv")
        let every = try XCTUnwrap(try Self.json(try Self.run(python, [Self.readers + "/read_csv.py", all]))["rows"] as? [[String: Any]])
        let score = try XCTUnwrap(every.first { $0["province_id"] as? String == "thua-thien-hue" && $0["metric_id"] as? String == "mic-2017-score" },
                                  "the metrics.csv figure")
        XCTAssertEqual(score["value"] as? String, "0.727", "a dot, as a machine reads it")
        XCTAssertEqual(score["illustrative"] as? String, "false")
        XCTAssertFalse((score["source"] as? String ?? "").isEmpty, "a reported figure names its source")
        let thousands = try XCTUnwrap(every.first { ($0["value_number"] as? Double ?? 0) >= 1000 }, "a figure of four digits")
        XCTAssertFalse((thousands["value"] as? String ?? "").contains(","), "no thousands separator")
    }

    // MARK: helpers

    static let epoch = ["SOURCE_DATE_EPOCH": "1564214400"]

    /// `ciodash snapshot ARGUMENTS -o FILE` in the scratch folder; the file's path.
    private func snapshot(_ arguments: [String], to name: String) throws -> String {
        let path = scratch + "/" + name
        let outcome = try CiodashProcess.run(["snapshot"] + arguments + ["-o", path], environment: Self.epoch)
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        return path
    }

    /// The DOM Chromium builds from a file, read by read_dom.py.
    private func readDOM(chromium: String, html: String) throws -> [String: Any] {
        let python = try Self.tool("python3", install: "apt-get install -y python3")
        let dump = try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + html])
        XCTAssertEqual(dump.status, 0, dump.errors)
        let domFile = scratch + "/dom-" + UUID().uuidString + ".html"
        try Data(dump.stdout).write(to: URL(fileURLWithPath: domFile))
        return try Self.json(try Self.run(python, [Self.readers + "/read_dom.py", domFile]))
    }

    static func markdownReader() throws -> String {
        let python = try tool("python3", install: "apt-get install -y python3")
        if try run(python, ["-c", "import markdown_it"]).status != 0 {
            throw XCTSkip("markdown-it-py is not installed (python3 -m pip install markdown-it-py); .ci/run installs it")
        }
        return python
    }

    /// A program on PATH, or a skip that says how to install it.
    static func tool(_ name: String, install: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("\(name) is not installed (\(install)); .ci/run installs it")
    }

    struct Run { var status: Int32; var stdout: [UInt8]; var errors: String }

    /// Runs a program with output to files (a DOM dump is large), returning both streams.
    static func run(_ program: String, _ arguments: [String]) throws -> Run {
        let dir = NSTemporaryDirectory() + "ciodash-tool-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/out", contents: nil)
        FileManager.default.createFile(atPath: dir + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/err"))
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/out"))),
                   errors: String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/err")), as: UTF8.self))
    }

    static func json(_ run: Run) throws -> [String: Any] {
        guard run.status == 0, let object = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any] else {
            throw NSError(domain: "ReportReaders", code: Int(run.status),
                          userInfo: [NSLocalizedDescriptionKey: "reader failed (\(run.status)): \(run.errors)"])
        }
        return object
    }
}
