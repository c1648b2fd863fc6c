import CioDashCore

/// A view's content as data rather than cells: the headings, tables, lists and figures that the
/// Markdown and CSV reports write. Built from the meeting, the same values the grid is drawn from;
/// every text in it is already sanitised, and each writer escapes it for its own format.
public struct ViewReport: Sendable {
    public var view: ViewID
    public var title: String
    public var blocks: [ReportBlock]
    /// One row per figure the view shows (province × metric), for the CSV file.
    public var figures: [FigureRow]

    public init(view: ViewID, title: String, blocks: [ReportBlock] = [], figures: [FigureRow] = []) {
        self.view = view
        self.title = title
        self.blocks = blocks
        self.figures = figures
    }
}

/// One piece of a view's content, in reading order.
public enum ReportBlock: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case table(ReportTable)
    /// A titled list: highlights, obstacles, the legend's entries.
    case list(title: String, items: [String])
}

/// A table of texts: one header, rows of the same length, the columns that hold numbers.
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned to the right (figures).
    public var numeric: Set<Int>

    public init(header: [String], rows: [[String]] = [], numeric: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
    }
}

/// One figure of a view as a machine reads it: numbers as numbers, beside the text the screen shows.
public struct FigureRow: Sendable, Equatable {
    public var provinceID: String
    public var province: String
    public var topicID: String
    public var topic: String
    public var metricID: String
    public var metric: String
    public var value: Double?
    /// The value as the view shows it ("68%*", "1.349 thủ tục").
    public var shown: String
    public var unit: String
    public var target: Double?
    public var previous: Double?
    public var change: Double?
    /// `on-track` … `unknown`, or `no-report` / `broken-file` for a row without a report.
    public var statusID: String
    public var status: String
    public var source: String
    public var illustrative: Bool
    /// What import recorded about the province's return's signature (`valid` … `edited-after-signing`)
    /// and its word; empty when there is no record.
    public var signatureID = ""
    public var signature = ""

    public init(provinceID: String, province: String, topicID: String, topic: String, metricID: String = "",
                metric: String = "", value: Double? = nil, shown: String = "", unit: String = "",
                target: Double? = nil, previous: Double? = nil, change: Double? = nil, statusID: String,
                status: String, source: String = "", illustrative: Bool = false) {
        self.provinceID = provinceID
        self.province = province
        self.topicID = topicID
        self.topic = topic
        self.metricID = metricID
        self.metric = metric
        self.value = value
        self.shown = shown
        self.unit = unit
        self.target = target
        self.previous = previous
        self.change = change
        self.statusID = statusID
        self.status = status
        self.source = source
        self.illustrative = illustrative
    }
}
