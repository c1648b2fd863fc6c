import CioDashCore
import CioDashRender

/// Where the command log's text goes: the binary appends it to the file `--command-log` names.
public protocol CommandLogSink: AnyObject {
    /// Appends `text`; why it failed, if it did.
    func append(_ text: String) -> String?
}

/// The dashboard's command log (`--command-log`): every input the loop handled, as a line of the
/// replay script's language (`CommandScript`): the session's `start`, then `wait` for the clock
/// between inputs (in ticks of the key wait), commands by name, text typed as `type`. A replay of
/// the log on the same folder and screen size ends on the frame the session ended on.
///
/// Lines are kept in memory and written by `flush()`, which the loop calls at each folder check
/// (once a second) and on quit, so a key press costs no write. The first failed write is reported
/// once; the log then stops and the dashboard goes on.
public final class CommandLog {
    private let sink: CommandLogSink
    private var buffer = ""
    /// Text typed since the last line, written as one `type` line.
    private var typed = ""
    /// The clock the log's time counts from, and the ticks already written as waits.
    private let origin: Double
    private var ticks = 0
    private var failed = false
    private static let tick = Double(DashboardLoop.tickMilliseconds) / 1000

    init(sink: CommandLogSink, app: AppState, width: Int, height: Int) {
        self.sink = sink
        origin = app.clock.now
        buffer = CommandScript.start(mode: app.navigation.mode, language: app.navigation.language, width: width, height: height,
                                     minutes: app.minutes != nil) + "\n"
    }

    /// Notes an input the loop handled at `now`; `typed`: it arrived where keys type text.
    func record(_ input: Input, typed isText: Bool, at now: Double) {
        guard !failed else { return }
        advance(to: now)
        if isText, input.command == nil, !input.isPaste, let text = input.key?.promptText {
            typed += text
            return
        }
        guard let line = CommandScript.line(input, typed: isText) else { return }
        endTyping()
        buffer += line + "\n"
    }

    /// Notes that the terminal changed size.
    func resized(width: Int, height: Int, at now: Double) {
        guard !failed else { return }
        advance(to: now)
        endTyping()
        buffer += "size \(width)x\(height)\n"
    }

    /// Writes what is kept; the reason the first time a write fails (nothing is written after it).
    func flush() -> String? {
        guard !failed else { return nil }
        endTyping()
        guard !buffer.isEmpty else { return nil }
        defer { buffer = "" }
        guard let failure = sink.append(buffer) else { return nil }
        failed = true
        return failure
    }

    /// A `wait` line for the clock since the last line, counted from the session's start in whole
    /// ticks, so rounding never adds up.
    private func advance(to now: Double) {
        let at = Int(((now - origin) / Self.tick).rounded())
        guard at > ticks else { return }
        endTyping()
        buffer += CommandScript.wait(Double(at - ticks) * Self.tick) + "\n"
        ticks = at
    }

    private func endTyping() {
        guard !typed.isEmpty else { return }
        buffer += "type " + CommandScript.bare(typed) + "\n"
        typed = ""
    }

    /// The status line's words for a failed write, in the screen's language; `reason` names the file.
    public static func failed(_ reason: String, language: Language) -> String {
        language == .vi
            ? "Không ghi được nhật ký lệnh \(reason); đã dừng ghi nhật ký"
            : "Could not write the command log \(reason); the log is stopped"
    }
}
