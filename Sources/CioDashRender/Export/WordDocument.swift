import CioDashCore

/// A Word document as values: paragraphs of runs and real tables on an A4 page with the margins of
/// Nghị định 30/2020/NĐ-CP, Phụ lục I, in Times New Roman. `DocxPackage` writes it as a .docx.
/// The minutes and the snapshot reports build one of these; nothing else knows WordprocessingML.
public struct WordDocument: Sendable, Equatable {
    public var title: String
    /// BCP 47 tag of the text: vi-VN or en-GB (spelling and hyphenation in Word).
    public var languageTag: String
    public var blocks: [WordBlock] = []
    /// Page numbers at the top centre from the second page on (Phụ lục I).
    public var numberPages = true
    /// Body text size in points (13–14 in Phụ lục I).
    public var fontSize: Double = 14

    public init(title: String, languageTag: String) {
        self.title = title
        self.languageTag = languageTag
    }

    public mutating func append(_ paragraph: WordParagraph) { blocks.append(.paragraph(paragraph)) }
    public mutating func append(_ table: WordTable) { blocks.append(.table(table)) }
}

/// The page: A4 (11906 × 16838 twips, a twip is 1/1440 inch) with Phụ lục I's margins — top and
/// bottom 20–25 mm, left 30–35 mm, right 15–20 mm — here 20, 20, 30 and 15 mm.
public enum WordPage {
    public static let width = 11906
    public static let height = 16838
    public static let top = twips(mm: 20)
    public static let bottom = twips(mm: 20)
    public static let left = twips(mm: 30)
    public static let right = twips(mm: 15)
    /// The width text and tables have.
    public static var textWidth: Int { width - left - right }

    /// Rounded up, so that a margin is never below the form's least (850 twips would be 14.99 mm).
    public static func twips(mm: Double) -> Int { Int((mm / 25.4 * 1440).rounded(.up)) }
}

public enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    case table(WordTable)
}

public struct WordParagraph: Sendable, Equatable {
    public enum Alignment: String, Sendable { case left, center, right, both }

    public var runs: [WordRun]
    public var alignment: Alignment = .left
    /// Twips.
    public var firstLineIndent = 0
    public var leftIndent = 0
    /// Points.
    public var spaceBefore: Double = 0
    public var spaceAfter: Double = 0
    /// Kept on the page of the next paragraph (headings, a table's lead-in).
    public var keepWithNext = false
    public var pageBreakBefore = false

    public init(_ runs: [WordRun], alignment: Alignment = .left) {
        self.runs = runs
        self.alignment = alignment
    }

    public init(_ text: String, bold: Bool = false, italic: Bool = false, size: Double? = nil, alignment: Alignment = .left) {
        self.init([WordRun(text, bold: bold, italic: italic, size: size)], alignment: alignment)
    }
}

public struct WordRun: Sendable, Equatable {
    public var text: String
    public var bold = false
    public var italic = false
    /// Shown in capitals by Word while the text stays as typed (a name from the folder is never
    /// rewritten; the form asks for capitals).
    public var caps = false
    public var underline = false
    /// Points; nil is the document's size.
    public var size: Double?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, caps: Bool = false, underline: Bool = false, size: Double? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.caps = caps
        self.underline = underline
        self.size = size
    }
}

public struct WordTable: Sendable, Equatable {
    /// Column widths in twips.
    public var columns: [Int]
    public var rows: [WordTableRow]
    /// Single lines around every cell (a data table) or none (a layout table: the heading, signatures).
    public var borders: Bool

    public init(columns: [Int], rows: [WordTableRow], borders: Bool) {
        self.columns = columns
        self.rows = rows
        self.borders = borders
    }

    /// Widths in proportion to `weights`, filling the text width.
    public static func columns(weights: [Int], width: Int = WordPage.textWidth) -> [Int] {
        let total = max(1, weights.reduce(0, +))
        var widths = weights.map { width * $0 / total }
        if !widths.isEmpty { widths[widths.count - 1] += width - widths.reduce(0, +) }
        return widths
    }
}

public struct WordTableRow: Sendable, Equatable {
    /// Each cell's paragraphs (a cell has at least one; an empty list writes an empty paragraph).
    public var cells: [[WordParagraph]]
    /// Repeated at the top of each page the table runs onto.
    public var isHeader = false

    public init(_ cells: [[WordParagraph]], isHeader: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
    }
}
