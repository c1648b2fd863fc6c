import Foundation
import CioDashCore

/// A meeting folder on disk in which every text field carries terminal escapes, loaded by the real
/// loader: each field's text is a tag naming the field ("Kcouncil") followed by the payload.
final class HostileMeeting {
    /// OSC title, CSI clear screen, C1 CSI, DEL, a bidi override: as YAML escapes and as Swift text.
    static let payloadYAML = #"\e]0;pwned\a\e[2J\x9b31m\x7f\u202EX"#
    static let payload = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{7F}\u{202E}X"
    /// How the sanitiser shows the payload.
    static let payloadShown = "^[]0;pwned^G^[[2J<9B>31m^?<U+202E>X"

    /// Every tag, one per text field of the format (and the file name and a quoted value in a
    /// broken file's message).
    static let tags = [
        "Kcouncil", "Ktitle", "Kvenue", "Kchair", "Ktopic", "Ktopicen", "Kname", "Kcode", "Kregion", "Ksource",
        "Ksummary", "Klabel", "Kunit", "Kmsource", "Khighlight", "Kissue", "Kcsvlabel", "Kcsvunit", "Kcsvsource",
        "Kformat", "Kfile",
    ]

    let path: String
    let result: LoadResult

    init() throws {
        path = NSTemporaryDirectory() + "ciodash-hostile-" + UUID().uuidString
        let p = Self.payloadYAML
        try Self.write(path, "meeting.yaml", """
            format: ciodash/1
            council: "Kcouncil\(p)"
            title: "Ktitle\(p)"
            date: 2019-07-27
            venue: "Kvenue\(p)"
            chairs: ["Kchair\(p)"]
            topics:
              - id: smart-city
                title: "Ktopic\(p)"
                title_en: "Ktopicen\(p)"
                minutes: 20
                headline: ioc

            """)
        try Self.write(path, "provinces/thua-thien-hue.yaml", """
            format: ciodash/1
            id: thua-thien-hue
            name: "Kname\(p)"
            code: "Kcode\(p)"
            region: "Kregion\(p)"
            reported: 2019-07-20
            source: "Ksource\(p)"
            topics:
              smart-city:
                status: on-track
                summary: "Ksummary\(p)\\nline two"
                metrics:
                  - id: ioc
                    label: "Klabel\(p)"
                    value: 10
                    target: 12
                    unit: "Kunit\(p)"
                    previous: 4
                    source: "Kmsource\(p)"
                highlights: ["Khighlight\(p)"]
                issues: ["Kissue\(p)"]

            """)
        try Self.write(path, "provinces/da-nang.yaml", """
            format: ciodash/1
            id: da-nang
            name: Đà Nẵng
            topics:
              smart-city:
                status: behind

            """)
        try Self.write(path, "provinces/kon-tum.yaml", "format: \"Kformat\(p)\"\nid: kon-tum\nname: Kon Tum\ntopics: {}\n")
        try Self.write(path, "provinces/Kfile\(Self.payload).yaml", "format: ciodash/1\nid: x\nname: [\n")
        try Self.write(path, "metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n"
                       + "da-nang,smart-city,cams,\"Kcsvlabel\(Self.payload)\",35,40,\"Kcsvunit\(Self.payload)\",,"
                       + "\"Kcsvsource\(Self.payload)\"\n")
        result = MeetingLoader().load(folder: path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    var meeting: Meeting {
        get throws {
            guard let meeting = result.meeting else { throw HostileMeetingError(diagnostics: result.diagnostics) }
            return meeting
        }
    }

    private static func write(_ folder: String, _ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: folder + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    struct HostileMeetingError: Error, CustomStringConvertible {
        let diagnostics: [Diagnostic]
        var description: String { "the hostile meeting did not load: \(diagnostics)" }
    }
}
