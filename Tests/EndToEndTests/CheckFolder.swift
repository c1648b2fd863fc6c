import Foundation

/// A meeting folder for `ciodash check` tests: one agenda topic and two good provinces, in a fresh
/// temporary folder, which the tests then spoil file by file.
struct CheckFolder {
    let path: String

    init(prefix: String) throws {
        path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try write("meeting.yaml", """
            format: ciodash/1
            council: Hội đồng CIO
            title: Phiên họp 2019
            date: 2019-07-27
            topics:
              - id: smart-city
                title: Đô thị thông minh
                minutes: 30

            """)
        for (id, name) in [("da-nang", "Đà Nẵng"), ("thua-thien-hue", "Thừa Thiên Huế")] {
            try write("provinces/\(id).yaml", Self.province(id: id, name: name))
        }
    }

    /// A valid province file reporting on the one topic.
    static func province(id: String, name: String) -> String {
        "format: ciodash/1\nid: \(id)\nname: \(name)\ntopics:\n  smart-city:\n    status: on-track\n"
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, bytes: Array(text.utf8)) }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
