import Foundation
import XCTest

/// Runs one command in a real terminal — a pane of a private tmux server — and lets a test type keys,
/// read the screen, resize, send signals and compare the tty modes before and after.
///
/// The pane runs `sh run.sh`, which records `stty -g` and the launch time, runs the command, prints
/// `[exit N]`, records `stty -g` again and then sleeps, so the screen stays readable after the app ends.
/// TERM and SWIFT_BACKTRACE=interactive=no are exported inside the script: tmux's default-terminal
/// would override a TERM given to new-session, and the Swift backtracer would wait 30 s for a key.
/// HARNESS_DIR names the temporary folder, for commands that write files the test reads.
final class TmuxHarness {
    /// Temporary folder holding the socket, the script and the recorded files.
    let directory: URL
    let session = "e2e"
    private let socket: String
    /// The private server's socket, for a real terminal (xterm) to attach to the session.
    var socketPath: String { socket }
    private let tmux: String
    private var closed = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts the server with a `width`×`height` window running `command` (a shell command line).
    init(width: Int = 80, height: Int = 24, command: String, term: String = "xterm-256color") throws {
        tmux = try Self.requireTool("tmux")
        var template = Array("/tmp/ciodash-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "cannot create a temporary folder") }
        directory = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        socket = directory.appendingPathComponent("tmux.sock").path

        let script = """
            export TERM=\(Self.quote(term)) SWIFT_BACKTRACE=interactive=no HARNESS_DIR=\(Self.quote(directory.path))
            stty -g > \(Self.quote(file("stty-before").path))
            date +%s%N > \(Self.quote(file("launched").path))
            \(command)
            echo "[exit $?]"
            stty -g > \(Self.quote(file("stty-after").path))
            exec sleep 600

            """
        try script.write(to: file("run.sh"), atomically: true, encoding: .utf8)

        // Started through system(), not Process: the daemonised server keeps a descriptor that makes
        // Process.waitUntilExit() hang.
        let errors = file("new-session.err").path
        let line = "\(Self.quote(tmux)) -S \(Self.quote(socket)) -f /dev/null new-session -d -s \(session) "
            + "-x \(width) -y \(height) \(Self.quote("sh " + Self.quote(file("run.sh").path))) "
            + "</dev/null >/dev/null 2>\(Self.quote(errors))"
        let status = system(line)
        guard status == 0 else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux new-session failed (status \(status)): \(message)")
        }
    }

    deinit { close() }

    /// Kills the server and removes the temporary folder.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    // MARK: Keys and screen

