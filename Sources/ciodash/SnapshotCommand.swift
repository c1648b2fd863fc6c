import ArgumentParser
import CioDashCore
import CioDashRender
import Foundation

/// `ciodash snapshot`: any view as text, Markdown, CSV, HTML, SVG or Word, for the minutes and reports.
struct SnapshotCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "snapshot",
            abstract: HelpText.pick(vi: "Ghi một màn hình dạng văn bản, Markdown, CSV, HTML, SVG hoặc Word (.docx) cho biên bản và báo cáo.", en: "Write a view as text, Markdown, CSV, HTML, SVG or Word (.docx) for the minutes and reports."),
            discussion: HelpText.pick(vi: "Các màn hình: \(viewForms(.vi)). Tên tỉnh có thể viết không dấu: province:hue, province:\"dak lak\". Đặt SOURCE_DATE_EPOCH để kết quả giống hệt nhau từng byte.",
                                     en: "Views: \(viewForms(.en)). Provinces may be named without diacritics: province:hue, province:\"dak lak\". Set SOURCE_DATE_EPOCH for byte-for-byte reproducible output.")
        )
    }

    /// The views `--view` takes, from the registry of view kinds, placeholders in the help's language.
    static func viewForms(_ language: Language) -> String {
        let forms = ViewResolver.validViewForms.joined(separator: ", ")
        guard language == .vi else { return forms }
        return forms.replacingOccurrences(of: "<topic-id>", with: "<mã-chủ-đề>").replacingOccurrences(of: "<province-id>", with: "<mã-tỉnh>")
    }

    @OptionGroup var meetingOptions: MeetingOptions

    @Option(name: .long, help: HelpText.help(vi: "Màn hình cần ghi.", en: "The view to write."))
    var view: String = "overview"

    @Option(name: .long, help: HelpText.help(vi: "Độ rộng dòng tính bằng ô của terminal (20–1000).", en: "Line width in terminal cells (20–1000)."))
    var width: Int = 100

    @Option(name: .long, help: HelpText.help(vi: "Cắt mỗi màn hình còn chừng này dòng; mặc định: cả màn hình.", en: "Cut each view to this many lines; default: the whole view."))
    var height: Int?

    @Option(name: .long, help: HelpText.help(vi: "text, markdown, csv, html (một tệp, mọi màn hình có liên kết), svg (một màn hình dạng hình) hoặc docx (Word: bảng thật).", en: "text, markdown, csv, html (one file, every view linked), svg (one view as a picture) or docx (Word: real tables)."))
    var format: Snapshot.Format = .text

    @Option(name: .long, help: HelpText.help(vi: "Màu của html và svg: default, projector, mono hoặc light (nền trắng, cho báo cáo và bản in).", en: "Colours of html and svg: default, projector, mono or light (on white, for reports and print)."))
    var theme: Theme = .default

    @Flag(name: .long, help: HelpText.help(vi: "Ghi giờ theo UTC (cả khi có SOURCE_DATE_EPOCH); mặc định: giờ địa phương kèm độ lệch.", en: "Write times in UTC (also under SOURCE_DATE_EPOCH); default: local time with its offset."))
    var utc = false

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en; mặc định: ngôn ngữ của phiên họp.", en: "vi or en; default: the meeting's language."))
    var lang: Language?

    @Option(name: [.short, .customLong("output")], help: HelpText.help(vi: "Ghi vào tệp này (trọn vẹn) thay vì ra đầu ra chuẩn.", en: "Write to this file (atomically) instead of standard output."))
    var output: String?

    @Flag(name: .long, help: HelpText.help(vi: "Ghi đè tệp kết quả nếu đã có.", en: "Overwrite the output file if it exists."))
    var force = false

    func validate() throws {
        guard SizeLimits.textWidth.contains(width) else { throw ValidationError("--width must be between 20 and 1000") }
        if let height, height < 1 { throw ValidationError("--height must be at least 1") }
        if format == .svg && view.trimmingCharacters(in: .whitespaces) == "all" {
            throw ValidationError("--format svg draws one view; choose one with --view, or use --format html for all")
        }
        if let output { try requireUTF8(output, what: "output file") }
    }

    func run() throws {
        // The agenda, and the overview below the width where it shows changes, do not need the
        // previous meeting: not reading it halves the YAML parsed for them.
        let requested = view.trimmingCharacters(in: .whitespaces)
        var (meeting, result) = try loadMeetingOrExit(meetingOptions,
                                                      readsPreviousMeeting: !["overview", "agenda"].contains(requested))
        if requested == "overview" && OverviewView.showsChanges(meeting, width: width) {
            MeetingLoader(limits: meetingOptions.limits).addHistory(to: &result)
            meeting = result.meeting ?? meeting
        }
        if result.errorCount > 0 {
            printError("ciodash: \(result.errorCount) problem(s) in \(TextSanitizer.line(meetingOptions.resolvedFolder)); run 'ciodash check' for details")
        }
        let views: [ViewID]
        if view.trimmingCharacters(in: .whitespaces) == "all" {
            views = ViewRenderer.allViews(of: meeting)
        } else {
            switch ViewResolver.resolve(view, in: meeting) {
            case .success(let id): views = [id]
            case .failure(let failure):
                printError("ciodash: \(failure)")
                throw ExitCode(2)
            }
        }
        let snapshot = Snapshot(meeting: meeting, language: lang ?? meeting.language, width: width, height: height,
                                generatedAt: generationTime(), utcOffset: generationUTCOffset(utc: utc))
        if output == nil && format == .text {
            // Written as it is drawn: the text of every view of a big meeting need not fit in memory.
            var failure: StandardStream.Failure?
            snapshot.write(views) { piece in
                guard failure == nil else { return }
                do throws(StandardStream.Failure) { try StandardStream.output.write(piece) } catch { failure = error }
            }
            if let failure {
                printError("ciodash: \(failure)")
                throw ExitCode(1)
            }
            return
        }
        if format == .docx {
            try refuseBinaryOnTerminal(output: output, language: snapshot.language, example: "bao-cao.docx")
            do {
                try writeDocument(try snapshot.docx(for: views), to: output, force: force)
            } catch let error as ExitCode {
                throw error
            } catch {
                printError("ciodash: \(error)")
                throw ExitCode(1)
            }
            return
        }
        try writeDocument(snapshot.document(format, views: views, theme: theme), to: output, force: force)
    }
}

extension Snapshot.Format: ExpressibleByArgument {}
