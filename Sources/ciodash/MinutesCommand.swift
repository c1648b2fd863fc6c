import ArgumentParser
import CioDashCore
import CioDashRender
import Foundation

/// `ciodash minutes`: the biên bản or the thông báo kết luận of a session, from the meeting folder
/// and the journal the presenter kept (`ciodash present --minutes FILE`).
struct MinutesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "minutes",
            abstract: HelpText.pick(vi: "Viết biên bản hoặc thông báo kết luận của một phiên họp.", en: "Write the minutes (biên bản) or the notice of conclusions (thông báo kết luận) of a session."),
            discussion: HelpText.pick(vi: "Nhật ký là tệp `ciodash present` đã ghi (--minutes TỆP; mặc định ./ciodash-minutes/<ngày>.jsonl). Nhật ký bị hỏng được đọc đến chỗ còn tốt; mọi dòng không dùng được đều được nêu ở đầu ra lỗi chuẩn. Kết quả chỉ phụ thuộc thư mục và nhật ký: cùng đầu vào cho cùng kết quả.",
                                     en: "The journal is the file `ciodash present` kept (--minutes FILE; default ./ciodash-minutes/<date>.jsonl). A damaged journal is read as far as it is good; every line not used is named on standard error. The output depends only on the folder and the journal: the same inputs give the same bytes.")
        )
    }

    @OptionGroup var meetingOptions: MeetingOptions

    @Option(name: .long, help: ArgumentHelp(HelpText.pick(vi: "Tệp nhật ký biên bản; mặc định: ./ciodash-minutes/<ngày họp>.jsonl.", en: "The minutes journal; default: ./ciodash-minutes/<meeting date>.jsonl."), valueName: "file"))
    var journal: String?

    @Option(name: .long, help: HelpText.help(vi: "bien-ban (biên bản) hoặc ket-luan (thông báo kết luận).", en: "bien-ban (the minutes) or ket-luan (the notice of conclusions)."))
    var kind: MinutesDocument.Kind = .bienBan

    @Option(name: .long, help: HelpText.help(vi: "docx (Word, khổ A4, thể thức theo Nghị định 30/2020, sẵn sàng ký), markdown hoặc text.", en: "docx (Word, A4, Nghị định 30/2020 layout, ready to sign), markdown or text."))
    var format: MinutesDocument.Format = .markdown

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en; mặc định: ngôn ngữ của phiên họp.", en: "vi or en; default: the meeting's language."))
    var lang: Language?

    @Option(name: .long, help: HelpText.help(vi: "Độ rộng dòng của dạng text (40–200).", en: "Line width of the text format (40–200)."))
    var width: Int = 80

    @Option(name: [.short, .customLong("output")], help: HelpText.help(vi: "Ghi vào tệp này (trọn vẹn) thay vì ra đầu ra chuẩn.", en: "Write to this file (atomically) instead of standard output."))
    var output: String?

    @Flag(name: .long, help: HelpText.help(vi: "Ghi đè tệp kết quả nếu đã có.", en: "Overwrite the output file if it exists."))
    var force = false

    func validate() throws {
        guard (40...200).contains(width) else { throw ValidationError("--width must be between 40 and 200") }
        if let output { try requireUTF8(output, what: "output file") }
        if let journal { try requireUTF8(journal, what: "minutes journal") }
    }

    func run() throws {
        let (meeting, _) = try loadMeetingOrExit(meetingOptions)
        let language = lang ?? meeting.language
        let path = journal ?? MinutesLocation.defaultPath(meetingFolder: meetingOptions.resolvedFolder, date: meeting.date)
        guard let data = FileManager.default.contents(atPath: path) else {
            printError(language == .vi ? "ciodash: không đọc được nhật ký biên bản \(TextSanitizer.line(path))"
                : "ciodash: cannot read the minutes journal \(TextSanitizer.line(path))")
            throw ExitCode(2)
        }
        let parsed = MinutesJournalReader.parse(String(decoding: data, as: UTF8.self))
        for problem in parsed.problems {
            printError(TextSanitizer.line(problem.diagnostic(file: path, language: language).description))
        }
        guard let header = parsed.header, var record = parsed.record else { throw ExitCode(2) }
        guard header.meetingTitle == Normalization.nfc(meeting.title), header.meetingDate == meeting.date else {
            let refusal = MinutesJournal.OpenError.otherMeeting(path: path, title: header.meetingTitle, date: header.meetingDate)
            printError("ciodash: " + TextSanitizer.line(refusal.message(language)))
            throw ExitCode(2)
        }
        // A run a crash left open ends where the journal stops, as the presenter would resume it.
        if let topic = record.runningTopic, let last = record.lastSeen {
            record.apply(.clock(MinutesClockEvent(.interrupted, topic: topic, at: last)))
        }
        var document = MinutesDocument(meeting: meeting, record: record, language: language)
        document.width = width
        // The documents carry the meeting's date; a journal kept on other days (a rehearsal) is named.
        if let warning = document.clockDateWarning(journal: path) { printError(warning.description(in: language)) }
        if format == .docx { try refuseBinaryOnTerminal(output: output, language: language, example: "bien-ban.docx") }
        let bytes: [UInt8]
        do {
            bytes = try document.data(kind, format: format)
        } catch {
            printError("ciodash: \(error)")
            throw ExitCode(1)
        }
        try writeDocument(bytes, to: output, force: force)
    }
}

extension MinutesDocument.Kind: ExpressibleByArgument {}
extension MinutesDocument.Format: ExpressibleByArgument {}
