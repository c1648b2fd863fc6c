import ArgumentParser
import CioDashCore
import CioDashSamples
import CioDashSpreadsheet
import Foundation

/// `ciodash init NEWDIR`: a new meeting folder, the agenda carried over from the previous meeting.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new meeting folder: the agenda of the previous meeting, the provinces of the new date, none reported yet.",
        discussion: """
        The topics, time budgets and metric definitions come from --from (else the bundled sample of the \
        date's period: council-2026 from 1 July 2025, hue-2019 before); the provinces are those units as \
        they stand on --date (the 2025 mergers applied); previous: names --from. With --from, the tasks of \
        the previous meeting that are not done, and those its minutes journal assigned (where `present \
        --take-minutes` keeps it, or --journal FILE), are carried, each owner as the units stand on --date. \
        NEWDIR must not exist or be empty; it is written whole or not at all.
        """
    )

    @Argument(help: "The new meeting folder (must not exist, or be empty).")
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The previous meeting's folder.", valueName: "previous"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The meeting's date, YYYY-MM-DD; default: today.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: "The meeting's title; default: the previous title, its year changed to the new date's.")
    var title: String?

    @Option(name: .long, help: "Where the meeting is held.")
    var venue: String?

    @Option(name: .long, help: "vi or en, for messages; default: the previous meeting's language.")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("The previous meeting's minutes journal; default: ./ciodash-minutes/<its date>.jsonl, as present --take-minutes keeps it.",
                                            valueName: "file"))
    var journal: String?

    func validate() throws {
        try requireUTF8(folder, what: "new meeting folder")
        if let from { try requireUTF8(from, what: "previous meeting folder") }
        if let journal {
            try requireUTF8(journal, what: "minutes journal")
            if from == nil { throw ValidationError("--journal cần --from (phiên họp của nhật ký). / --journal needs --from (the journal's meeting).") }
        }
        if let date, LocalDate(iso: date) == nil {
            throw ValidationError("--date \(TextSanitizer.line(date).debugDescription) không phải ngày hợp lệ; viết YYYY-MM-DD, ví dụ 2026-07-24. / "
                + "--date \(TextSanitizer.line(date).debugDescription) is not a valid date; write it YYYY-MM-DD, e.g. 2026-07-24.")
        }
        for (name, text) in [("--title", title), ("--venue", venue)] {
            if let text, text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw ValidationError("\(name) chứa ký tự điều khiển. / \(name) contains a control character.")
            }
        }
    }

    func run() throws {
        let day = date.flatMap { LocalDate(iso: $0) } ?? Self.today()
        let earlierFolder = from ?? (day < UnitsCatalogue.firstDayOf34 ? SampleMeetings.hue2019 : SampleMeetings.council2026).path
        let loaded = MeetingLoader(readsPreviousMeeting: false).load(folder: earlierFolder)
        guard let earlier = loaded.meeting else {
            for d in loaded.diagnostics where d.severity == .error { printError(TextSanitizer.line(d.description)) }
            printError(Self.say(lang ?? .vi,
                                vi: "ciodash: không mở được phiên họp trước trong \(TextSanitizer.line(earlierFolder))",
                                en: "ciodash: cannot open the previous meeting in \(TextSanitizer.line(earlierFolder))"))
            throw ExitCode(2)
        }
        let language = lang ?? earlier.language
        if from != nil, !(earlier.date < day) {
            printError(Self.say(language,
                                vi: "ciodash: phiên họp trước họp ngày \(earlier.date.vietnamese), không trước ngày \(day.vietnamese) của phiên mới; hãy cho --date muộn hơn",
                                en: "ciodash: the previous meeting is dated \(earlier.date), not before the new one's \(day); give a later --date"))
            throw ExitCode(1)
        }
        let link = from.map { Self.relativePath(from: folder, to: $0) }
        let minutes = try from.map { try previousJournal(earlier, folder: $0, language) } ?? nil
        let plan = NewMeeting(from: earlier, date: day, title: title, venue: venue, previous: link,
                              assigned: from == nil ? nil : minutes?.tasks ?? [])
        do {
            try AtomicFolder.create(folder, files: [("meeting.yaml", Array(plan.meetingYAML.utf8))], folders: ["provinces"])
        } catch .exists {
            printError(Self.whyNotNew(folder, language))
            throw ExitCode(1)
        } catch .cannotWrite(_, let reason) {
            printError(Self.say(language, vi: "ciodash: không tạo được \(TextSanitizer.line(folder)): \(reason)",
                                en: "ciodash: cannot create \(TextSanitizer.line(folder)): \(reason)"))
            throw ExitCode(1)
        }
        try writeOutput(Self.report(plan, folder: folder, earlier: earlier, from: from, journal: minutes?.path, language))
    }

    /// The previous meeting's journal and the tasks it assigned: `--journal`, else where `present
    /// --take-minutes` keeps it; nil when there is none at the default place. A journal named but
    /// unreadable, or of another meeting, stops the command; its damaged lines are named and skipped.
    func previousJournal(_ earlier: Meeting, folder: String, _ language: Language) throws -> (path: String, tasks: [CouncilTask])? {
        let path = journal ?? MinutesLocation.defaultPath(meetingFolder: folder, date: earlier.date)
        guard let data = FileManager.default.contents(atPath: path) else {
            guard journal != nil else { return nil }
            printError(Self.say(language, vi: "ciodash: không đọc được nhật ký biên bản \(TextSanitizer.line(path))",
                                en: "ciodash: cannot read the minutes journal \(TextSanitizer.line(path))"))
            throw ExitCode(2)
        }
        let parsed = MinutesJournalReader.parse(String(decoding: data, as: UTF8.self))
        for problem in parsed.problems { printError(TextSanitizer.line(problem.diagnostic(file: path, language: language).description)) }
        guard let header = parsed.header, let record = parsed.record else { throw ExitCode(2) }
        guard header.meetingTitle == Normalization.nfc(earlier.title), header.meetingDate == earlier.date else {
            let refusal = MinutesJournal.OpenError.otherMeeting(path: path, title: header.meetingTitle, date: header.meetingDate)
            printError("ciodash: " + TextSanitizer.line(refusal.message(language)))
            throw ExitCode(2)
        }
        return (path, MinutesTasks.tasks(record, meeting: earlier))
    }

    /// Why `NEWDIR` cannot be made, as it is: a link (dangling or not), a file or device, or a folder
    /// that is not empty. A link is never followed: the new meeting would land where it points.
    static func whyNotNew(_ folder: String, _ language: Language) -> String {
        let shown = TextSanitizer.line(folder)
        var info = stat()
        guard lstat(folder, &info) == 0 else {
            return say(language, vi: "ciodash: không tạo được \(shown): \(String(cString: strerror(errno)))",
                       en: "ciodash: cannot create \(shown): \(String(cString: strerror(errno)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(folder, &target, target.count - 1)
            let to = n >= 0 ? TextSanitizer.line(String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)) : "?"
            var pointed = stat()
            let dangling = stat(folder, &pointed) != 0
            return say(language,
                       vi: "ciodash: \(shown) là một liên kết tượng trưng (tới \(to)\(dangling ? ", không tồn tại" : "")), "
                           + "không phải thư mục mới; hãy chọn một thư mục mới",
                       en: "ciodash: \(shown) is a symbolic link (to \(to)\(dangling ? ", which does not exist" : "")), "
                           + "not a new folder; choose a new folder")
        case S_IFDIR:
            return say(language, vi: "ciodash: \(shown) đã có và không trống; hãy chọn một thư mục mới",
                       en: "ciodash: \(shown) already exists and is not empty; choose a new folder")
        default:
            return say(language, vi: "ciodash: \(shown) là một tệp, không phải thư mục; hãy chọn một thư mục mới",
                       en: "ciodash: \(shown) is a file, not a folder; choose a new folder")
        }
    }

    /// What was made, and what to do next.
    static func report(_ plan: NewMeeting, folder: String, earlier: Meeting, from: String?, journal: String? = nil,
                       _ language: Language) -> String {
        let name = { (id: String) in UnitsCatalogue.unit(id: id, on: plan.date)?.name ?? id }
        let formerName = { (id: String) in UnitsCatalogue.unit(id: id, on: earlier.date)?.name ?? UnitsCatalogue.formerName(id) }
        let where_ = TextSanitizer.line(folder)
        var lines: [String] = []
        let en = language == .en
        lines.append(en ? "made \(where_): \(plan.title), \(plan.date)" : "đã tạo \(where_): \(plan.title), ngày \(plan.date.vietnamese)")
        let agenda = from.map { TextSanitizer.line($0) } ?? (en ? "the bundled sample" : "cuộc họp mẫu") + " \(earlier.title)"
        lines.append(en ? "  agenda: \(plan.topics.count) topics from \(agenda)" : "  chương trình: \(plan.topics.count) chủ đề lấy từ \(agenda)")
        for topic in plan.topics {
            lines.append("    \(topic.id): \(topic.metrics.count) " + (en ? "metrics" : "chỉ tiêu")
                         + (topic.minutes.map { en ? ", \($0) min" : ", \($0) phút" } ?? ""))
        }
        lines.append(en ? "  provinces: \(plan.provinces.count), none reported yet (chưa báo cáo)"
                        : "  tỉnh/thành: \(plan.provinces.count), tất cả chưa báo cáo")
        for merge in plan.merges {
            let parts = merge.from.map(formerName).joined(separator: " + ")
            lines.append(en ? "    \(name(merge.id)) (\(merge.id)): from \(parts)" : "    \(name(merge.id)) (\(merge.id)): hợp nhất từ \(parts)")
        }
        if let previous = plan.previous {
            lines.append(en ? "  previous: \(TextSanitizer.line(previous))" : "  phiên họp trước: \(TextSanitizer.line(previous))")
        }
        if let carried = plan.carried { lines += taskLines(carried, journal: journal, name: name, formerName: formerName, en) }
        lines.append(en ? "next: ciodash template \(where_) -o forms/   (the return forms to send out)"
                        : "tiếp theo: ciodash template \(where_) -o forms/   (biểu mẫu gửi các tỉnh)")
        return lines.map { TextSanitizer.line($0) }.joined(separator: "\n") + "\n"
    }

    /// What became of the previous meeting's tasks: how many carried, from which journal, each owner
    /// given to its successor ("Kon Tum → Quảng Ngãi"), each owner kept because it could not be mapped.
    static func taskLines(_ carried: TaskCarry, journal: String?, name: (String) -> String, formerName: (String) -> String,
                          _ en: Bool) -> [String] {
        var lines: [String] = []
        let source = journal.map { TextSanitizer.line($0) }
        lines.append(en ? "  tasks: \(carried.tasks.count) carried (not done), \(carried.done.count) done left behind"
                            + (source.map { "; minutes journal \($0)" } ?? "; no minutes journal found")
                        : "  nhiệm vụ: chuyển \(carried.tasks.count) nhiệm vụ chưa xong, \(carried.done.count) đã xong không chuyển"
                            + (source.map { "; nhật ký biên bản \($0)" } ?? "; không thấy nhật ký biên bản"))
        for m in carried.mapped {
            lines.append(en ? "    \(m.task): \(formerName(m.from)) → \(name(m.to)) (the unit it became part of; \(m.from) kept under was:)"
                            : "    \(m.task): \(formerName(m.from)) → \(name(m.to)) (đơn vị đã hợp nhất vào; \(m.from) giữ ở was:)")
        }
        for u in carried.unmapped {
            lines.append(en ? "    \(u.task): owner \(u.owner) is no province of the new meeting; kept as it was, check it (ciodash check)"
                            : "    \(u.task): \(u.owner) không phải tỉnh/thành nào của phiên mới; giữ nguyên, cần xem lại (ciodash check)")
        }
        return lines
    }

    /// `previous:` as a path from the new folder to the earlier one, so that the two can move together.
    static func relativePath(from newFolder: String, to earlier: String) -> String {
        let parent = FolderPath.parent(of: newFolder)
        let base = absolute(parent.isEmpty ? "." : parent)
        let target = absolute(earlier).split(separator: "/").map(String.init)
        let start = base.split(separator: "/").map(String.init)
        var common = 0
        while common < min(start.count, target.count) && start[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: start.count - common + 1)
        return (up + target[common...]).joined(separator: "/")
    }

    /// A path made absolute, its links resolved where it exists.
    private static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path
    }

    static func today() -> LocalDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return LocalDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    private static func say(_ language: Language, vi: String, en: String) -> String { language == .en ? en : vi }
}
