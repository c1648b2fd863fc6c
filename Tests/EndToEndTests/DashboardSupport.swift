import Foundation
import XCTest

/// Starting the live dashboard in a tmux pane, and the texts its tests compare the screen with.
extension TmuxHarness {
    /// The repository's root, from this file's place in it.
    static func repositoryRoot(file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The bundled 2019 Huế sample in the source tree (19 provinces, 4 topics).
    static var sampleFolder: String { repositoryRoot().appendingPathComponent("fixtures/hue-2019").path }

    /// A fixed "generated at" for the dashboard and `ciodash snapshot` alike (2019-07-27 08:00 UTC+7).
    static let sourceDateEpoch = 1_564_189_200

    /// Starts `ciodash ARGUMENTS` (a shell fragment: it may use "$HARNESS_DIR") with colour allowed,
    /// after `setup` (a shell command run first in the pane, e.g. `cd` into a folder).
    static func dashboard(_ arguments: String, width: Int = 80, height: Int = 24, environment: String = "",
                          setup: String? = nil) throws -> TmuxHarness {
        let binary = try ciodashBinary()
        let run = "env -u NO_COLOR \(environment) \(quote(binary)) \(arguments)"
        return try TmuxHarness(width: width, height: height, command: setup.map { "\($0) && \(run)" } ?? run)
    }

    /// Standard output of `ciodash snapshot FOLDER --view VIEW --width WIDTH` with `sourceDateEpoch`.
    static func snapshotText(view: String, folder: String = sampleFolder, width: Int) throws -> String {
        let result = try output(of: try requireTool("env"), [
            "SOURCE_DATE_EPOCH=\(sourceDateEpoch)", try ciodashBinary(), "snapshot", folder,
            "--view", view, "--width", "\(width)",
        ])
        guard result.status == 0 else {
            throw Failure(description: "ciodash snapshot --view \(view) failed (\(result.status)): \(result.error)")
        }
        return result.output
    }

    /// The view's body as `ciodash snapshot` draws it at `width`: the lines after the preamble's rule.
    /// The screen shows the same grid one cell in from the left edge.
    static func snapshotBody(view: String, folder: String = sampleFolder, width: Int) throws -> [String] {
        let lines = try snapshotText(view: view, folder: folder, width: width).split(separator: "\n", omittingEmptySubsequences: false)
        guard let rule = lines.firstIndex(where: { !$0.isEmpty && $0.allSatisfy { $0 == "─" } }) else {
            throw Failure(description: "no rule line under the snapshot's preamble for --view \(view)")
        }
        return lines[(rule + 1)...].map { String($0) }
    }

    /// Waits until screen rows `rows` show `body` from its first line, each one cell in, as the
    /// dashboard draws an unscrolled view (rows past the body's end blank). Compares Unicode scalars.
    func waitForBody(_ body: [String], rows: Range<Int>, what: String, timeout: TimeInterval = 10) throws {
        let expected = rows.indices.map { i -> String in
            let k = i - rows.lowerBound
            return k < body.count ? Self.trimmedRight(" " + body[k]) : ""
        }
        try waitForLines("\(what) on rows \(rows.lowerBound)–\(rows.upperBound - 1), as `ciodash snapshot` draws it; expected:\n"
                         + expected.joined(separator: "\n"), timeout: timeout) { lines in
            lines.count >= rows.upperBound
                && zip(rows, expected).allSatisfy { Array(lines[$0].unicodeScalars) == Array($1.unicodeScalars) }
        }
    }

    static func trimmedRight(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        while scalars.last == " " { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// Waits until no screen line contains `text` (compared by Unicode scalars).
    func waitForAbsence(of text: String, timeout: TimeInterval = 10) throws {
        try waitForLines("the screen to stop showing \"\(text)\"", timeout: timeout) { lines in
            !lines.contains { Self.containsExactly($0, text) }
        }
    }

    /// Waits until the first screen line (the dashboard's header) starts with `prefix`.
    func waitForHeader(_ prefix: String, timeout: TimeInterval = 10) throws {
        try waitForLines("the header to start with \"\(prefix)\"", timeout: timeout) { lines in
            lines.first.map { $0.unicodeScalars.starts(with: prefix.unicodeScalars) } ?? false
        }
    }

    /// Whether the app's process still runs.
    func appIsAlive(_ pid: Int32) -> Bool { Glibc.kill(pid, 0) == 0 }
}
