import Foundation
import XCTest

/// Golden text files in `Golden/`: compared byte for byte; rewritten with CIODASH_RECORD_GOLDEN=1.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func assert(_ text: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CIODASH_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(name); run with CIODASH_RECORD_GOLDEN=1 to create it", file: file, line: line)
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
