/// `xl/sharedStrings.xml`: each `<si>` is plain `<t>` or rich text runs `<r><t>…</t></r>`, joined;
/// phonetic guides (`<rPh>`) are not part of the text. Excel's `_xHHHH_` escapes are decoded; a
/// string with a bad reference or escape is kept as its problem, reported at each cell that uses it.
final class SharedStrings: XMLPartReader {
    /// One string: its text, or why it cannot be read.
    typealias Entry = Result<String, CellProblem>

    private(set) var strings: [Entry] = []
    private var current = ""
    private var problem: CellProblem?
    private var inText = false
    private var inPhonetic = false
    private let limit: Int
    private(set) var overLimit = false

    init(limit: Int) { self.limit = limit }

    static func read(_ package: XLSXPackage, part: String?, limit: Int) throws(XLSXFailure) -> [Entry] {
        guard let part, package.contains(part) else { return [] }
        let reader = SharedStrings(limit: limit)
        try XMLPart.read(package, part, reader: reader)
        if reader.overLimit { throw .tooManySharedStrings(limit: limit) }
        return reader.strings
    }

    func handle(_ event: XMLEvent) throws {
        switch event {
        case .start(let name, _):
            switch name {
            case "si": current = ""; problem = nil
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        case .text(let text):
            if inText { current += text }
        case .badReference(let reference):
            if inText && problem == nil { problem = .badReference(reference) }
        case .end(let name):
            switch name {
            case "si":
                if let problem {
                    strings.append(.failure(problem))
                } else {
                    strings.append(ExcelEscapes.decode(current))
                }
                if strings.count > limit {
                    overLimit = true
                    throw StopReading()
                }
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }
}

/// Why a cell's content cannot be used, for a message naming the cell.
enum CellProblem: Error, Hashable {
    /// A reference or value that is not what its type says (`t="s"` with no such string, a number that is not one).
    case unreadable(String)
    /// `&co;`, `&#0;`: see `XMLEvent.badReference`.
    case badReference(String)
    /// `_xD800_`: half of a character.
    case badEscape(String)

    var text: SpreadsheetMessages.Text {
        switch self {
        case .unreadable(let raw): return SpreadsheetMessages.badCell(raw)
        case .badReference(let reference): return SpreadsheetMessages.badReference(reference)
        case .badEscape(let escape): return SpreadsheetMessages.badEscape(escape)
        }
    }
}
