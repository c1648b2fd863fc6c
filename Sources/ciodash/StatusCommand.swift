import ArgumentParser
import CioDashCore
import CioDashRender

/// `ciodash status DIR`: the reporting board, who has reported and how completely, as text.
struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "status",
            abstract: HelpText.pick(vi: "Bảng theo dõi báo cáo: tỉnh nào đã gửi, khi nào, đã điền bao nhiêu chỉ tiêu được hỏi, lỗi, báo cáo cũ.", en: "The reporting board: each province received or not, when, metrics filled of those asked, errors, stale reports."),
            discussion: HelpText.pick(vi: "Cùng bảng với màn hình phím b của bảng điều khiển và snapshot --view status. Giờ lưu tệp theo giờ địa phương của máy (múi giờ của máy, ví dụ UTC+7 ở Việt Nam), hoặc UTC với --utc hay khi có SOURCE_DATE_EPOCH.",
                                     en: "The same board as the dashboard's view (key b) and snapshot --view status. File times are the machine's local time (its time zone, e.g. UTC+7 in Vietnam), or UTC with --utc or under SOURCE_DATE_EPOCH.")
        )
    }

    @OptionGroup var meetingOptions: MeetingOptions

    @Option(name: .long, help: HelpText.help(vi: "Độ rộng dòng tính bằng ô của terminal (20–1000).", en: "Line width in terminal cells (20–1000)."))
    var width: Int = 100

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en; mặc định: ngôn ngữ của phiên họp.", en: "vi or en; default: the meeting's language."))
    var lang: Language?

    @Flag(name: .long, help: HelpText.help(vi: "Hiện giờ lưu tệp theo UTC thay vì giờ địa phương của máy.", en: "Show file times in UTC rather than the machine's local time."))
    var utc = false

    func validate() throws {
        guard SizeLimits.textWidth.contains(width) else { throw ValidationError("--width must be between 20 and 1000") }
    }

    func run() throws {
        let (meeting, _) = try loadMeetingOrExit(meetingOptions, readsPreviousMeeting: false)
        let language = lang ?? meeting.language
        var context = RenderContext(language: language, width: width)
        context.utcOffset = generationUTCOffset(utc: utc)
        let body = ViewRenderer.body(.status, meeting: meeting, context: context)
        // The meeting, named once above the board (the board itself has no title line).
        let title = meeting.title + " · " + context.labels.date(meeting.date)
        var text = TextLayout.wrap(TextSanitizer.line(title), width: width).map { $0 + "\n" }.joined()
        if let grid = body?.grid { for y in 0..<grid.height { text += grid.line(y) + "\n" } }
        try writeOutput(text)
    }
}
