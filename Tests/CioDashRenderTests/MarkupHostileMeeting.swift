import Foundation
import CioDashCore

/// Tests/Fixtures/markup-hostile: a meeting in which every text field carries every markup payload
/// of `payloads.txt` (tags, event attributes, javascript: links, Markdown links and images, CDATA
/// ends, spreadsheet formulas), loaded by the real loader.
enum MarkupHostileMeeting {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/markup-hostile").path

    static var payloads: [String] {
        get throws {
            try String(contentsOfFile: folder + "/payloads.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    static func load() throws -> Meeting {
        let result = MeetingLoader().load(folder: folder)
        guard let meeting = result.meeting, result.errorCount == 0 else {
            throw NSError(domain: "MarkupHostileMeeting", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "the corpus does not load cleanly: \(result.diagnostics)"])
        }
        return meeting
    }
}
