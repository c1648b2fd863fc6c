import CioDashCore
import Foundation

/// The two documents a session ends in, from the meeting folder and the secretary's journal:
/// the biên bản (minutes, after Mẫu 1.9, Phụ lục III, Nghị định 30/2020/NĐ-CP) and the thông báo
/// kết luận (the conclusions and the tasks by province). What each contains is said once, as
/// `blocks(_:)`; Markdown, text and Word lay out the same blocks. Pure: the same inputs give the
/// same bytes. The documents are dated by the meeting (`date:` in meeting.yaml), never by the clock
/// of the machine that kept the journal; `clockDates` tells when the two differ.
///
/// Upper case: the form's own headings (BIÊN BẢN, THƯ KÝ, CHỦ TỌA, the national heading) are
/// written in capitals, as the legal form has them; a document is printed or opened in a word
/// processor, where lines have room for stacked marks. Nothing from the data is put in capitals
/// (Word shows the issuing body in capitals with its `caps` property; the text stays as typed),
/// and the screens never use them.
public struct MinutesDocument: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bienBan = "bien-ban"
        case ketLuan = "ket-luan"
    }

    public enum Format: String, Sendable, CaseIterable { case markdown, text, docx }

    public let meeting: Meeting
    public let record: MinutesRecord
    public let language: Language
    /// Line width of the text format.
    public var width = 80

    public init(meeting: Meeting, record: MinutesRecord, language: Language) {
        self.meeting = meeting
        self.record = record
        self.language = language
    }

    /// The document as Markdown or text.
    public func render(_ kind: Kind, format: Format) -> String {
        switch format {
        case .markdown: return DocumentWriter.render(blocks(kind), format: .markdown, width: width)
        case .text, .docx: return DocumentWriter.render(blocks(kind), format: .text, width: width)
        }
    }

    /// The document's bytes in any format; a .docx is a zip dated by the meeting's day.
    public func data(_ kind: Kind, format: Format) throws -> [UInt8] {
        guard format == .docx else { return Array(render(kind, format: format).utf8) }
        return try DocxPackage.data(word(kind), date: Self.midnightUTC(meeting.date))
    }

    /// The document as a Word document (the model `DocxPackage` writes).
    public func word(_ kind: Kind) -> WordDocument {
        let title = (kind == .bienBan ? words.minutesTitle : words.noticeTitle) + " — " + meeting.title
        return MinutesWordWriter.document(blocks(kind), title: title, language: language)
    }

    /// What the document says, in reading order.
    public func blocks(_ kind: Kind) -> [DocumentBlock] {
        switch kind {
        case .bienBan: return minutes()
        case .ketLuan: return conclusions()
        }
    }

    /// The days the journal's clock recorded that are not the meeting's day (a rehearsal, or a
    /// machine whose clock is wrong): the documents keep the meeting's date and the command warns.
    public var clockDates: [LocalDate] {
        var seen: [LocalDate] = []
        for event in record.clock {
            let day = WallTime(event.at, utcOffset: record.utcOffset).date
            if day != meeting.date && !seen.contains(day) { seen.append(day) }
        }
        return seen
    }

    /// A warning naming the journal, the days its clock recorded and the meeting's day, with the way
    /// out after a rehearsal; nil when the journal was kept on the meeting's day.
    public func clockDateWarning(journal: String) -> Diagnostic? {
        let days = clockDates
        guard !days.isEmpty else { return nil }
        let vi = Labels.forLanguage(.vi), en = Labels.forLanguage(.en)
        let viDays = days.map(vi.date).joined(separator: ", "), enDays = days.map(en.date).joined(separator: ", ")
        return Diagnostic(.warning, file: journal, message: BilingualText(
            vi: "nhật ký ghi giờ vào ngày \(viDays), khác ngày họp \(vi.date(meeting.date)) (meeting.yaml, date:); "
                + "văn bản ghi ngày họp, giờ theo nhật ký. Nếu đó là buổi tập, hãy bắt đầu nhật ký mới: "
                + "ciodash present --take-minutes --fresh-journal (nhật ký cũ được đổi tên, không bị xóa)",
            en: "the journal's clock recorded \(enDays), not the meeting's day \(en.date(meeting.date)) (meeting.yaml, date:); "
                + "the documents carry the meeting's date with the journal's times. If that was a rehearsal, start a fresh "
                + "journal: ciodash present --take-minutes --fresh-journal (the old one is renamed, never deleted)"))
    }

    private var words: MinutesLabels { MinutesLabels.forLanguage(language) }
    private var labels: Labels { Labels.forLanguage(language) }
    private var attendance: MinutesAttendance { MinutesAttendance(meeting: meeting, record: record) }

    // MARK: Biên bản

    private func minutes() -> [DocumentBlock] {
        let a = attendance
        var blocks = [letterhead(number: words.minutesNumber), .title(name: words.minutesTitle, subject: [meeting.title])]
        blocks.append(.field(label: words.timeStarted, value: record.started.map(moment)
            ?? (meeting.start.map { words.plannedStart($0, date: date(meeting.date)) } ?? words.notRecorded)))
        blocks.append(.field(label: words.venue, value: meeting.venue ?? words.notRecorded))
        blocks.append(.field(label: words.attendance, value: ""))
        blocks.append(.paragraph(words.provincesPresent(a.present.count, of: meeting.provinces.count)))
        let absentIDs = Set(a.absent.map(\.id))
        blocks.append(.table(.init(header: words.attendanceHeader, rows: meeting.provinces.enumerated().map { n, p in
            ["\(n + 1)", p.name, absentIDs.contains(p.id) ? words.absentMark : words.presentMark]
        }, weights: [8, 52, 40])))
        var others: [String] = []
        if !a.unmatched.isEmpty { others.append(words.unmatchedAbsent + ": " + a.unmatched.joined(separator: ", ")) }
        if !a.guests.isEmpty { others.append(words.guests + ": " + a.guests) }
        if !others.isEmpty { blocks.append(.bullets(others)) }
        blocks.append(.field(label: words.chair, value: a.chair.isEmpty ? words.notRecorded : a.chair))
        blocks.append(.field(label: words.secretary, value: a.secretary.isEmpty ? words.notRecorded : a.secretary))
        blocks.append(.field(label: words.content, value: ""))
        blocks += followUp()
        for (n, topic) in meeting.topics.enumerated() { blocks += item(number: n + 1, topic: topic) }
        blocks.append(.paragraph(record.ended.map { words.endedAt(moment($0)) } ?? words.endNotRecorded))
        blocks.append(.closing(recipients: nil, signatures: [
            .init(title: words.secretarySign, hint: words.signHint, name: SignerName.name(of: a.secretary)),
            .init(title: words.chairSign, hint: words.signHint, name: SignerName.name(of: a.chair)),
        ]))
        return blocks
    }

    private func item(number: Int, topic: AgendaTopic) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.heading("\(number). " + topic.title(in: language)), .bullets(figures(topic))]
        let notes = record.text(.notes(topic: topic.id))
        if !notes.isEmpty { blocks += [.field(label: words.discussion, value: ""), .paragraph(notes)] }
        let conclusions = record.text(.conclusions(topic: topic.id))
        if !conclusions.isEmpty { blocks += [.field(label: words.conclusions, value: ""), .paragraph(conclusions)] }
        let tasks = record.assignments(topic.id).filter { !($0.who.isEmpty && $0.what.isEmpty && $0.due.isEmpty) }
        if !tasks.isEmpty {
            blocks.append(.field(label: words.assignments, value: ""))
            blocks.append(.table(.init(header: words.taskHeader, rows: tasks.enumerated().map {
                ["\($0.offset + 1)", assignee($0.element.who), $0.element.what, $0.element.due]
            }, weights: [8, 27, 45, 20])))
        }
        return blocks
    }

    /// The figures that mattered on an item: time, status counts, the headline's first and last three.
    private func figures(_ topic: AgendaTopic) -> [String] {
        var lines: [String] = []
        let spent = record.spent[topic.id]
        var time = words.plannedActual(planned: topic.minutes.map { words.duration($0 * 60) }, actual: spent.map(words.duration))
        if let minutes = topic.minutes, let spent {
            let over = spent - minutes * 60
            if over != 0 { time += " (" + (over > 0 ? words.over : words.under) + " " + words.duration(abs(over)) + ")" }
        }
        if let span = record.span(of: topic.id) {
            time += "; " + hm(span.from) + "–" + hm(span.to)
        }
        let pauses = record.pauses(of: topic.id)
        if !pauses.isEmpty {
            time += "; " + words.paused + " " + pauses.map { hm($0.from) + "–" + hm($0.to) }.joined(separator: ", ")
        }
        lines.append(words.time + ": " + time)
        let counts = meeting.statusCounts(topic: topic)
        let order: [ReportStatus] = [.onTrack, .atRisk, .behind, .notStarted, .unknown]
        let reported = order.compactMap { s in counts[s].map { labels.statusLong[s, default: s.rawValue] + " \($0)" } }
        let silent = meeting.provinces.filter { !$0.isBroken && $0.topics[topic.id] == nil }.count
        lines.append(words.status + ": " + (reported + (silent > 0 ? [labels.noReport + " \(silent)"] : [])).joined(separator: ", "))
        let ranked = meeting.ranked(topic: topic).compactMap { p -> (String, String)? in
            guard let m = meeting.headline(province: p, topic: topic), m.value.isFinite else { return nil }
            return (p.name, MetricFormat.valueWithUnit(m.value, metric: m, language: language))
        }
        if let label = meeting.provinces.lazy.compactMap({ meeting.headline(province: $0, topic: topic)?.label }).first, !ranked.isEmpty {
            let show = { (list: ArraySlice<(String, String)>) in list.map { "\($0.0) \($0.1)" }.joined(separator: ", ") }
            var text = words.ranking(label) + ": " + words.first + " " + show(ranked.prefix(3))
            if ranked.count > 3 { text += "; " + words.last + " " + show(ranked.suffix(min(3, ranked.count - 3))) }
            lines.append(text)
        }
        return lines
    }

    // MARK: Thông báo kết luận

    private func conclusions() -> [DocumentBlock] {
        let a = attendance
        var blocks = [letterhead(number: words.noticeNumber),
                      .title(name: words.noticeTitle, subject: [words.noticeSubject(chair: words.theChair, meeting: meeting.title)])]
        blocks.append(.paragraph(words.noticeOpening(date: date(meeting.date), venue: meeting.venue, council: meeting.council,
                                                     chair: SignerName.midSentence(a.chair, language: language),
                                                     present: a.present.count)))
        // Only the items the chair concluded on: an item without a conclusion has nothing to announce.
        let concluded = meeting.topics.enumerated().filter { !record.text(.conclusions(topic: $0.element.id)).isEmpty }
        if !concluded.isEmpty {
            blocks.append(.field(label: words.concludedAs, value: ""))
            for (n, topic) in concluded {
                blocks += [.heading("\(n + 1). " + topic.title(in: language)), .paragraph(record.text(.conclusions(topic: topic.id)))]
            }
        }
        let followUp = followUp()
        blocks += followUp
        let groups = tasksByAssignee()
        if !groups.isEmpty {
            blocks.append(.field(label: words.tasksByProvince, value: ""))
            for group in groups {
                blocks.append(.heading(group.name))
                blocks.append(.table(.init(header: words.noticeTaskHeader,
                                           rows: group.tasks.map { [$0.what, $0.due.isEmpty ? words.noDeadline : $0.due, $0.topic] },
                                           weights: [45, 20, 35])))
            }
        }
        if !followUp.isEmpty && meeting.taskStandings.contains(where: { !$0.isDone }) {
            blocks.append(.paragraph(TaskLabels.forLanguage(language).carriedOn))
        }
        // Every province of the meeting, present or not, and every body given a task, receives it.
        var bodies = groups.filter { !$0.isProvince }.map(\.name)
        bodies += bodiesWithOpenTasks.filter { body in !bodies.contains { SearchKey.fold($0) == SearchKey.fold(body) } }
        let recipients = DocumentBlock.Recipients(label: words.recipients,
                                                  lines: words.recipientLines(provinces: meeting.provinces.map(\.name), bodies: bodies))
        blocks.append(.closing(recipients: recipients, signatures: [
            .init(title: words.signerTitle, hint: words.signHint, name: SignerName.name(of: a.chair)),
        ]))
        return blocks
    }

    struct Group {
        var name: String
        var isProvince: Bool
        var tasks: [(what: String, due: String, topic: String)]
    }

    /// Tasks grouped by the province or body they went to: provinces in the meeting's order (a row
    /// naming several provinces goes to each), then other bodies as typed, in Vietnamese order.
    func tasksByAssignee() -> [Group] {
        var byProvince: [String: [(String, String, String)]] = [:]
        var byBody: [String: (name: String, tasks: [(String, String, String)])] = [:]
        for topic in meeting.topics {
            for task in record.assignments(topic.id) where !(task.who.isEmpty && task.what.isEmpty) {
                let entry = (task.what, task.due, topic.title(in: language))
                if let provinces = provinces(named: task.who) {
                    for p in provinces { byProvince[p.id, default: []].append(entry) }
                } else {
                    let name = task.who.isEmpty ? words.unassigned : task.who
                    byBody[SearchKey.fold(name), default: (name, [])].tasks.append(entry)
                }
            }
        }
        var groups = meeting.provinces.compactMap { p in byProvince[p.id].map { Group(name: p.name, isProvince: true, tasks: $0) } }
        groups += byBody.values.sorted { VietnameseCollation.precedes($0.name, $1.name) }
            .map { Group(name: $0.name, isProvince: false, tasks: $0.tasks) }
        return groups
    }

    /// The provinces a typed "who" names ("hue", "quang tri, dak lak"), when every part is one.
    private func provinces(named typed: String) -> [ProvinceReport]? {
        let parts = ProvinceNameMatch.parts(typed)
        let provinces = parts.compactMap { ProvinceNameMatch.province($0, in: meeting.provinces) }
        return !parts.isEmpty && provinces.count == parts.count ? provinces : nil
    }

    /// A typed "who" as the documents write it: the provinces' own names when it names provinces
    /// ("quang tri, dak lak" → "Quảng Trị, Đắk Lắk"), else as typed. One rule for every table and group.
    func assignee(_ typed: String) -> String {
        provinces(named: typed)?.map(\.name).joined(separator: ", ") ?? typed
    }

    // MARK: Parts

    private func letterhead(number: String) -> DocumentBlock {
        .letterhead(.init(body: meeting.council, number: number, nation: words.nation, motto: words.motto,
                          placeDate: words.placeDate(Self.place(venue: meeting.venue), meeting.date)))
    }

    /// The place of the date line: the last part of the venue ("TP. Huế, Thừa Thiên Huế" → "Thừa
    /// Thiên Huế"), the locality the form names; nil without a venue.
    static func place(venue: String?) -> String? {
        guard let venue else { return nil }
        let parts = venue.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.last(where: { !$0.isEmpty })
    }

    static func midnightUTC(_ d: LocalDate) -> Date {
        Date(timeIntervalSince1970: Double(d.days(since: LocalDate(year: 1970, month: 1, day: 1)!)) * 86_400)
    }

    private func date(_ d: LocalDate) -> String { labels.date(d) }

    private func hm(_ t: Double) -> String { WallTime(t, utcOffset: record.utcOffset).hoursMinutes }

    /// "08 giờ 02, ngày 27/07/2019" / "08:02 on 2019-07-27": the journal's time of day on the
    /// meeting's date.
    private func moment(_ t: Double) -> String {
        let wt = WallTime(t, utcOffset: record.utcOffset)
        return words.moment(hour: wt.hour, minute: wt.minute, date: date(meeting.date))
    }
}

