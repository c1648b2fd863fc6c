import ArgumentParser
import CioDashCore
import CioDashRender
import Foundation

/// `ciodash snapshot`: any view as text, Markdown, CSV, HTML, SVG or Word, for the minutes and reports.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write a view as text, Markdown, CSV, HTML, SVG or Word (.docx) for the minutes and reports.",
        discussion: """
        Views: overview, agenda, topic:<topic-id>, province:<province-id>, panel:<province-id>/<topic-id>, all.
        Provinces may be named without diacritics: province:hue, province:"dak lak".
        Set SOURCE_DATE_EPOCH for byte-for-byte reproducible output.
        """
    )

    @OptionGroup var meetingOptions: MeetingOptions

    @Option(name: .long, help: "The view to write.")
    var view: String = "overview"

    @Option(name: .long, help: "Line width in terminal cells (20–1000).")
    var width: Int = 100

    @Option(name: .long, help: "Cut each view to this many lines; default: the whole view.")
    var height: Int?

    @Option(name: .long, help: "text, markdown, csv, html (one file, every view linked), svg (one view as a picture) or docx (Word: real tables).")
    var format: Snapshot.Format = .text

    @Option(name: .long, help: "Colours of html and svg: default, projector, mono or light (on white, for reports and print).")
    var theme: Theme = .default

    @Flag(name: .long, help: "Write times in UTC (also under SOURCE_DATE_EPOCH); default: local time with its offset.")
    var utc = false

    @Option(name: .long, help: "vi or en; default: the meeting's language.")
    var lang: Language?

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the output file if it exists.")
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