    /// Sends tmux key names (`q`, `Escape`, `Home`, `C-c`, `Space`).
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types text literally, e.g. Vietnamese as an input method would commit it.
    /// Pastes `text` as a terminal does (tmux brackets it when the application asked for that).
    func paste(_ text: String) throws {
        _ = try run(["set-buffer", "-b", "e2e-paste", text])
        _ = try run(["paste-buffer", "-p", "-b", "e2e-paste", "-t", session])
    }

    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// The visible screen as text (`escapes`: with SGR attribute sequences, as `capture-pane -e`;
    /// `joinWrapped`: lines the terminal wrapped come back as one).
    func capture(escapes: Bool = false, joinWrapped: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []) + (joinWrapped ? ["-J"] : []))
    }

    /// The visible screen's lines, without tmux's trailing newline.
    func screenLines() throws -> [String] {
        try capture().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Polls the screen until it contains `text` with exactly these Unicode scalars (so NFC and NFD
    /// do not match each other), then returns the screen. Throws with the last screen on timeout.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        var screen = ""
        try waitUntil("the screen to show \"\(text)\"", timeout: timeout, lastSeen: { screen }) {
            screen = try self.capture()
            return Self.containsExactly(screen, text)
        }
        return screen
    }

    /// Polls until the screen's lines satisfy `condition`; throws with the last screen on timeout.
    func waitForLines(_ what: String, timeout: TimeInterval = 10, _ condition: @escaping ([String]) -> Bool) throws {
        var lines: [String] = []
        try waitUntil(what, timeout: timeout, lastSeen: { lines.joined(separator: "\n") }) {
            lines = try self.screenLines()
            return condition(lines)
        }
    }

    /// Polls `condition` every 20 ms until it holds; throws saying what was awaited when time runs out.
    func waitUntil(_ what: String, timeout: TimeInterval = 10, lastSeen: () -> String = { "" },
                   _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return }
            if Date() > deadline {
                throw Failure(description: "timed out after \(timeout) s waiting for \(what); screen:\n\(lastSeen())")
            }
            usleep(20_000)
        }
    }

    /// Waits for the `[exit N]` line the script prints after the command and returns N.
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        var code: Int32?
        var screen = ""
        try waitUntil("the command to exit", timeout: timeout, lastSeen: { screen }) {
            screen = try self.capture()
            guard let range = screen.range(of: #"\[exit (\d+)\]"#, options: .regularExpression) else { return false }
            code = Int32(screen[range].dropFirst(6).dropLast())
            return true
        }
        return code!
    }

    // MARK: Window, process and terminal state

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Resizes the window to each size in turn, one tmux command per size, as fast as a shell loop
    /// can run them (about 3 ms each; through Foundation's Process each would take about 50 ms).
    func resizeStorm(_ sizes: [(width: Int, height: Int)]) throws {
        let command = sizes.map {
            "\(Self.quote(tmux)) -S \(Self.quote(socket)) -f /dev/null resize-window -t \(session) -x \($0.width) -y \($0.height)"
        }.joined(separator: " &&\n")
        let script = file("storm.sh")
        try (command + "\n").write(to: script, atomically: true, encoding: .utf8)
        let status = system("sh \(Self.quote(script.path)) </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw Failure(description: "a resize in the storm failed (status \(status))") }
    }

    /// tmux's view of the terminal modes: `#{alternate_on} #{cursor_flag}` reads "0 1" once an app has
    /// left the alternate screen and shown the cursor again.
    func displayFlags(_ format: String = "#{alternate_on} #{cursor_flag}") throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .newlines)
    }

    /// The terminal after the command ended, as one line: "alternate=0 cursor=1 keypad=00 stty=unchanged"
    /// when it was given back (main screen, cursor shown, keypad modes off, the shell's tty modes);
    /// otherwise it shows what differs. Waits for the script to record `stty -g` after the command.
    func terminalStateAfterExit() throws -> String {
        let flags = try displayFlags("alternate=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_cursor_flag}#{keypad_flag}")
        let stty = try sttyAfterExit()
        return "\(flags) stty=\(stty.after == stty.before ? "unchanged" : "changed:\n\(stty.before) ->\n\(stty.after)")"
    }

    static let terminalGivenBack = "alternate=0 cursor=1 keypad=00 stty=unchanged"

    func panePID() throws -> Int32 {
        guard let pid = Int32(try displayFlags("#{pane_pid}")) else { throw Failure(description: "no pane pid") }
        return pid
    }

    /// The command's pid: the pane's shell's child, from `pgrep -P` (or /proc where procps is
    /// missing); waits for it to start.
    func appPID(timeout: TimeInterval = 10) throws -> Int32 {
        let pane = try panePID()
        let pgrep = try? Self.requireTool("pgrep")
        var found: Int32?
        try waitUntil("the app to start under pane pid \(pane)", timeout: timeout) {
            let out = try pgrep.map { try Self.output(of: $0, ["-P", "\(pane)"]).output }
                ?? (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
            found = out.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }.first
            return found != nil
        }
        return found!
    }

    /// Sends `signal` to the app.
    func kill(_ signal: Int32) throws {
        let pid = try appPID()
        guard Glibc.kill(pid, signal) == 0 else { throw Failure(description: "kill(\(pid), \(signal)) failed") }
    }

    /// `stty -g` of the pane's terminal just before the command started and just after it ended
    /// (after is nil until it has ended).
    func sttyState() throws -> (before: String, after: String?) {
        let before = try String(contentsOf: file("stty-before"), encoding: .utf8)
        let after = try? String(contentsOf: file("stty-after"), encoding: .utf8)
        return (before, after)
    }

    /// Waits until the script has recorded `stty -g` after the command, then returns both states.
    func sttyAfterExit(timeout: TimeInterval = 10) throws -> (before: String, after: String) {
        var state: (before: String, after: String?) = ("", nil)
        try waitUntil("stty -g to be recorded after the command", timeout: timeout) {
            state = try sttyState()
            return state.after.map { !$0.isEmpty } ?? false
        }
        return (state.before, state.after!)
    }

    /// Copies everything the pane's program writes to the terminal into a file, from now on.
    func startRecording() throws -> URL {
        let log = file("pty.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        try run(["pipe-pane", "-o", "-t", session, "cat >> " + Self.quote(log.path)])
        return log
    }

    func recordedBytes() -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file("pty.log").path)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Waits until the recording has stopped growing for 100 ms and returns its size.
    func settledRecordedBytes(timeout: TimeInterval = 10) throws -> Int {
        var last = -1, stableSince = Date()
        try waitUntil("the pty recording to settle", timeout: timeout) {
            let now = recordedBytes()
            if now != last { last = now; stableSince = Date() }
            return Date().timeIntervalSince(stableSince) >= 0.1
        }
        return last
    }

    // MARK: Helpers

    /// Runs a tmux command on this server and returns its standard output.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Self.output(of: tmux, ["-S", socket, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.error)")
        }
        return result.output
    }

    static func output(of tool: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    /// The path of a program on PATH; skips the test when it is missing.
    static func requireTool(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw XCTSkip("\(name) is not installed; .ci/run installs it")
    }

    /// The ciodash binary built from the code under test: the one `swift build` put next to this
    /// test bundle, which `swift test` rebuilds. $CIODASH_BINARY names another build (CI's static
    /// release build, made just before the tests); it must be newer than every source file, so that
    /// a stale binary fails the tests instead of passing them.
    static func ciodashBinary(file: StaticString = #filePath) throws -> String {
        guard let given = ProcessInfo.processInfo.environment["CIODASH_BINARY"], !given.isEmpty else {
            return try CiodashProcess.binary().path
        }
        let root = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let built = try FileManager.default.attributesOfItem(atPath: given)[.modificationDate] as? Date ?? .distantPast
        if let newer = newestSource(under: root.appendingPathComponent("Sources")), newer.date > built {
            throw Failure(description: "CIODASH_BINARY \(given) is older than \(newer.path): build it again")
        }
        return given
    }

    /// The most recently modified file under `folder`.
    private static func newestSource(under folder: URL) -> (path: String, date: Date)? {
        var newest: (path: String, date: Date)?
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        while let url = files?.nextObject() as? URL {
            guard let date = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate else { continue }
            if newest.map({ date > $0.date }) ?? true { newest = (url.path, date) }
        }
        return newest
    }

    /// Single-quotes for sh.
    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Substring search on Unicode scalars, where Swift's `contains` would treat NFC and NFD as equal.
    static func containsExactly(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty else { return true }
        guard h.count >= n.count else { return false }
        for start in 0...(h.count - n.count) where h[start] == n[0] && Array(h[start..<start + n.count]) == n {
            return true
        }
        return false
    }
}
