import Foundation
import XCTest

/// Issue 16, class 3: a size from the environment or the command line cannot make ciodash allocate
/// without bound (COLUMNS=10000000 took 12 s and 3.9 GB; 99999999 aborted on a 4.8 GB allocation).
final class EnvironmentSizeEndToEndTests: XCTestCase {
    func testHugeColumnsPrintTheWidestAllowedText() throws {
        for columns in ["10000000", "99999999", "99999999999999999999999"] {
            let outcome = try CiodashProcess.run([], environment: ["COLUMNS": columns])
            XCTAssertEqual(outcome.status, 0, outcome.errors)
            XCTAssertLessThan(outcome.seconds, 5, "COLUMNS=\(columns) took \(outcome.seconds) s")
            let widest = outcome.outputLines.map { $0.unicodeScalars.count }.max() ?? 0
            XCTAssertEqual(widest, 1000, "the rule under the heading is 1000 columns wide")
            XCTAssertTrue(outcome.errors.contains("is outside 20–1000; the text is 1000 columns wide"), outcome.errors)
        }
    }

    func testOutOfRangeOptionsAreRefused() throws {
        let cases: [([String], String)] = [
            (["--width", "10000000"], "--width must be between 20 and 1000"),
            (["check", "--max-file-size", "99999999999999"], "--max-file-size must be between 1 and"),
            (["check", "--max-file-size", "0"], "--max-file-size must be between 1 and"),
            (["check", "--max-string-length", "0"], "--max-string-length must be between 1 and"),
        ]
        for (arguments, message) in cases {
            let outcome = try CiodashProcess.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.errors)")
            XCTAssertTrue(outcome.errors.contains(message), "\(arguments): \(outcome.errors)")
        }
    }
}
