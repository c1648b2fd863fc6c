import CioDashCore

/// What a view needs besides the meeting: language, width and the current selection.
public struct RenderContext: Sendable {
    public var language: Language
    public var width: Int
    /// The selected row (province, ranked province, topic, agenda item) where the view has rows.
    public var selectedRow: Int?
    /// The selected topic column in the overview.
    public var selectedColumn: Int?
    /// Folded search text whose matches are highlighted.
    public var highlight: String?
    /// The presenter's time so far, for the agenda and closing slides (nil: no session running).
    public var timing: SessionTiming?
    /// Files draw every text whole: names, labels and headings wrap onto more lines instead of
    /// being cut with "…" to keep the screen's rows (HTML and SVG snapshots set it).
    public var wholeText = false
    /// The rows the view has on a screen, for a slide that leaves parts out rather than scroll
    /// (the agenda); nil for a file or a scrolling view, drawn whole.
    public var rows: Int?

    public init(language: Language, width: Int, selectedRow: Int? = nil, selectedColumn: Int? = nil, highlight: String? = nil) {
        self.language = language
        self.width = width
        self.selectedRow = selectedRow
        self.selectedColumn = selectedColumn
        self.highlight = highlight
    }

    public var labels: Labels { Labels.forLanguage(language) }
}
