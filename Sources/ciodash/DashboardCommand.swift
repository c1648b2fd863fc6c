import ArgumentParser
import CioDashCore
import CioDashNet
import CioDashRender
import CioDashTerminal

/// `ciodash [DIR]`: delegates browse the meeting; `--present` (or `ciodash present`) drives the slides.
struct DashboardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "browse",
            abstract: HelpText.pick(vi: "Mở bảng điều khiển trực tiếp cho một thư mục phiên họp (lệnh mặc định).", en: "Open the live dashboard on a meeting folder (the default command).")
        )
    }

    @OptionGroup var meetingOptions: MeetingOptions
    @OptionGroup var screenOptions: ScreenOptions

    @Flag(name: .long, help: HelpText.help(vi: "Chế độ trình chiếu: chương trình thành các trang, có đồng hồ và giờ đếm ngược từng chủ đề.", en: "Presenter mode: the agenda as slides, with a clock and per-topic countdown."))
    var present = false

    func run() throws {
        try DashboardRunner(meetingOptions: meetingOptions, screenOptions: screenOptions,
                            mode: present ? .present : .browse).run()
    }
}

/// `ciodash present [DIR]`.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: HelpText.pick(vi: "Điều khiển phiên họp trên máy chiếu: chương trình, tổng quan, rồi từng chủ đề và các bảng của nó.", en: "Drive the meeting on a projector: agenda, overview, then each topic and its panels.")
    )

    @OptionGroup var meetingOptions: MeetingOptions
    @OptionGroup var screenOptions: ScreenOptions

    @Flag(name: .long, help: ArgumentHelp(HelpText.pick(vi: "Chia sẻ phần trình chiếu trong phòng họp: đại biểu theo dõi bằng 'ciodash follow' (--share [ĐỊA-CHỈ:CỔNG], mặc định mọi giao diện mạng, cổng 7420).", en: "Share the presentation in the room: delegates follow it with 'ciodash follow' (--share [ADDR:PORT], default all interfaces, port 7420)."), valueName: "ADDR:PORT"))
    var share = false

    @Option(name: .customLong("share-on"), help: .hidden)
    var shareOn: String?

    @Option(name: .long, help: ArgumentHelp(HelpText.pick(vi: "Mã phòng người theo dõi phải nhập (mặc định: mã mới cho mỗi phiên).", en: "The room code followers must give (default: a new one for each session)."), valueName: "CODE"))
    var code: String?

    @Option(name: .long, help: ArgumentHelp(HelpText.pick(vi: "Cùng --share: địa chỉ cho trình duyệt (mặc định: địa chỉ chia sẻ, cổng + 1).", en: "With --share: where browsers join (default: the share's address, its port + 1)."), valueName: "ADDR:PORT"))
    var web: String?

    @Flag(name: .customLong("no-web"), help: HelpText.help(vi: "Cùng --share: không có trang cho trình duyệt.", en: "With --share: no page for browsers."))
    var noWeb = false

    @Flag(name: .customLong("web-no-ahead"), help: HelpText.help(vi: "Cùng --share: trình duyệt được xem lại các trang trước, không bao giờ xem trước trang chưa chiếu.", en: "With --share: browsers may look back, never at a slide not yet shown."))
    var webNoAhead = false

    func validate() throws {
        if code != nil && !share {
            throw ValidationError("--code chỉ dùng cùng --share / --code goes with --share")
        }
        if let shareOn, LinkAddress(shareOn, defaultHost: "0.0.0.0") == nil {
            throw ValidationError("địa chỉ chia sẻ không hợp lệ: \(TextSanitizer.line(shareOn)) (ví dụ 0.0.0.0:7420) / "
                + "not an address to share on: \(TextSanitizer.line(shareOn)) (for example 0.0.0.0:7420)")
        }
        if let code { _ = try RoomCode.parsedForCommandLine(code) }
        if (web != nil || noWeb || webNoAhead) && !share {
            throw ValidationError("--web, --no-web, --web-no-ahead chỉ dùng cùng --share / go with --share")
        }
        if let web, LinkAddress(web, defaultHost: "0.0.0.0") == nil {
            throw ValidationError("địa chỉ cho trình duyệt không hợp lệ: \(TextSanitizer.line(web)) (ví dụ 0.0.0.0:7421) / "
                + "not an address for browsers: \(TextSanitizer.line(web)) (for example 0.0.0.0:7421)")
        }
    }

    func run() throws {
        var runner = DashboardRunner(meetingOptions: meetingOptions, screenOptions: screenOptions, mode: .present)
        if share {
            let address = LinkAddress(shareOn ?? "", defaultHost: "0.0.0.0")!
            let room = try code.map(RoomCode.parsedForCommandLine) ?? RoomCode.generate()
            do {
                runner.room = try ShareLink(address: address, code: room, folder: meetingOptions.resolvedFolder,
                                           limits: meetingOptions.limits)
            } catch {
                printError("ciodash: không mở được \(address) để chia sẻ / cannot share on \(address): \(TextSanitizer.line("\(error)"))")
                throw ExitCode(1)
            }
            if !noWeb, let link = runner.room {
                let webAddress = web.flatMap { LinkAddress($0, defaultHost: address.host, defaultPort: address.port + 1) }
                    ?? BrowserShare.defaultAddress(for: address)
                do {
                    runner.room = try BrowserShare(around: link, address: webAddress, code: room, noAhead: webNoAhead)
                } catch {
                    link.close()
                    printError("ciodash: không mở được \(webAddress) cho trình duyệt / cannot serve browsers on \(webAddress): \(TextSanitizer.line("\(error)"))")
                    throw ExitCode(1)
                }
            }
        }
        try runner.run()
    }
}

