import CioDashCore

/// The two documents a session ends in, from the meeting folder and the secretary's journal:
/// the biên bản (minutes, after Mẫu 1.9, Phụ lục III, Nghị định 30/2020/NĐ-CP) and the thông báo
/// kết luận (the conclusions and the tasks by province). Pure: the same inputs give the same bytes.
///
/// Upper case: the form's own headings (BIÊN BẢN, THƯ KÝ, CHỦ TỌA, the national heading) are
/// written in capitals, as the legal form has them; a document is printed or opened in a word
/// processor, where lines have room for stacked marks. Nothing from the data is put in capitals,
/// and the screens never use them.
public struct MinutesDocument: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bienBan = "bien-ban"
        case ketLuan = "ket-luan"
    }

    public enum Format: String, Sendable, CaseIterable { case markdown, text }

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

    public func render(_ kind: Kind, format: Format) -> String {
        var w = DocumentWriter(format: format == .markdown ? .markdown : .text, width: width)
        switch kind {
        case .bienBan: minutes(&w)
        case .ketLuan: conclusions(&w)
        }
        return w.out
    }

    private var words: MinutesLabels { MinutesLabels.forLanguage(language) }
    private var labels: Labels { Labels.forLanguage(language) }
    private var attendance: MinutesAttendance { MinutesAttendance(meeting: meeting, record: record) }

    // MARK: Biên bản

    private func minutes(_ w: inout DocumentWriter) {
        let a = attendance
        letterhead(&w, number: words.minutesNumber)
        w.title(words.minutesTitle, subject: [meeting.title])
        w.field(words.timeStarted, record.started.map(moment) ?? (meeting.start.map { words.plannedStart($0, date: date(meeting.date)) } ?? words.notRecorded))
        w.field(words.venue, meeting.venue ?? words.notRecorded)
        var who = [words.provincesPresent(a.present.count, of: meeting.provinces.count) + ": "
            + a.present.map(\.name).joined(separator: ", ")]
        if !a.absent.isEmpty { who.append(words.absent + ": " + a.absent.map(\.name).joined(separator: ", ")) }
        if !a.unmatched.isEmpty { who.append(words.unmatchedAbsent + ": " + a.unmatched.joined(separator: ", ")) }
        if !a.guests.isEmpty { who.append(words.guests + ": " + a.guests) }
        w.field(words.attendance, "")
        w.bullets(who)
        w.field(words.chair, a.chair.isEmpty ? words.notRecorded : a.chair)
        w.field(words.secretary, a.secretary.isEmpty ? words.notRecorded : a.secretary)
        w.field(words.content, "")
        for (n, topic) in meeting.topics.enumerated() { item(&w, number: n + 1, topic: topic, present: a.present) }
        w.paragraph(record.ended.map { words.endedAt(moment($0)) } ?? words.endNotRecorded)
        w.signatures((words.secretarySign, words.signHint, a.secretary), (words.chairSign, words.signHint, a.chair))
    }

    private func item(_ w: inout DocumentWriter, number: Int, topic: AgendaTopic, present: [ProvinceReport]) {
        w.heading("\(number). " + topic.title(in: language))
        w.bullets(figures(topic, present: present))
        let notes = record.text(.notes(topic: topic.id))
        if !notes.isEmpty {
            w.field(words.discussion, "")
            w.paragraph(notes)
        }
        let conclusions = record.text(.conclusions(topic: topic.id))
        w.field(words.conclusions, conclusions.isEmpty ? words.none : "")
        if !conclusions.isEmpty { w.paragraph(conclusions) }
        let tasks = record.assignments(topic.id)
        if !tasks.isEmpty {
            w.field(words.assignments, "")
            w.table(words.taskHeader, tasks.enumerated().map { ["\($0.offset + 1)", $0.element.who, $0.element.what, $0.element.due] })
        }
    }

    /// The figures that mattered on an item: time, status counts, the headline's first and last three.
    private func figures(_ topic: AgendaTopic, present: [ProvinceReport]) -> [String] {
        var lines: [String] = []
        let spent = record.spent[topic.id]
        var time = words.plannedActual(planned: topic.minutes.map { SessionTiming.mmss($0 * 60) },
                                       actual: spent.map(SessionTiming.mmss))
        if let minutes = topic.minutes, let spent {
            let over = spent - minutes * 60
            if over != 0 { time += " (" + (over > 0 ? words.over : words.under) + " " + SessionTiming.mmss(abs(over)) + ")" }
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

    private func conclusions(_ w: inout DocumentWriter) {
        let a = attendance
        letterhead(&w, number: words.noticeNumber)
        w.title(words.noticeTitle, subject: [words.noticeSubject(chair: words.theChair, meeting: meeting.title)])
        w.paragraph(words.noticeOpening(date: date(meeting.date), venue: meeting.venue, council: meeting.council,
                                        chair: a.chair, present: a.present.count))
        w.field(words.concludedAs, "")
        for (n, topic) in meeting.topics.enumerated() {
            w.heading("\(n + 1). " + topic.title(in: language))
            let text = record.text(.conclusions(topic: topic.id))
            w.paragraph(text.isEmpty ? words.none : text)
        }
        w.field(words.tasksByProvince, "")
        let groups = tasksByAssignee()
        if groups.isEmpty { w.paragraph(words.none) }
        for group in groups {
            w.heading(group.name)
            w.table(words.noticeTaskHeader, group.tasks.map { [$0.what, $0.due.isEmpty ? words.noDeadline : $0.due, $0.topic] })
        }
        w.field(words.recipients, "")
        w.bullets(words.recipientLines(present: a.present.map(\.name)))
        w.signatures(("", "", ""), (words.signerTitle, words.signHint, a.chair))
    }

    struct Group {
        var name: String
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
                let parts = ProvinceNameMatch.parts(task.who)
                let provinces = parts.compactMap { ProvinceNameMatch.province($0, in: meeting.provinces) }
                if !parts.isEmpty && provinces.count == parts.count {
                    for p in provinces { byProvince[p.id, default: []].append(entry) }
                } else {
                    let name = task.who.isEmpty ? words.unassigned : task.who
                    byBody[SearchKey.fold(name), default: (name, [])].tasks.append(entry)
                }
            }
        }
        var groups = meeting.provinces.compactMap { p in byProvince[p.id].map { Group(name: p.name, tasks: $0) } }
        groups += byBody.values.sorted { VietnameseCollation.precedes($0.name, $1.name) }.map { Group(name: $0.name, tasks: $0.tasks) }
        return groups
    }

    // MARK: Parts

    private func letterhead(_ w: inout DocumentWriter, number: String) {
        let day = record.started.map { WallTime($0, utcOffset: record.utcOffset).date } ?? meeting.date
        w.letterhead(left: [meeting.council, number], right: [words.nation, words.motto, words.placeDate(day)])
    }

    private func date(_ d: LocalDate) -> String { labels.date(d) }

    private func hm(_ t: Double) -> String { WallTime(t, utcOffset: record.utcOffset).hoursMinutes }

    /// "08 giờ 02, ngày 27/07/2019" / "08:02 on 2019-07-27".
    private func moment(_ t: Double) -> String {
        let wt = WallTime(t, utcOffset: record.utcOffset)
        return words.moment(hour: wt.hour, minute: wt.minute, date: date(wt.date))
    }
}
