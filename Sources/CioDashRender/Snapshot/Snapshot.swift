import CioDashCore
import Dispatch

/// A view (or every view) as plain text for the minutes: a preamble that says what it is, then the
/// same grid the screen shows. UTF-8, no escape sequences, no line wider than the width.
public struct Snapshot: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, csv, html, svg, docx }

    public var meeting: Meeting
    public var language: Language
    public var width: Int
    /// Cut each view to this many lines in all (preamble included); nil draws the natural height.
    public var height: Int?
    /// Seconds since 1970 (UTC) printed as "generated at"; the caller honours SOURCE_DATE_EPOCH.
    public var generatedAt: Int
    /// The local time zone's offset from UTC in seconds at `generatedAt`, for times written as
    /// "2019-07-27 15:00 +07:00"; nil writes UTC (asked for, or under SOURCE_DATE_EPOCH).
    public var utcOffset: Int?

    public init(meeting: Meeting, language: Language, width: Int, height: Int? = nil, generatedAt: Int, utcOffset: Int? = nil) {
        self.meeting = meeting
        self.language = language
        self.width = max(20, width)
        self.height = height
        self.generatedAt = generatedAt
        self.utcOffset = utcOffset
    }

    /// Lines of one view with its preamble.
    public func lines(for view: ViewID) -> [String] {
        String(decoding: section(for: view, preamble: preamble(labels: Labels.forLanguage(language))), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// One view's text: preamble, title, rule and the body's rows, trailing empty lines dropped and
    /// cut to `height`. Built as bytes: the grid's rows are appended straight from its cells, without
    /// a String per row (this is most of `--view all`).
    private func section(for view: ViewID, preamble: [String]) -> [UInt8] {
        let labels = Labels.forLanguage(language)
        let head = preamble
            + wrap(labels.view + ": " + view.title(in: meeting, labels: labels, language: language) + " (\(view))")
            + [String(repeating: "─", count: width)]
        var bytes: [UInt8] = []
        var lineEnds: [Int] = []  // where each line ends (before its newline)
        var lastKept = 0          // lines up to here are kept: trailing empty lines are dropped
        for line in head {
            if !lineEnds.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: line.utf8)
            lineEnds.append(bytes.count)
            if !line.isEmpty { lastKept = lineEnds.count }
        }
        var context = RenderContext(language: language, width: width)
        context.utcOffset = utcOffset
        if let body = ViewRenderer.body(view, meeting: meeting, context: context) {
            bytes.reserveCapacity(bytes.count + body.grid.height * (width + 1))
            for y in 0..<body.grid.height {
                if let height, lineEnds.count >= height { break }
                if !lineEnds.isEmpty { bytes.append(0x0A) }
                if body.grid.appendLine(y, to: &bytes) { lastKept = lineEnds.count + 1 }
                lineEnds.append(bytes.count)
            }
        }
        var keep = lastKept
        if let height { keep = min(keep, max(0, height)) }
        bytes.removeSubrange((keep == 0 ? 0 : lineEnds[keep - 1])...)
        return bytes
    }

    /// One document: the given views in order, each under its own heading, separated by a double rule.
    public func text(for views: [ViewID]) -> String {
        var document: [UInt8] = []
        write(views) { document += $0 }
        return String(decoding: document, as: UTF8.self)
    }

    /// The document of `text(for:)` as UTF-8, handed to `output` in pieces, a batch of views at a
    /// time, so that `--view all` on thousands of provinces never holds the whole document in memory.
    public func write(_ views: [ViewID], batch: Int = 512, to output: ([UInt8]) -> Void) {
        // The preamble is the same for every view; the views are independent, so each batch is drawn
        // on every core, each view into its own slot so the order stays the same.
        let preamble = preamble(labels: Labels.forLanguage(language))
        let separator = Array(("\n\n" + String(repeating: "═", count: width) + "\n\n").utf8)
        for start in stride(from: 0, to: views.count, by: max(1, batch)) {
            let part = views[start..<min(views.count, start + max(1, batch))]
            var sections = [[UInt8]](repeating: [], count: part.count)
            sections.withUnsafeMutableBufferPointer { slots in
                let slots = slots
                DispatchQueue.concurrentPerform(iterations: part.count) { i in
                    slots[i] = section(for: part[part.startIndex + i], preamble: preamble)
                }
            }
            var chunk: [UInt8] = []
            chunk.reserveCapacity(sections.reduce(0) { $0 + $1.count + separator.count })
            for (i, section) in sections.enumerated() {
                if start > 0 || i > 0 { chunk += separator }
                chunk += section
            }
            output(chunk)
        }
        output([0x0A])
    }

    func preamble(labels: Labels) -> [String] {
        facts(labels: labels, generated: utcOffset.map { ReportTime.format(generatedAt, utcOffset: $0) }
                                         ?? UTCTimestamp.format(generatedAt)).flatMap(wrap)
    }

    /// What every snapshot opens with: council, meeting, data date and when it was written (sanitised).
    func facts(labels: Labels, generated: String) -> [String] {
        var lines = [
            labels.council + ": " + TextSanitizer.line(meeting.council),
            labels.meeting + ": " + labels.date(meeting.date) + " · " + TextSanitizer.line(meeting.title),
        ]
        if let asOf = meeting.dataAsOf { lines.append(labels.dataAsOf + ": " + labels.date(asOf)) }
        // "2019-07-27 08:00 UTC": the date part as the interface writes dates.
        let day = LocalDate(iso: String(generated.prefix(10))).map(labels.date) ?? String(generated.prefix(10))
        lines.append(labels.generatedAt + ": " + day + generated.dropFirst(10))
        return lines
    }

    /// Header lines are data too: sanitised, and wrapped so that nothing is cut.
    private func wrap(_ line: String) -> [String] {
        TextLayout.wrap(TextSanitizer.line(line), width: width)
    }
}

/// "2019-07-27 08:00:00 UTC" from seconds since 1970, without the locale or time zone of the machine.
public enum UTCTimestamp {
    public static func format(_ seconds: Int) -> String {
        let (y, m, d, secs) = civil(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d)) \(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60)) UTC"
    }

    /// Year, month, day and seconds into the day of a moment given in seconds since 1970.
    static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, seconds: Int) { WallTime.civil(seconds) }
}