/// A person as the secretary or meeting.yaml writes them ("Ông Nguyễn Thành Hưng, Thứ trưởng Bộ …;
/// Ông Phan Ngọc Thọ, …"): the name for a signature block, and the text in mid-sentence.
enum SignerName {
    static let honorifics = ["ông", "bà", "đồng chí", "anh", "chị", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr"]

    /// The first person's name without honorific or title: "Nguyễn Thành Hưng".
    static func name(of people: String) -> String {
        let person = people.split(whereSeparator: { $0 == ";" || $0 == "\n" }).first.map(String.init) ?? ""
        var name = (person.split(separator: ",", maxSplits: 1).first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        let folded = name.lowercased()
        for h in honorifics where folded.hasPrefix(h + " ") {
            name = String(name.dropFirst(h.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return name
    }

    /// Vietnamese honorifics in lower case where a sentence goes on ("dưới sự chủ trì của ông …").
    static func midSentence(_ people: String, language: Language) -> String {
        guard language == .vi else { return people }
        return people.split(separator: ";", omittingEmptySubsequences: false).map { part -> String in
            let lead = part.prefix { $0 == " " }
            let rest = part.dropFirst(lead.count)
            for h in ["Ông ", "Bà ", "Đồng chí ", "Anh ", "Chị "] where rest.hasPrefix(h) {
                return String(lead) + h.lowercased() + rest.dropFirst(h.count)
            }
            return String(part)
        }.joined(separator: ";")
    }
}
