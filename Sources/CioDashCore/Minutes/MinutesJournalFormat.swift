import Foundation

/// The journal's lines: JSON, one object a line, keys in a fixed order so a journal reads the same
/// however it was written. The first line names the meeting:
///
///     {"ciodash":"minutes","version":1,"meeting":"Phiên họp …","date":"2019-07-27","utcOffset":25200}
///     {"at":1564192800.25,"clock":"start","topic":"smart-city"}
///     {"at":1564192811.5,"edit":"topic/smart-city/conclusions","pos":0,"del":0,"ins":"Thống nhất"}
///     {"at":1564192900,"set":"secretary","text":"Nguyễn Văn A"}
public enum MinutesJournalFormat {
    public static let version = 1

    public struct Header: Hashable, Sendable {
        public var meetingTitle: String
        public var meetingDate: LocalDate
        public var utcOffset: Int

        public init(meetingTitle: String, meetingDate: LocalDate, utcOffset: Int) {
            self.meetingTitle = meetingTitle
            self.meetingDate = meetingDate
            self.utcOffset = utcOffset
        }
    }

    public static func line(_ header: Header) -> String {
        "{\"ciodash\":\"minutes\",\"version\":\(version),\"meeting\":\(quoted(header.meetingTitle)),"
            + "\"date\":\"\(header.meetingDate)\",\"utcOffset\":\(header.utcOffset)}\n"
    }

    public static func line(_ entry: MinutesEntry) -> String {
        switch entry {
        case .set(let field, let text, let at):
            return "{\"at\":\(time(at)),\"set\":\(quoted(field.key)),\"text\":\(quoted(text))}\n"
        case .edit(let field, let edit, let at):
            return "{\"at\":\(time(at)),\"edit\":\(quoted(field.key)),\"pos\":\(edit.offset),\"del\":\(edit.removed),"
                + "\"ins\":\(quoted(edit.inserted))}\n"
        case .clock(let e):
            return "{\"at\":\(time(e.at)),\"clock\":\"\(e.kind.rawValue)\"" + (e.topic.map { ",\"topic\":\(quoted($0))" } ?? "") + "}\n"
        }
    }

    /// Milliseconds are enough for a meeting; fixed so that the same time always writes the same.
    static func time(_ t: Double) -> String {
        let ms = (t * 1000).rounded()
        guard ms.isFinite, abs(ms) < 1e15 else { return "0" }
        let whole = Int(ms)
        let (s, r) = whole.quotientAndRemainder(dividingBy: 1000)
        if r == 0 { return String(s) }
        var fraction = String(abs(r))
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (whole < 0 && s == 0 ? "-" : "") + "\(s).\(fraction)"
    }

