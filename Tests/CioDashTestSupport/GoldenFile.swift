import Foundation
import XCTest

/// Golden text files in the `Golden/` folder beside the calling test file: compared byte for byte;
/// rewritten with CIODASH_RECORD_GOLDEN=1. The one golden helper of every test target.
public enum GoldenFile {
    /// The `Golden/` folder beside `file` (a test file at the root of its target).
    public static func folder(beside file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public static func assert(_ text: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = folder(beside: file)
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CIODASH_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(name) in \(folder.path); run with CIODASH_RECORD_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        // Bytes, not String ==: Swift equates NFC and NFD, and a normalisation change must show.
        if Array(data) == Array(text.utf8) { return }
        let expected = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        let actual = text.components(separatedBy: "\n")
        let index = zip(expected, actual).enumerated().first { Array($0.element.0.utf8) != Array($0.element.1.utf8) }?.offset
            ?? min(expected.count, actual.count)
        let want = index < expected.count ? expected[index] : "<end of file>"
        let got = index < actual.count ? actual[index] : "<end of text>"
        XCTFail("\(name) differs at line \(index + 1):\n expected: \(want)\n actual:   \(got)", file: file, line: line)
    }
}
