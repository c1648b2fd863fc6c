import Dispatch
import Foundation

/// Loads and validates a meeting folder: `meeting.yaml`, `provinces/*.yaml`, optional `metrics.csv`,
/// and the previous meeting named by `previous:`.
///
/// Never stops at the first problem: every good province loads, a broken province file becomes a
/// flagged `ProvinceReport`, and every problem is returned as a `Diagnostic` with its place.
public struct MeetingLoader: Sendable {
    public var limits: LoadLimits
    /// Whether the meeting named by `previous:` is read too. A command that shows no changes since
    /// it (the overview, the agenda) need not parse twice the YAML.
    public var readsPreviousMeeting: Bool
    /// For a follower's copy of a presenter's folder: the earlier meetings the presenter sent are
    /// `<this>/1`, `<this>/2`, … (nearest first), and they are read in place of the folders the
    /// `previous:` lines name, which are the presenter's paths, not the follower's.
    public var earlierMeetingsFolder: String?

    public init(limits: LoadLimits = .default, readsPreviousMeeting: Bool = true, earlierMeetingsFolder: String? = nil) {
        self.limits = limits
        self.readsPreviousMeeting = readsPreviousMeeting
        self.earlierMeetingsFolder = earlierMeetingsFolder
    }

    /// Loads the folder at `folder` (as the user typed it; diagnostics' paths start with it).
    public func load(folder: String) -> LoadResult {
        load(folder: folder, display: folder, loadPrevious: readsPreviousMeeting, figuresOnly: false,
             sharedTexts: SharedTexts())
    }

    /// Reads the earlier meetings of a meeting loaded without them (`readsPreviousMeeting` false), when
    /// a view turns out to need them: the folder itself is not read a second time.
    public func addHistory(to result: inout LoadResult) {
        guard var meeting = result.meeting, meeting.history.isEmpty, let link = result.previousLink else { return }
        var diagnostics = result.diagnostics
        meeting.history = loadHistory(from: link, folder: result.folderArgument, display: result.folderArgument,
                                      meetingDate: meeting.date, sharedTexts: SharedTexts(), diagnostics: &diagnostics)
        result.meeting = meeting
        result.diagnostics = Self.sorted(diagnostics)
        result.earlierNotSent = earlierMeetingsFolder != nil && meeting.history.isEmpty
    }

    /// One status file waiting to be read.
    private struct ProvinceSource {
        var id: String
        var relativePath: String
        var isJSON: Bool
    }