    /// A JSON string; every control character escaped, so one entry is always one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 {
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }

    // MARK: Reading

    /// Why a line was not taken, and where in it (1-based column).
    public struct LineProblem: Error, Equatable {
        public var column: Int
        public var vi: String
        public var en: String
    }

    public static func header(_ line: Substring) -> Result<Header, LineProblem> {
        guard let object = object(line) else {
            return .failure(LineProblem(column: 1, vi: "dòng đầu không phải đầu nhật ký biên bản của ciodash",
                                        en: "the first line is not a ciodash minutes journal header"))
        }
        guard object["ciodash"] as? String == "minutes" else {
            return .failure(LineProblem(column: 1, vi: "đây không phải nhật ký biên bản của ciodash",
                                        en: "this is not a ciodash minutes journal"))
        }
        guard let v = object["version"] as? Int, v == version else {
            return .failure(LineProblem(column: column(of: "version", in: line),
                                        vi: "phiên bản nhật ký không đọc được (cần \(version))",
                                        en: "unknown journal version (expected \(version))"))
        }
        guard let title = object["meeting"] as? String,
              let dateText = object["date"] as? String, let date = LocalDate(iso: dateText) else {
            return .failure(LineProblem(column: column(of: "meeting", in: line), vi: "thiếu tên hoặc ngày cuộc họp",
                                        en: "the meeting's title or date is missing"))
        }
        let offset = (object["utcOffset"] as? Int).flatMap { abs($0) <= 18 * 3600 ? $0 : nil } ?? 0
        return .success(Header(meetingTitle: Normalization.nfc(title), meetingDate: date, utcOffset: offset))
    }

    /// The moments a journal line can hold, in seconds since 1970: 1970-01-01 to 9999-12-31. A time
    /// past these would become a date or a duration no meeting has (and, past Int, a trap).
    public static let times: ClosedRange<Double> = 0...253_402_300_799

    public static func entry(_ line: Substring) -> Result<MinutesEntry, LineProblem> {
        guard let object = object(line) else {
            return .failure(LineProblem(column: syntaxColumn(line), vi: "dòng hỏng (không phải JSON đầy đủ)",
                                        en: "damaged line (not complete JSON)"))
        }
        guard let at = (object["at"] as? NSNumber)?.doubleValue, at.isFinite else {
            return .failure(LineProblem(column: column(of: "at", in: line), vi: "thiếu thời điểm \"at\"",
                                        en: "the time \"at\" is missing"))
        }
        guard times.contains(at) else {
            let shown = String(describing: at)
            return .failure(LineProblem(column: column(of: "at", in: line),
                                        vi: "thời điểm \"at\" \(shown) nằm ngoài các năm 1970–9999 mà nhật ký ghi được",
                                        en: "the time \"at\" \(shown) lies outside the years 1970–9999 a journal can hold"))
        }
        func field(_ name: String) -> Result<MinutesField, LineProblem> {
            guard let key = object[name] as? String, let f = MinutesField(key: key) else {
                return .failure(LineProblem(column: column(of: name, in: line), vi: "tên ô không đúng",
                                            en: "unknown field name"))
            }
            return .success(f)
        }
        if object["set"] != nil {
            guard let text = object["text"] as? String else {
                return .failure(LineProblem(column: column(of: "set", in: line), vi: "thiếu \"text\"", en: "\"text\" is missing"))
            }
            return field("set").map { .set($0, TypedText.clean(text, multiline: $0.isMultiline), at: at) }
        }
        if object["edit"] != nil {
            guard let pos = object["pos"] as? Int, let del = object["del"] as? Int, let ins = object["ins"] as? String,
                  pos >= 0, del >= 0 else {
                return .failure(LineProblem(column: column(of: "edit", in: line), vi: "thiếu \"pos\", \"del\" hoặc \"ins\"",
                                            en: "\"pos\", \"del\" or \"ins\" is missing"))
            }
            return field("edit").map { .edit($0, TextEdit(offset: pos, removed: del, inserted: TypedText.clean(ins, multiline: $0.isMultiline)), at: at) }
        }
        if let kindText = object["clock"] as? String {
            guard let kind = MinutesClockEvent.Kind(rawValue: kindText) else {
                return .failure(LineProblem(column: column(of: "clock", in: line), vi: "sự kiện đồng hồ không đúng",
                                            en: "unknown clock event"))
            }
            let topic = object["topic"] as? String
            if topic == nil && ![.end, .alive].contains(kind) {
                return .failure(LineProblem(column: column(of: "clock", in: line), vi: "thiếu \"topic\"", en: "\"topic\" is missing"))
            }
            return .success(.clock(MinutesClockEvent(kind, topic: topic, at: at)))
        }
        return .failure(LineProblem(column: 1, vi: "dòng không có \"set\", \"edit\" hay \"clock\"",
                                    en: "the line has no \"set\", \"edit\" or \"clock\""))
    }

    private static func object(_ line: Substring) -> [String: Any]? {
        guard line.hasPrefix("{"), line.hasSuffix("}") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    /// Column (in characters) of a key in the line, for the place of a problem.
    static func column(of key: String, in line: Substring) -> Int {
        guard let r = line.range(of: "\"\(key)\"") else { return 1 }
        return line.distance(from: line.startIndex, to: r.lowerBound) + 1
    }

    /// Where a line stops being JSON: the end of a cut line, else its start.
    static func syntaxColumn(_ line: Substring) -> Int {
        line.hasPrefix("{") && !line.hasSuffix("}") ? line.count + 1 : 1
    }
}
