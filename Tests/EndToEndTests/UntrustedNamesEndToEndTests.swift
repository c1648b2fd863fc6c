import Foundation
import XCTest

/// Issue 16, class 4: file names, paths, arguments and TERM reach the terminal only through the
/// sanitiser, and a file name that is not UTF-8 is reported as such, not as "does not exist".
final class UntrustedNamesEndToEndTests: XCTestCase {
    private var folder: String!
    private static let escape = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-names-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try write("meeting.yaml", """
            format: ciodash/1
            council: Hội đồng
            title: Phiên họp
            date: 2019-07-27
            topics:
              - {id: smart-city, title: ĐTTM, headline: ioc}

            """)
        let id = "kon\(Self.escape)tum"
        try write("provinces/\(id).yaml", "format: ciodash/1\nid: \"kon\\e]0;pwned\\a\\e[2Jtum\"\nname: Kon Tum\ntopics: {}\n")
        try write("provinces/kon-tum-2.yaml", "format: ciodash/1\nid: kon-tum-2\nname: Kon Tum\ntopics: {}\n")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + relative))
    }

    private func assertNoControl(_ outcome: CiodashProcess.Outcome, _ what: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(CiodashProcess.firstControl(in: outcome.stderr), "\(what): stderr \(outcome.errors)", file: file, line: line)
        XCTAssertNil(CiodashProcess.firstControl(in: outcome.stdout), "\(what): stdout", file: file, line: line)
    }

    func testProvinceNamesInResolverMessagesAreSanitised() throws {
        for view in ["province:nosuch", "panel:nosuch/smart-city", "province:kon", "panel:kon/smart-city"] {
            let outcome = try CiodashProcess.run(["snapshot", folder, "--view", view])
            XCTAssertEqual(outcome.status, 2, view)
            assertNoControl(outcome, view)
            XCTAssertTrue(outcome.errors.contains("kon^[]0;pwned^G^[[2Jtum") || outcome.errors.contains("kon-tum-2"),
                          "\(view) names the provinces: \(outcome.errors)")
        }
    }

    func testPathsAndArgumentsInErrorsAreSanitised() throws {
        let path = folder + "/no\(Self.escape)such/out.txt"
        let output = try CiodashProcess.run(["snapshot", folder, "-o", path])
        XCTAssertEqual(output.status, 1)
        assertNoControl(output, "-o")
        XCTAssertTrue(output.errors.contains("no^[]0;pwned^G^[[2Jsuch"), output.errors)

        let badLanguage = try CiodashProcess.run(["--lang", "x\(Self.escape)"])
        XCTAssertEqual(badLanguage.status, 64)
        assertNoControl(badLanguage, "--lang")

        let missing = try CiodashProcess.run(["check", folder + "/nothing\(Self.escape)"])
        XCTAssertEqual(missing.status, 2)
        assertNoControl(missing, "check of a missing folder")
    }

    func testTerminalNameIsSanitised() throws {
        let card = try CiodashProcess.run(["testcard"], environment: ["TERM": "xterm\(Self.escape)"])
        XCTAssertEqual(card.status, 0, card.errors)
        assertNoControl(card, "testcard")
    }

    func testFileNameThatIsNotUTF8IsReportedAsSuch() throws {
        let name = Array((folder + "/provinces/caf").utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                     O_WRONLY | O_CREAT, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        let outcome = try CiodashProcess.run(["check", folder, "--lang", "en"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.output.contains("/provinces/caf<E9>.yaml: error: the file name is not valid UTF-8 text"),
                      outcome.output)
        XCTAssertFalse(outcome.output.contains("does not exist"), outcome.output)

        var argument = Array((folder + "/caf").utf8) + [0xE9]
        argument.append(0)
        // The folder argument itself: refused with its bytes shown.
        let shell = try CiodashProcess.run([], prefix: ["/bin/sh", "-c", "exec \"$0\" check \"$(printf '\(folder!)/caf\\351')\""])
        XCTAssertEqual(shell.status, 64, shell.errors)
        XCTAssertTrue(shell.errors.contains("caf<E9> is not valid UTF-8 text"), shell.errors)
    }
}
