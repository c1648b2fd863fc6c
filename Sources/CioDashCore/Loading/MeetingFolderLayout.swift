/// The files of a meeting folder, named once for the loader, the live-reload watcher and `check`.
public enum MeetingFolderLayout {
    /// The agenda file, in the order one is preferred when several exist.
    public static let meetingFiles = ["meeting.yaml", "meeting.yml", "meeting.json"]
    /// The folder holding one status file per province.
    public static let provincesFolder = "provinces"
    /// Status file extensions, in the order one is preferred when a province has several.
    public static let statusExtensions = ["yaml", "yml", "json"]
    /// The optional spreadsheet of figures.
    public static let metricsFile = "metrics.csv"

    /// Whether a file of that name is read as JSON rather than YAML.
    public static func isJSON(_ name: String) -> Bool { name.hasSuffix(".json") }

    /// The files at the folder's top level that the loader reads, when present.
    public static var topLevelFiles: [String] { meetingFiles + [metricsFile] }
}
