import Foundation
import XCTest

/// `ciodash check` run as a process: its output lines, summary and exit status.
final class CheckCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-check-" + UUID().uuidString)
        try write("meeting.yaml", """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2019
            date: 2019-07-27
            topics:
              - id: smart-city
                title: Đô thị thông minh

            """)
        for (id, name) in [("da-nang", "Đà Nẵng"), ("thua-thien-hue", "Thừa Thiên Huế")] {
            try write("provinces/\(id).yaml", "format: ciodash/1\nid: \(id)\nname: \(name)\ntopics:\n  smart-city:\n    status: on-track\n")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs the `ciodash` built next to this test bundle (on Linux the bundle is in the products folder).
    private func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let bundle = Bundle(for: Self.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("ciodash") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("ciodash is not built next to the tests (\(bundle.path)); run swift build first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["check"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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
}
