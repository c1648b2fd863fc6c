
/// Which cell styles (`s="3"`) show a number as a date, from `xl/styles.xml`: the built-in date formats
/// 14–22 and 45–47, and custom formats with day, month or year letters outside quotes and brackets.
final class DateFormats: XMLPartReader {
    private var customDate: Set<Int> = []
    private var styleFormats: [Int] = []
    private var inCellXfs = false

    static func read(_ package: XLSXPackage, part: String?) throws(XLSXFailure) -> Set<Int> {
        guard let part, package.contains(part) else { return [] }
        let delegate = DateFormats()
        try XMLPart.read(package, part, reader: delegate)
        var styles: Set<Int> = []
        for (index, format) in delegate.styleFormats.enumerated()
        where (14...22).contains(format) || (45...47).contains(format) || delegate.customDate.contains(format) {
            styles.insert(index)
        }
        return styles
    }

    /// Whether a number format code shows a date: `dd/mm/yyyy` yes, `0.00` and `"d"0` no.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var previous: Character = " "
        for ch in code {
            defer { previous = ch }
            if previous == "\\" { continue }
            switch ch {
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            case "d", "D", "m", "M", "y", "Y": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    func handle(_ event: XMLEvent) {
        switch event {
        case .start(let name, let attributes):
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"],
                   Self.isDateFormat(code) {
                    customDate.insert(id)
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        case .end(let name):
            if name == "cellXfs" { inCellXfs = false }
        default: break
        }
    }
}
