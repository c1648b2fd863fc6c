import ArgumentParser
import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import Foundation

/// `ciodash follow HOST[:PORT] --code CODE [DIR]`: a delegate's screen showing the presenter's
/// slide and countdown, at this terminal's size and language.
struct FollowCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "follow",
            abstract: HelpText.pick(vi: "Theo dõi người trình bày đang chia sẻ (ciodash present --share): cùng trang chiếu và giờ đếm ngược trên màn hình của bạn.", en: "Follow a presenter who shares (ciodash present --share): the same slide and countdown on your own screen.")
        )
    }

    @Argument(help: ArgumentHelp(HelpText.pick(vi: "Địa chỉ của người trình bày, như màn hình 'i' của họ hiện (mặc định cổng 7420).", en: "The presenter's address, as its 'i' screen shows it (port 7420 by default)."), valueName: "HOST[:PORT]"))
    var presenter: String

    @Option(name: .long, help: ArgumentHelp(HelpText.pick(vi: "Mã phòng người trình bày đưa ra.", en: "The room code the presenter shows."), valueName: "CODE"))
    var code: String

    @Flag(name: .long, help: HelpText.help(vi: "Màn hình người nói, trên máy của người trình bày: các phím của nó điều khiển phần trình chiếu.", en: "The speaker view, on the presenter's own machine: its keys drive the presentation."))
    var speaker = false

    @OptionGroup var meetingOptions: MeetingOptions
    @OptionGroup var screenOptions: ScreenOptions

    func validate() throws {
        _ = try RoomCode.parsedForCommandLine(code)
        guard LinkAddress(presenter, defaultHost: "") != nil else {
            throw ValidationError("địa chỉ người trình bày không hợp lệ: \(TextSanitizer.line(presenter)) / "
                + "not a presenter address: \(TextSanitizer.line(presenter))")
        }
    }

    /// How long to wait for the presenter before opening the screen (without a folder of one's own,
    /// there is nothing to show until its files arrive).
    static let joinWait = 20.0

    func run() throws {
        let address = LinkAddress(presenter, defaultHost: "")!
        let ownCopy = meetingOptions.folder != nil || meetingOptions.sample != nil
        let client = FollowerClient(target: .init(host: address.host, port: address.port,
                                                  code: try RoomCode.parsedForCommandLine(code),
                                                  role: speaker ? .speaker : .follower, wantsFolder: !ownCopy))
        client.start()
        defer { client.stop() }
        let received = ownCopy ? nil : try ReceivedFolder()
        defer { received?.remove() }
        let writer = received.map { ReceivedFolderWriter(folder: $0) }
        defer { writer?.close() }  // before the folder is removed: no write may land after

        // Join first: a wrong code is said on the command line (exit 1), and a follower without a
        // copy needs the presenter's files before there is a meeting to draw.
        var early: [FollowerLinkEvent] = []
        let end = Monotonic.now() + (ownCopy ? 3 : Self.joinWait)
        var said = false
        var saidLeft: [FolderFiles.Left] = []
        // Files the presenter left out or that could not be taken: said once, and the rest is used.
        func sayLeft() {
            for outcome in writer?.outcomes.drain() ?? [] where !outcome.left.isEmpty && outcome.left != saidLeft {
                saidLeft = outcome.left
                printError("ciodash: " + FollowLink.line(notReceived: outcome.left, from: address.description, .vi) + " / "
                    + FollowLink.line(notReceived: outcome.left, from: address.description, .en))
            }
        }
        while Monotonic.now() < end {
            let batch = client.inbox.drain()
            early += batch
            for case .refused(let reason) in batch where reason.isFinal {
                printError("ciodash: \(reason.text(.vi)) / \(reason.text(.en)) (\(TextSanitizer.line(address.description)))")
                throw ExitCode(1)
            }
            for case .folder(let files) in batch { writer?.submit(files) }
            sayLeft()
            let haveState = early.contains { if case .state = $0 { return true } else { return false } }
            let haveFolder = ownCopy || (writer?.isIdle == true
                && early.contains { if case .folder = $0 { return true } else { return false } })
            if early.contains(.folderUnavailable) && !ownCopy {
                printError("ciodash: thư mục của người trình bày quá lớn để gửi; hãy mở bản của bạn: ciodash follow \(presenter) --code … <thư-mục> / "
                    + "the presenter's folder is too large to send; open your own copy: ciodash follow \(presenter) --code … DIR")
                throw ExitCode(1)
            }
            if haveState && haveFolder { break }
            if !said, early.contains(where: { if case .waiting = $0 { return true } else { return false } }) {
                printError("ciodash: đang chờ người trình bày tại \(TextSanitizer.line(address.description))… / waiting for the presenter at \(TextSanitizer.line(address.description))…")
                said = true
            }
            usleep(20_000)
        }
        sayLeft()
        var options = meetingOptions
        if let received {
            guard MeetingFolderLayout.meetingFiles.contains(where: {
                FileManager.default.fileExists(atPath: FolderPath.join(received.path, $0))
            }) else {
                printError("ciodash: không nhận được thư mục phiên họp từ \(TextSanitizer.line(address.description)) / "
                    + "no meeting folder came from \(TextSanitizer.line(address.description))")
                throw ExitCode(1)
            }
            options.folder = received.path
        }
        var runner = DashboardRunner(meetingOptions: options, screenOptions: screenOptions, mode: .present)
        runner.earlierMeetingsFolder = received?.earlierMeetingsFolder
        runner.room = FollowLink(client: client, address: address, received: writer,
                                 ownFolder: ownCopy ? meetingOptions.resolvedFolder : nil, early: early,
                                 notReceived: saidLeft, speaker: speaker)
        try runner.run()
    }
}
