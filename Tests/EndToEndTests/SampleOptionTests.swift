import Foundation
import XCTest

/// `--sample NAME` opens a bundled sample from any folder, and refuses a folder beside it.
final class SampleOptionTests: XCTestCase {
    func testCheckOnEachSampleIsCleanFromAnyFolder() throws {
        let expected = ["council-2026": 11, "hue-2019": 19, "gia-lai-2018": 19]
        for (name, provinces) in expected {
            let outcome = try CiodashProcess.run(["check", "--sample", name, "--lang", "en"], in: NSTemporaryDirectory())
            XCTAssertEqual(outcome.status, 0, "\(name): \(outcome.output)\(outcome.errors)")
            XCTAssertEqual(outcome.output, "\(provinces) provinces loaded, 0 errors, 0 warnings\n", name)
        }
    }

    func testSnapshotOfTheSampleShowsThe2026Meeting() throws {
        let outcome = try CiodashProcess.run(["snapshot", "--sample", "council-2026", "--view", "agenda", "--width", "100"],
                                             in: NSTemporaryDirectory(), environment: ["SOURCE_DATE_EPOCH": "1784880000"])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        XCTAssertTrue(outcome.output.contains("Phiên họp: 24/07/2026"), outcome.output)
        XCTAssertTrue(outcome.output.contains("Định danh điện tử, Đề án 06 (VNeID)"), outcome.output)
    }

    func testNoFolderStillOpensHue2019() throws {
        let outcome = try CiodashProcess.run(["check", "--lang", "en"], in: NSTemporaryDirectory())
        XCTAssertEqual(outcome.output, "19 provinces loaded, 0 errors, 0 warnings\n")
    }

    func testSampleAndFolderTogetherAreRefused() throws {
        let outcome = try CiodashProcess.run(["check", NSTemporaryDirectory(), "--sample", "hue-2019"])
        XCTAssertEqual(outcome.status, 64, "a usage error")
        XCTAssertTrue(outcome.errors.contains("--sample and a meeting folder cannot be used together"), outcome.errors)
        XCTAssertTrue(outcome.errors.contains("không dùng cùng lúc"), outcome.errors)
        XCTAssertEqual(outcome.output, "")
    }

    func testUnknownSampleIsRefusedWithTheNames() throws {
        let outcome = try CiodashProcess.run(["check", "--sample", "hue-2020"])
        XCTAssertEqual(outcome.status, 64, "a usage error")
        XCTAssertTrue(outcome.errors.contains("No sample meeting named \"hue-2020\"; the samples are: council-2026, hue-2019, gia-lai-2018"),
                      outcome.errors)
    }
}