    /// `figuresOnly` (for the previous meeting) keeps each report's status and metric figures and drops
    /// its texts as soon as a file is decoded: deltas are all that is read of the previous meeting,
    /// and its texts made the peak memory of a big meeting a third larger.
    private func load(folder: String, display: String, loadPrevious: Bool, figuresOnly: Bool,
                      sharedTexts: SharedTexts) -> LoadResult {
        let entries: [String]
        switch DirectoryListing.names(folder) {
        case .success(let listing): entries = listing.names
        case .failure(let failure):
            let problem = Diagnostic(.error, file: display, message: LoadMessages.folderUnreadable(failure.message))
            return LoadResult(meeting: nil, diagnostics: [problem], folderUnreadable: true, folderArgument: display)
        }
        var diagnostics: [Diagnostic] = []
        let names = Set(entries)

        // The agenda.
        var agenda = MeetingFile()
        let meetingName = MeetingFolderLayout.meetingFiles.first { names.contains($0) }
        if let meetingName {
            for ignored in MeetingFolderLayout.meetingFiles where ignored != meetingName && names.contains(ignored) {
                diagnostics.append(Diagnostic(.warning, file: FolderPath.join(display, ignored),
                                              message: LoadMessages.otherMeetingFile(used: meetingName, ignored: ignored)))
            }
            let reader = FieldReader(file: FolderPath.join(display, meetingName))
            if let root = parse(FolderPath.join(folder, meetingName), isJSON: MeetingFolderLayout.isJSON(meetingName), into: reader) {
                agenda = MeetingFile.decode(root, reader: reader, folder: absolutePath(folder))
            }
            diagnostics += reader.diagnostics
        } else {
            diagnostics.append(Diagnostic(.error, file: display, message: LoadMessages.noMeetingFile))
        }
        let topicIDs = agenda.meeting.map { Set($0.topics.map(\.id)) }
        var context = ProvinceFile.Agenda(topicIDs: topicIDs, date: agenda.meeting?.date, topics: agenda.meeting?.topics ?? [])
        if let tasks = agenda.meeting?.tasks {
            context.taskOwners = Dictionary(tasks.map { ($0.id, Set($0.owners)) }, uniquingKeysWith: { a, _ in a })
        }

        // The provinces, in parallel; results land in per-file slots so the outcome is deterministic.
        let listed = provinceSources(folder: folder, display: display, names: names, diagnostics: &diagnostics)
        let sources = listed ?? []
        var loaded = [(ProvinceFile, [Diagnostic])?](repeating: nil, count: sources.count)
        loaded.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                var loaded = loadProvince(sources[i], folder: folder, display: display, agenda: context,
                                          sharedTexts: sharedTexts, figuresOnly: figuresOnly)
                if figuresOnly { loaded.0.report.topics = loaded.0.report.topics.mapValues(Self.figures) }
                slots[i] = loaded
            }
        }
        var provinces: [ProvinceFile] = []
        provinces.reserveCapacity(sources.count)
        for case let (province, problems)? in loaded {
            provinces.append(province)
            diagnostics += problems
        }

        let metricsFile = MeetingFolderLayout.metricsFile
        if names.contains(metricsFile) {
            let reader = FieldReader(file: FolderPath.join(display, metricsFile))
            switch SourceFile.read(FolderPath.join(folder, metricsFile), limits: limits) {
            case .success(let bytes):
                MetricsCSV.apply(MetricsCSV.read(bytes, reader: reader, maxStringLength: limits.maxStringLength), to: &provinces, topicIDs: topicIDs, reader: reader)
            case .failure(let failure):
                reader.error(nil, nil, failure.message(limits: limits))
            }
            diagnostics += reader.diagnostics
        }

        let ordered = crossCheck(provinces, agenda: agenda, meetingFile: meetingName.map { FolderPath.join(display, $0) },
                                 display: display, diagnostics: &diagnostics)

        var meeting = agenda.meeting
        meeting?.provinces = ordered
        if let date = meeting?.date, let meetingName {
            Self.checkTaskOwners(agenda.taskOwners, provinces: ordered, date: date,
                                 file: FolderPath.join(display, meetingName), diagnostics: &diagnostics)
        }
        var link: (link: Placed<String>, meetingFile: String)?
        if let previous = agenda.previous, let meetingName { link = (previous, FolderPath.join(display, meetingName)) }
        if loadPrevious, let link, let date = meeting?.date {
            meeting?.history = loadHistory(from: link, folder: folder, display: display, meetingDate: date,
                                           sharedTexts: sharedTexts, diagnostics: &diagnostics)
        }
        if var m = meeting {
            Self.fillIntake(&m.provinces, folder: folder, display: display, diagnostics: diagnostics)
            meeting = m
        }
        var result = LoadResult(meeting: meeting, diagnostics: Self.sorted(diagnostics), folderUnreadable: false,
                                folderArgument: display)
        result.previousLink = link
        result.provincesNotRead = listed == nil
        result.earlierNotSent = loadPrevious && earlierMeetingsFolder != nil && link != nil && meeting?.history.isEmpty == true
        return result
    }

    /// Every task owner must be a province of the meeting (listed or with a file).
    static func checkTaskOwners(_ owners: [(task: String, owner: Placed<String>)], provinces: [ProvinceReport],
                                date: LocalDate, file: String, diagnostics: inout [Diagnostic]) {
        guard !owners.isEmpty else { return }
        let known = Set(provinces.map(\.id))
        for (task, owner) in owners where !known.contains(owner.value) {
            diagnostics.append(Diagnostic(.error, file: file, line: owner.line, column: owner.column,
                                          message: LoadMessages.unknownTaskOwner(owner.value, task: task, on: date)))
        }
    }

    /// Each province file's time and problem counts, for the reporting board.
    static func fillIntake(_ provinces: inout [ProvinceReport], folder: String, display: String, diagnostics: [Diagnostic]) {
        var counts: [String: (Int, Int)] = [:]
        for d in diagnostics {
            var c = counts[d.file] ?? (0, 0)
            if d.severity == .error { c.0 += 1 } else { c.1 += 1 }
            counts[d.file] = c
        }
        for i in provinces.indices where !provinces[i].notReported {
            var info = stat()
            if stat(FolderPath.join(folder, provinces[i].file), &info) == 0 { provinces[i].fileTime = Int64(info.st_mtim.tv_sec) }
            let c = counts[FolderPath.join(display, provinces[i].file)] ?? (0, 0)
            (provinces[i].errorCount, provinces[i].warningCount) = c
        }
    }

    /// The earlier meetings along the `previous:` chain, nearest first, each read for its figures only.
    /// The chain stops, with a warning on the `previous:` that leads on, at a folder already in it
    /// (compared by real path), at a meeting not dated before the one that names it, at one that cannot
    /// be used, and after `limits.maxHistoryDepth` meetings.
    private func loadHistory(from first: (link: Placed<String>, meetingFile: String), folder: String, display: String,
                             meetingDate: LocalDate, sharedTexts: SharedTexts,
                             diagnostics: inout [Diagnostic]) -> [PreviousMeeting] {
        var history: [PreviousMeeting] = []
        var seen: Set<String> = [Self.realPath(folder)]
        var next: (link: Placed<String>, meetingFile: String)? = first
        var (base, baseDisplay, laterDate) = (folder, display, meetingDate)
        while let (link, meetingFile) = next {
            func warn(_ message: BilingualText) {
                diagnostics.append(Diagnostic(.warning, file: meetingFile, line: link.line, column: link.column, message: message))
            }
            if history.count == limits.maxHistoryDepth { warn(LoadMessages.previousTooDeep(limits.maxHistoryDepth)); break }
            var path = link.value.hasPrefix("/") ? link.value : FolderPath.join(base, link.value)
            var shown = FolderPath.lexicallyNormalized(FolderPath.join(baseDisplay, link.value))
            if let sent = earlierMeetingsFolder {
                path = FolderPath.join(sent, String(history.count + 1))
                guard MeetingFolderLayout.meetingFiles.contains(where: { access(FolderPath.join(path, $0), F_OK) == 0 }) else {
                    warn(LoadMessages.previousNotSent(link.value))
                    break
                }
                shown = link.value
            }
            guard seen.insert(Self.realPath(path)).inserted else { warn(LoadMessages.previousCycle(link.value)); break }
            let result = load(folder: path, display: shown, loadPrevious: false, figuresOnly: true, sharedTexts: sharedTexts)
            guard let earlier = result.meeting else {
                let reason = result.diagnostics.first { $0.severity == .error }?.text ?? LoadMessages.noMeetingFile
                warn(LoadMessages.previousUnusable(link.value, reason))
                break
            }
            guard earlier.date < laterDate else { warn(LoadMessages.previousNotEarlier(link.value, earlier.date, laterDate)); break }
            // Only its errors are repeated: its warnings belong to a check of that folder.
            for problem in result.diagnostics where problem.severity == .error {
                diagnostics.append(Diagnostic(.warning, file: problem.file, line: problem.line, column: problem.column,
                                              message: LoadMessages.inPreviousMeeting(problem.text)))
            }
            var reports: [String: [String: TopicReport]] = [:]
            for province in earlier.provinces where !province.isBroken { reports[province.id] = province.topics }
            history.append(PreviousMeeting(title: earlier.title, date: earlier.date, reports: reports,
                                           counterparts: UnitsCatalogue.counterparts(at: meetingDate, in: earlier.date),
                                           folder: path))
            next = result.previousLink
            (base, baseDisplay, laterDate) = (path, shown, earlier.date)
        }
        return history
    }

    /// The canonical path of a folder (links resolved), or the path itself when it has none.
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return FolderPath.lexicallyNormalized(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads and parses the agenda into a tree (province files are decoded from events); nil, with the
    /// reason in `reader`, when it cannot be used.
    private func parse(_ path: String, isJSON: Bool, into reader: FieldReader) -> YAMLNode? {
        switch SourceFile.read(path, limits: limits) {
        case .failure(let failure):
            reader.error(nil, nil, failure.message(limits: limits))
            return nil
        case .success(let bytes):
            let outcome = YAMLReader.parse(bytes, file: reader.file, isJSON: isJSON, limits: limits)
            reader.append(outcome.diagnostics)
            return outcome.root
        }
    }

    private func provinceSources(folder: String, display: String, names: Set<String>,
                                 diagnostics: inout [Diagnostic]) -> [ProvinceSource]? {
        let provincesFolder = MeetingFolderLayout.provincesFolder
        guard names.contains(provincesFolder) else {
            diagnostics.append(Diagnostic(.warning, file: display, message: LoadMessages.noProvincesFolder))
            return nil
        }
        let listing: [String]
        switch DirectoryListing.names(FolderPath.join(folder, provincesFolder)) {
        case .success(let found):
            listing = found.names
            for name in found.undecodable where !name.hasPrefix(".") {
                diagnostics.append(Diagnostic(.error, file: FolderPath.join(display, provincesFolder + "/" + name),
                                              message: LoadMessages.fileNameNotUTF8))
            }
        case .failure(let failure):
            diagnostics.append(Diagnostic(.error, file: FolderPath.join(display, provincesFolder),
                                          message: LoadMessages.provincesFolderUnreadable(failure.message)))
            return nil
        }
        var byID: [String: ProvinceSource] = [:]
        var order: [String] = []
        var preference: [String: Int] = [:]
        for (rank, ext) in MeetingFolderLayout.statusExtensions.enumerated() { preference[ext] = rank }
        for name in listing where !name.hasPrefix(".") {
            let relative = provincesFolder + "/" + name
            guard let dot = name.lastIndex(of: "."), let rank = preference[String(name[name.index(after: dot)...])],
                  dot > name.startIndex else {
                diagnostics.append(Diagnostic(.warning, file: FolderPath.join(display, relative),
                                              message: LoadMessages.notAStatusFile))
                continue
            }
            var id = Normalization.nfc(String(name[..<dot]))
            if let suggestion = ScalarText.suggestedIdentifier(forFileName: id) {
                // "Quảng Ngãi.yaml": one message naming the file it should be, and the file read under
                // that id meanwhile, rather than an id mismatch, a listed province missing and an
                // unlisted one.
                diagnostics.append(Diagnostic(.error, file: FolderPath.join(display, relative),
                                              message: LoadMessages.fileNameNotAnID(name, suggestion: suggestion,
                                                                                   ext: String(name[name.index(after: dot)...]))))
                id = suggestion
            }
            let source = ProvinceSource(id: id, relativePath: relative, isJSON: MeetingFolderLayout.isJSON(name))
            if let other = byID[id] {
                let otherRank = preference[String(other.relativePath.split(separator: ".").last ?? "")] ?? 3
                let (kept, dropped) = otherRank <= rank ? (other, source) : (source, other)
                diagnostics.append(Diagnostic(.error, file: FolderPath.join(display, dropped.relativePath),
                                              message: LoadMessages.sameProvinceTwice(kept.relativePath)))
                byID[id] = kept
                continue
            }
            if order.count >= limits.maxProvinceFiles {
                diagnostics.append(Diagnostic(.error, file: FolderPath.join(display, provincesFolder),
                                              message: LoadMessages.tooManyFiles(limits.maxProvinceFiles)))
                break
            }
            byID[id] = source
            order.append(id)
        }
        return order.compactMap { byID[$0] }
    }

    private func loadProvince(_ source: ProvinceSource, folder: String, display: String,
                              agenda: ProvinceFile.Agenda, sharedTexts: SharedTexts,
                              figuresOnly: Bool = false) -> (ProvinceFile, [Diagnostic]) {
        let reader = FieldReader(file: FolderPath.join(display, source.relativePath), sharedTexts: sharedTexts)
        let bytes: [UInt8]
        switch SourceFile.read(FolderPath.join(folder, source.relativePath), limits: limits) {
        case .failure(let failure):
            reader.error(nil, nil, failure.message(limits: limits))
            return (ProvinceFile.broken(id: source.id, file: source.relativePath, reason: reader.diagnostics[0]), reader.diagnostics)
        case .success(let read):
            bytes = source.isJSON ? JSONCompatibility.prepare(read) : read
        }
        return bytes.withUnsafeBufferPointer { buffer in
            // An earlier meeting is read for its figures: its reports' texts are passed over unread.
            var stream = YAMLEventStream(buffer, file: reader.file, limits: limits,
                                         skippedKeys: figuresOnly ? Self.textsOfEarlierMeetings : [])
            let decoded = bytes.isEmpty ? nil
                : ProvinceFile.decode(&stream, id: source.id, file: source.relativePath, agenda: agenda, reader: reader)
            stream.finish()
            if decoded == nil { stream.fail(line: nil, column: nil, LoadMessages.emptyFile) }
            if let fatal = stream.fatal {
                // Nothing decoded from an unusable file is said: the file is shown broken, for this reason.
                return (ProvinceFile.broken(id: source.id, file: source.relativePath, reason: fatal), stream.diagnostics + [fatal])
            }
            var file = decoded!
            if let line = file.signatureLine, let recorded = file.report.signature?.dataSHA256, file.report.signature?.verdict != .unsigned,
               !SignatureBlock.dataIntact(bytes, blockLine: line, recorded: recorded) {
                file.report.signature?.dataIntact = false
                reader.warning(line, 1, LoadMessages.signatureDataEdited)
            }
            return (file, stream.diagnostics + reader.diagnostics)
        }
    }

    /// Folder-level checks, then the display order: the agenda's list first, then by Vietnamese name.
    private func crossCheck(_ provinces: [ProvinceFile], agenda: MeetingFile, meetingFile: String?, display: String,
                            diagnostics: inout [Diagnostic]) -> [ProvinceReport] {
        var byID: [String: ProvinceReport] = [:]
        for p in provinces { byID[p.report.id] = p.report }
        if let topics = agenda.meeting?.topics, let meetingFile {
            for topic in topics {
                guard case .provinces(let ids) = topic.slides else { continue }
                for id in ids where byID[id] == nil {
                    diagnostics.append(Diagnostic(.warning, file: meetingFile, message: LoadMessages.slidesUnknownProvince(topic.id, id)))
                }
            }
        }
        if let topics = agenda.meeting?.topics, let meetingFile {
            // A headline no province gives is a typo in the agenda, or in every file; before anyone has
            // reported (a folder fresh from `ciodash init`) there is nothing to say.
            let reporting = provinces.filter { !$0.report.isBroken }
            for topic in topics where !reporting.isEmpty {
                guard let headline = agenda.headlines[topic.id],
                      !reporting.contains(where: { $0.report.topics[topic.id]?.metric(headline.value) != nil }) else { continue }
                diagnostics.append(Diagnostic(.warning, file: meetingFile, line: headline.line, column: headline.column,
                                              message: LoadMessages.headlineNotReported(headline.value, topic: topic.id)))
            }
        }
        if let topics = agenda.meeting?.topics {
            for p in provinces where !p.report.isBroken {
                for topic in topics where p.report.topics[topic.id] == nil {
                    diagnostics.append(Diagnostic(.warning, file: FolderPath.join(display, p.report.file),
                                                  line: p.topicsLine, column: p.topicsColumn,
                                                  message: LoadMessages.missingAgendaTopic(topic.id)))
                }
            }
        }
        var ordered: [ProvinceReport] = []
        var placed = Set<String>()
        if let listed = agenda.listedProvinces {
            for item in listed {
                if let report = byID[item.value] {
                    ordered.append(report)
                    placed.insert(item.value)
                } else {
                    if let meetingFile {
                        diagnostics.append(Diagnostic(.warning, file: meetingFile, line: item.line, column: item.column,
                                                      message: LoadMessages.listedWithoutFile(item.value)))
                    }
                    // Not left out: a "not yet reported" row in every view.
                    if placed.insert(item.value).inserted {
                        let name = ProvinceFile.expectedName(item.value, on: agenda.meeting?.date)
                        ordered.append(.notYetReported(id: item.value, name: name, file: "provinces/\(item.value).yaml"))
                    }
                }
            }
        }
        var rest = provinces.map(\.report).filter { !placed.contains($0.id) }
        if agenda.listedProvinces != nil {
            for report in rest {
                diagnostics.append(Diagnostic(.warning, file: FolderPath.join(display, report.file),
                                              message: LoadMessages.notListed))
            }
        }
        let keys = rest.map { VietnameseCollation.key($0.name) }
        let indices = rest.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b]) }
            return rest[a].id.utf8.lexicographicallyPrecedes(rest[b].id.utf8)
        }
        rest = indices.map { rest[$0] }
        return ordered + rest
    }

    /// A report's status and figures without its texts (labels, sources, summary, highlights, issues).
    /// The keys of a status file whose values `figures` drops anyway (a metric's label and source too),
    /// and the province's task reports, which deltas never use (`init --from` loads that meeting whole).
    static let textsOfEarlierMeetings: Set<String> = ["summary", "highlights", "issues", "label", "label_en", "source", "tasks"]

    private static func figures(_ report: TopicReport) -> TopicReport {
        TopicReport(status: report.status, metrics: report.metrics.map {
            Metric(id: $0.id, label: "", value: $0.value, target: $0.target, unit: $0.unit, previous: $0.previous,
                   illustrative: $0.illustrative)
        })
    }

    private func absolutePath(_ folder: String) -> String {
        URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.path
    }

    /// By file, then line and column; problems without a line first; ties keep their order.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return x.file.utf8.lexicographicallyPrecedes(y.file.utf8) }
            if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
            if (x.column ?? 0) != (y.column ?? 0) { return (x.column ?? 0) < (y.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }
}
