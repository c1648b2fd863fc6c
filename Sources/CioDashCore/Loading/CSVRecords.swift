/// A strict reader of CSV records (RFC 4180, plus CR and CR LF line ends) that knows where each
/// cell starts and what is wrong with a record.
///
/// Lenient readers turn quoting mistakes into silent data loss: an unterminated quote swallows every
/// later row, an undoubled quote drops characters, a stray quote merges two rows into one. Here a
/// record with a quoting mistake carries a `problem` (the caller leaves that row out and says so),
/// and an unterminated quote costs only its own line: reading goes on at the next line.
/// Linear in the input; works on UTF-8 bytes (every byte CSV gives a meaning to is ASCII).
public struct CSVRecords {
    /// 1-based line and column (in characters) in the file.
    public typealias Place = MetricsCSV.Place

    public struct Record {
        /// Where the record starts.
        public var line: Int
        public var cells: [String]
        /// Where each cell starts (a quoted cell may start on a later line than its record).
        public var places: [Place]
        public var problem: Problem?
    }

    public enum Problem: Equatable {
        /// `ab"c`: a quote in a cell that does not start with one.
        case strayQuote(Place)
        /// `"ab"c"`: a quote inside a quoted cell that is not doubled.
        case undoubledQuote(Place)
        /// `"ab…` to the end of the file.
        case unterminatedQuote(Place)

        public var place: Place {
            switch self {
            case .strayQuote(let p), .undoubledQuote(let p), .unterminatedQuote(let p): return p
            }
        }
    }

    private let bytes: [UInt8]
    /// The byte between cells: a comma, or `;` or a tab (see `CSVText`).
    private let delimiter: UInt8
    private var i = 0
    private var line = 1
    private var column = 1

    public init(_ text: String, delimiter: UInt8 = 0x2C) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter
    }

    /// The next record, or nil at the end of the text.
    public mutating func next() -> Record? {
        guard i < bytes.count else { return nil }
        let start = (i, line, column)
        var record = Record(line: line, cells: [], places: [], problem: nil)
        while true {
            let (cell, place, ended, problem) = readCell()
            record.cells.append(cell)
            record.places.append(place)
            if record.problem == nil, let problem { record.problem = problem }
            if case .unterminatedQuote? = problem {
                // Only this record is lost: start again on the line after the one it began on.
                (i, line, column) = start
                skipLine()
                return record
            }
            if ended { return record }
        }
    }

    /// One cell; `ended` when the record ends after it (a line break or the end of the text).
    private mutating func readCell() -> (String, Place, ended: Bool, problem: Problem?) {
        var place = Place(line: line, column: column)
        // Spaces before an opening quote belong to no cell's text: cells are trimmed anyway.
        var j = i
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) && bytes[j] != delimiter { j += 1 }
        if j < bytes.count && bytes[j] == 0x22 {
            advance(to: j)
            place = Place(line: line, column: column)
            return readQuoted(place)
        }
        var problem: Problem?
        let from = i
        while i < bytes.count {
            let b = bytes[i]
            if b == delimiter {
                let text = String(decoding: bytes[from..<i], as: UTF8.self)
                step()
                return (text, place, false, problem)
            }
            if b == 0x0A || b == 0x0D {
                let text = String(decoding: bytes[from..<i], as: UTF8.self)
                lineBreak()
                return (text, place, true, problem)
            }
            if b == 0x22 && problem == nil { problem = .strayQuote(Place(line: line, column: column)) }
            step()
        }
        return (String(decoding: bytes[from..<i], as: UTF8.self), place, true, problem)
    }

    private mutating func readQuoted(_ place: Place) -> (String, Place, ended: Bool, problem: Problem?) {
        step()  // the opening quote
        var text: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                    text.append(0x22)
                    step(); step()
                    continue
                }
                let quote = Place(line: line, column: column)
                step()
                // After the closing quote: spaces, then the end of the cell.
                var problem: Problem?
                while i < bytes.count && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    if bytes[i] != 0x20 && bytes[i] != 0x09 && problem == nil { problem = .undoubledQuote(quote) }
                    if problem != nil { text.append(bytes[i]) }
                    step()
                }
                let decoded = String(decoding: text, as: UTF8.self)
                if i >= bytes.count { return (decoded, place, true, problem) }
                if bytes[i] == delimiter {
                    step()
                    return (decoded, place, false, problem)
                }
                lineBreak()
                return (decoded, place, true, problem)
            }
            if b == 0x0A || b == 0x0D {
                text.append(b)
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { text.append(0x0A) }
                lineBreak()
                continue
            }
            text.append(b)
            step()
        }
        return (String(decoding: text, as: UTF8.self), place, true, .unterminatedQuote(place))
    }

    /// Moves one byte; the column counts characters, not bytes.
    private mutating func step() {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
    }

    private mutating func advance(to j: Int) {
        while i < j { step() }
    }

    /// Moves past one line break (CR LF, CR or LF).
    private mutating func lineBreak() {
        if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        i += 1
        line += 1
        column = 1
    }

    private mutating func skipLine() {
        while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
        if i < bytes.count { lineBreak() }
    }
}
