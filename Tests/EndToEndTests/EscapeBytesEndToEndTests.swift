import Foundation
import XCTest

/// The bytes the dashboard sends to a real terminal (recorded from the tmux pane) never carry an
/// escape sequence from the data, while the screen shows it as text. CioDashRenderTests'
/// EscapeSafetyTests prove the same for every field and view at the grid level.
final class EscapeBytesEndToEndTests: XCTestCase {
    private var harness: TmuxHarness?
    private var folder: String!

    /// OSC title, CSI clear, C1 CSI, DEL, bidi override, OSC 8 hyperlink: YAML escapes.
    private static let payload = #"\e]0;pwned\a\e[2J\x9b31m\x7f\u202EX\e]8;;http://x\e\\"#

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-escape-bytes-" + UUID().uuidString
        let p = Self.payload
        try write("meeting.yaml", """
            format: ciodash/1
            council: "Council\(p)"
            title: "Title\(p)"
            date: 2019-07-27
            venue: "Venue\(p)"
            chairs: ["Chair\(p)"]
            topics:
              - id: smart-city
                title: "Topic\(p)"
                headline: ioc

            """)
        try write("provinces/thua-thien-hue.yaml", """
            format: ciodash/1
            id: thua-thien-hue
            name: "Name\(p)"
            code: "Code\(p)"
            region: "Region\(p)"
            source: "Source\(p)"
            topics:
              smart-city:
                status: on-track
                summary: "Summary\(p)"
                metrics:
                  - {id: ioc, label: "Label\(p)", value: 10, target: 12, unit: "Unit\(p)", source: "Msource\(p)"}
                highlights: ["Highlight\(p)"]
                issues: ["Issue\(p)"]

            """)
        try write("provinces/kon-tum.yaml", "format: \"Format\(p)\"\nid: kon-tum\nname: Kon Tum\ntopics: {}\n")
        try write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                  + "thua-thien-hue,smart-city,cams,\"Csv\u{1B}]0;pwned\u{07}\u{9B}\",35,40,,,\n")
    }

    override func tearDown() {
        harness?.close()
        harness = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: folder + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Where `needle` first occurs in `haystack`, if it does.
    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0] == needle[0] && Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    func testPresenterSlidesSendNoEscapeFromTheData() throws {
        let binary = try TmuxHarness.ciodashBinary()
        // The app waits for the test to start recording, so that its first frame is recorded too.
        let command = "while [ ! -e \"$HARNESS_DIR/go\" ]; do sleep 0.01; done; "
            + "\(TmuxHarness.quote(binary)) present --lang en \(TmuxHarness.quote(folder))"
        let h = try TmuxHarness(width: 120, height: 40, command: command)
        harness = h
        let log = try h.startRecording()
        FileManager.default.createFile(atPath: h.file("go").path, contents: nil)
        try h.waitFor("Topic^[]0;pwned^G")

        // Agenda, overview, the topic, then a panel per province (Huế and the broken Kon Tum). In English:
        // the Vietnamese screen names a broken file's place rather than the loader's English sentence.
        var screens: [String] = []
        for _ in 0..<5 {
            _ = try h.settledRecordedBytes()
            screens.append(try h.capture())
            try h.sendKeys("Space")
        }
        try h.sendKeys("q")
        XCTAssertEqual(try h.waitForExit(), 0)
        XCTAssertNotEqual(try h.displayFlags("#{pane_title}"), "pwned", "the data retitled the window")

        let bytes = Array(try Data(contentsOf: log))
        XCTAssertGreaterThan(bytes.count, 2000, "the recording holds the frames")
        let forbidden: [(String, [UInt8])] = [
            ("OSC 0 (window title)", [0x1B] + Array("]0;pwned".utf8)),
            ("OSC 8 (hyperlink)", [0x1B] + Array("]8;;http://x".utf8)),
            ("C1 CSI U+009B", [0xC2, 0x9B]),
            ("DEL", [0x7F]),
            ("bidi override U+202E", [0xE2, 0x80, 0xAE]),
        ]
        for (what, sequence) in forbidden {
            XCTAssertNil(find(sequence, in: bytes), "\(what) from the data reached the terminal")
        }
        let seen = screens.joined(separator: "\n")
        for tag in ["Council", "Title", "Venue", "Chair", "Topic", "Name", "Code", "Region", "Source", "Summary",
                    "Label", "Unit", "Msource", "Highlight", "Issue", "Csv", "Format"] {
            XCTAssertTrue(seen.contains(tag + "^["), "\(tag): expected its escape drawn as ^[ on some slide\n\(seen)")
        }
    }
}
