/// One province's status file, or what is left of it when the file is broken.
public struct ProvinceReport: Hashable, Sendable {
    /// File-name id, e.g. `thua-thien-hue`.
    public var id: String
    /// Display name in Vietnamese, NFC (e.g. "Thừa Thiên Huế").
    public var name: String
    /// Administrative unit code (before the 2025 mergers), e.g. "46".
    public var code: String?
    public var region: String?
    /// The date the figures are as of.
    public var reported: LocalDate?
    public var source: String?
    /// Reports keyed by agenda topic id.
    public var topics: [String: TopicReport]
    /// Path of the status file relative to the meeting folder, for messages.
    public var file: String
    /// Set when the file could not be loaded: the panel is shown flagged with this message.
    public var brokenReason: String?
    /// The sentence of `brokenReason` in both languages, without the place (nil for a province
    /// without a file).
    public var brokenText: BilingualText?
    /// Where in the file the problem that broke it is, when the parser said.
    public var brokenLine: Int?
    public var brokenColumn: Int?
    /// A province the agenda lists that has sent no file yet: shown as a "chưa báo cáo" row (with
    /// `isBroken` set, so that no view counts or ranks it), never left out.
    public var notReported = false
    /// For the reporting board: the file's modification time (seconds since 1970) and how many
    /// errors and warnings `check` finds in it, filled in by the loader.
    public var fileTime: Int64?
    public var errorCount = 0
    public var warningCount = 0
    /// What `ciodash import` found about the return's signature, from the file's `signature:` block.
    public var signature: SignatureRecord?
    /// What the province reports on the tasks it was given, by task id (its file's `tasks:`).
    public var tasks: [String: TaskReport] = [:]

    public init(id: String, name: String, code: String? = nil, region: String? = nil,
                reported: LocalDate? = nil, source: String? = nil,
                topics: [String: TopicReport] = [:], file: String, brokenReason: String? = nil) {
        self.id = id
        self.name = name
        self.code = code
        self.region = region
        self.reported = reported
        self.source = source
        self.topics = topics
        self.file = file
        self.brokenReason = brokenReason
    }

    public var isBroken: Bool { brokenReason != nil }

    /// The row of a listed province without a file: its name from the units catalogue when known.
    public static func notYetReported(id: String, name: String, file: String) -> ProvinceReport {
        var report = ProvinceReport(id: id, name: name, file: file, brokenReason: "not yet reported: no file \(file)")
        report.notReported = true
        return report
    }
}
