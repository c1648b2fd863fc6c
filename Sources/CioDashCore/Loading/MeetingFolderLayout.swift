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

    /// `provinces/<id>.yaml` (or `.json`…): a province's status file, relative to the meeting folder.
    public static func statusFile(_ id: String, ext: String = statusExtensions[0]) -> String {
        provincesFolder + "/" + statusFileName(id, ext: ext)
    }

    /// `<id>.yaml` (or `.json`…): a province's status file name inside `provinces/`.
    public static func statusFileName(_ id: String, ext: String = statusExtensions[0]) -> String { id + "." + ext }

    /// Whether `name` is the status file of province `id`, under any of the status extensions.
    public static func isStatusFile(_ name: String, of id: String) -> Bool {
        statusExtensions.contains { name == statusFileName(id, ext: $0) }
    }

    /// Whether a file of that name is read as JSON rather than YAML.
    public static func isJSON(_ name: String) -> Bool { name.hasSuffix(".json") }

    /// The files at the folder's top level that the loader reads, when present.
    public static var topLevelFiles: [String] { meetingFiles + [metricsFile] }
}
