import Foundation
import XCTest
import ZIPFoundation

/// Word documents in golden files and checks: document.xml one element a line, and a part read
/// back out of a .docx package.
public enum WordGolden {
    /// The XML with a line break after each paragraph, row and table: diffs name the paragraph.
    public static func lines(_ xml: String) -> String {
        xml.replacingOccurrences(of: "</w:p>", with: "</w:p>\n")
            .replacingOccurrences(of: "<w:p/>", with: "<w:p/>\n")
            .replacingOccurrences(of: "<w:tr>", with: "\n<w:tr>")
            .replacingOccurrences(of: "<w:tbl>", with: "\n<w:tbl>") + "\n"
    }

    public static func part(_ path: String, of package: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(package), accessMode: .read)
        let entry = try XCTUnwrap(archive[path], "\(path) is in the package")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
