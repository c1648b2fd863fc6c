import Foundation
import XCTest
import CioDashTestSupport

/// `ciodash check` run as a process: its output lines, summary and exit status.
final class CheckCommandTests: XCTestCase {
    private var fixture: TestFolder!
    private var folder: URL { URL(fileURLWithPath: fixture.path) }

    override func setUpWithError() throws {
        fixture = try TestFolder.oneTopic(prefix: "ciodash-check-")
    }

    override func tearDownWithError() throws {
        fixture.remove()
    }

    private func write(_ relative: String, _ text: String) throws { try fixture.write(relative, text) }

    private func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outcome = try CiodashProcess.run(["check", "--lang", "en"] + arguments)
        return (outcome.status, outcome.output)
    }

    func testCleanFolderExitsZero() throws {
        let (status, output) = try check([folder.path])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(output, "2 provinces loaded, 0 errors, 0 warnings\n")
    }

    func testBrokenProvinceExitsOneAndNamesThePlace() throws {
        try write("provinces/da-nang.yaml", "format: ciodash/1\nid: da-nang\nname: [Đà Nẵng\ntopics: {}\n")
        let (status, output) = try check([folder.path])
        XCTAssertEqual(status, 1)
        let lines = output.split(separator: "\n").map(String.init)
        guard lines.count == 2 else { return XCTFail("expected one problem and the summary:\n" + output) }
        XCTAssertTrue(lines[0].hasPrefix(folder.path + "/provinces/da-nang.yaml:4:7: error: YAML syntax error: "), lines[0])
        XCTAssertEqual(lines.last, "1 province loaded, 1 broken, 1 error, 0 warnings")
    }

    func testUnreadableFolderExitsTwo() throws {
        let missing = folder.appendingPathComponent("nope").path
        let (status, output) = try check([missing])
        XCTAssertEqual(status, 2)
        XCTAssertEqual(output, "\(missing): error: the meeting folder cannot be read: it does not exist\nfolder not read, 1 error\n")
    }

    func testEscapeSequencesFromFilesNeverReachTheTerminal() throws {
        try write("provinces/da-nang.yaml",
                  "format: ciodash/1\nid: da-nang\nname: Đà Nẵng\ntopics:\n  smart-city:\n    status: \"\\e]0;pwned\\a\\e[2J\\x9b\"\n")
        try write("provinces/evil\u{1B}[31m.txt", "x")
        let (status, output) = try check([folder.path])
        XCTAssertEqual(status, 1)
        XCTAssertFalse(output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                       output.debugDescription)
        XCTAssertTrue(output.contains("status \"^[]0;pwned^G^[[2J<9B>\" is not known"), output)
        XCTAssertTrue(output.contains("/provinces/evil^[[31m.txt: warning: "), output)
    }

    func testLimitsCanBeRaised() throws {
        try write("provinces/da-nang.yaml", "format: ciodash/1\nid: da-nang\nname: \(String(repeating: "Đ", count: 200))\ntopics:\n"
                  + "  smart-city:\n    status: on-track\n")
        let (refused, output) = try check([folder.path, "--max-string-length", "100"])
        XCTAssertEqual(refused, 1)
        XCTAssertTrue(output.contains("da-nang.yaml:3:7: error: a text value is 200 characters long, more than the 100-character limit"),
                      output)
        XCTAssertEqual(try check([folder.path, "--max-string-length", "200"]).status, 0)
    }
}