/// Options of the live screen.
struct ScreenOptions: ParsableArguments {
    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en; mặc định: ngôn ngữ của phiên họp.", en: "vi or en; default: the meeting's language."))
    var lang: Language?

    @Option(name: .long, help: HelpText.help(vi: "default, projector (tương phản cao) hoặc mono.", en: "default, projector (high contrast) or mono."))
    var theme: Theme = .default

    @Option(name: .long, help: HelpText.help(vi: "Độ rộng văn bản in ra khi đầu ra chuẩn không phải màn hình terminal.", en: "Width of the text printed when standard output is not a terminal."))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp(HelpText.pick(vi: "Người trình bày: ghi biên bản (phím m) vào tệp nhật ký này; sau sự cố, mở lại cùng tệp là có lại mọi ghi chép và thời gian.", en: "Presenter: keep the minutes (m) in this journal; after a crash, the same file resumes every note and time."),
                                            valueName: "file"))
    var minutes: String?

    @Flag(name: .long, help: HelpText.help(vi: "Người trình bày: ghi biên bản vào ./ciodash-minutes/<ngày họp>.jsonl.", en: "Presenter: keep the minutes in ./ciodash-minutes/<meeting date>.jsonl."))
    var takeMinutes = false

    @Flag(name: .long, help: HelpText.help(vi: "Người trình bày: bắt đầu nhật ký biên bản mới, chuyển nhật ký cũ (của buổi tập) sang <nhật-ký>.old-N; không xóa gì.", en: "Presenter: begin a new minutes journal, moving an existing one (a rehearsal's) aside to <journal>.old-N; nothing is deleted."))
    var freshJournal = false

    @Option(name: .customLong("command-log"), help: ArgumentHelp(HelpText.pick(vi: "Ghi thêm vào cuối tệp này mọi lệnh đã làm, mỗi lệnh một dòng (cùng chữ đã gõ và thời gian giữa các lệnh), theo ngôn ngữ của kịch bản phát lại: phiên làm việc chạy lại được y như cũ.", en: "Append every command done to this file, one a line (with the text typed and the time between commands), in the replay scripts' language: the session can be replayed as it ran."),
                                                                   valueName: "file"))
    var commandLog: String?

    /// The journal to keep, if any.
    func minutesPath(meetingFolder: String, date: LocalDate) -> String? {
        minutes ?? (takeMinutes ? MinutesLocation.defaultPath(meetingFolder: meetingFolder, date: date) : nil)
    }

    /// Traps after the first frame, to test that a crash gives the terminal back.
    @Flag(name: .customLong("debug-crash"), help: .hidden)
    var debugCrash = false

    func validate() throws {
        if let width, !SizeLimits.textWidth.contains(width) {
            throw ValidationError("--width must be between 20 and 1000")
        }
        if let minutes { try requireUTF8(minutes, what: "minutes journal") }
        if let commandLog { try requireUTF8(commandLog, what: "command log") }
        if freshJournal && minutes == nil && !takeMinutes {
            throw ValidationError("--fresh-journal needs --take-minutes or --minutes FILE")
        }
    }
}
