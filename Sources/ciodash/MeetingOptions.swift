import ArgumentParser
import CioDashCore
import CioDashSamples
import Foundation

/// Options every command that reads a meeting folder shares.
struct MeetingOptions: ParsableArguments {
    @Argument(help: "The meeting folder (meeting.yaml and provinces/). Default: the bundled 2019 Huế sample.")
    var folder: String?

    @Option(name: .long, help: ArgumentHelp("Open a bundled sample meeting instead of a folder: \(SampleMeetings.names.joined(separator: ", ")).",
                                            valueName: "name"))
    var sample: String?

    @Option(name: .long, help: ArgumentHelp("Largest status file read, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = LoadLimits.default.maxFileSize

    @Option(name: .long, help: ArgumentHelp("Longest text value accepted, in characters.", valueName: "chars"))
    var maxStringLength: Int = LoadLimits.default.maxStringLength

    /// The folder to read: the argument, the named sample, or the 2019 sample bundled into the binary.
    var resolvedFolder: String {
        folder ?? sample.flatMap(SampleMeetings.named)?.path ?? SampleMeetings.hue2019.path
    }

    func validate() throws {
        if let folder { try requireUTF8(folder, what: "meeting folder") }
        guard (1...LoadLimits.largestFileSize).contains(maxFileSize) else {
            throw ValidationError("--max-file-size must be between 1 and \(LoadLimits.largestFileSize) bytes")
        }
        guard (1...LoadLimits.largestStringLength).contains(maxStringLength) else {
            throw ValidationError("--max-string-length must be between 1 and \(LoadLimits.largestStringLength) characters")
        }
        guard let sample else { return }
        if folder != nil {
            throw ValidationError("--sample và thư mục cuộc họp không dùng cùng lúc; chọn một. / "
                + "--sample and a meeting folder cannot be used together; give one of them.")
        }
        if SampleMeetings.named(sample) == nil {
            let names = SampleMeetings.names.joined(separator: ", ")
            throw ValidationError("Không có cuộc họp mẫu \(TextSanitizer.line(sample).debugDescription); có: \(names). / "
                + "No sample meeting named \(TextSanitizer.line(sample).debugDescription); the samples are: \(names).")
        }
    }

    var limits: LoadLimits {
        var limits = LoadLimits.default
        limits.maxFileSize = maxFileSize
        limits.maxStringLength = maxStringLength
        return limits
    }

    /// `earlierMeetingsFolder`: a follower's copy, whose earlier meetings are those the presenter sent.
    func load(readsPreviousMeeting: Bool = true, earlierMeetingsFolder: String? = nil) -> LoadResult {
        MeetingLoader(limits: limits, readsPreviousMeeting: readsPreviousMeeting, earlierMeetingsFolder: earlierMeetingsFolder)
            .load(folder: resolvedFolder)
    }
}

extension Language: ExpressibleByArgument {}

/// Loads a meeting for a command that needs one, or exits with the loader's messages.
func loadMeetingOrExit(_ options: MeetingOptions, readsPreviousMeeting: Bool = true,
                       earlierMeetingsFolder: String? = nil) throws -> (Meeting, LoadResult) {
    let result = options.load(readsPreviousMeeting: readsPreviousMeeting, earlierMeetingsFolder: earlierMeetingsFolder)
    guard let meeting = result.meeting else {
        for d in result.diagnostics where d.severity == .error {
            printError(TextSanitizer.line(d.description))
        }
        printError("ciodash: cannot open the meeting in \(TextSanitizer.line(options.resolvedFolder))")
        throw ExitCode(2)
    }
    return (meeting, result)
}


/// "generated at": SOURCE_DATE_EPOCH when set (reproducible output), otherwise now.
func generationTime() -> Int {
    if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let epoch = Int(text), epoch >= 0 {
        return epoch
    }
    return Int(Date().timeIntervalSince1970)
}

/// The local zone's offset from UTC at the generation time, in seconds; nil (UTC) when asked for or
/// under SOURCE_DATE_EPOCH, so that reproducible output does not depend on the machine's zone.
func generationUTCOffset(utc: Bool) -> Int? {
    if utc || ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil { return nil }
    return TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(generationTime())))
}

/// Refuses a path argument that is not valid UTF-8: Swift has already replaced its bad bytes, so
/// using it would open (or create) a different file. The message shows the real bytes.
func requireUTF8(_ argument: String, what: String) throws {
    guard let raw = FileNameText.undecodableArgument(argument) else { return }
    throw ValidationError("the \(what) name \(FileNameText.display(raw).text) is not valid UTF-8 text; rename it")
}
