import ArgumentParser
import CioDashCore
import CioDashRender
import CioDashTerminal

/// `ciodash [DIR]`: delegates browse the meeting; `--present` (or `ciodash present`) drives the slides.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the live dashboard on a meeting folder (the default command)."
    )

    @OptionGroup var meetingOptions: MeetingOptions
    @OptionGroup var screenOptions: ScreenOptions

    @Flag(name: .long, help: "Presenter mode: the agenda as slides, with a clock and per-topic countdown.")
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
        abstract: "Drive the meeting on a projector: agenda, overview, then each topic and its panels."
    )

    @OptionGroup var meetingOptions: MeetingOptions
    @OptionGroup var screenOptions: ScreenOptions

    func run() throws {
        try DashboardRunner(meetingOptions: meetingOptions, screenOptions: screenOptions, mode: .present).run()
    }
}

/// Options of the live screen.
struct ScreenOptions: ParsableArguments {
    @Option(name: .long, help: "vi or en; default: the meeting's language.")
    var lang: Language?

    @Option(name: .long, help: "default, projector (high contrast) or mono.")
    var theme: Theme = .default

    @Option(name: .long, help: "Width of the text printed when standard output is not a terminal.")
    var width: Int?

    /// Traps after the first frame, to test that a crash gives the terminal back.
    @Flag(name: .customLong("debug-crash"), help: .hidden)
    var debugCrash = false

    func validate() throws {
        if let width, !SizeLimits.textWidth.contains(width) {
            throw ValidationError("--width must be between 20 and 1000")
        }
    }
}
