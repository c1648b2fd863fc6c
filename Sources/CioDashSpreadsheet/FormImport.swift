import CioDashCore
import Foundation

/// Turns a returned form into the province's new status file: merged into the current file, checked
/// by the loader in a scratch copy of the folder, and compared with the current file.
public struct FormImport {
    /// One line of what changes: `smart-city/dttm-items-deployed: 25 → 40`.
    public struct Change: Hashable, Sendable {
        public var item: String
        public var old: String
        public var new: String
    }

    public var form: ReturnedForm
    /// `provinces/<id>.yaml` inside the meeting folder, as shown.
    public var target: String
    /// Where the file is written: `target`, or where a link there leads (inside the meeting folder).
    public var writePath: String = ""
    /// True for a listed province's first return: the file must not exist when it is written.
    public var isNew = false
    public var text: String
    public var changes: [Change]
    public var problems: [FormProblem]
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Everything but the writing: a form with errors gives no text to write.
    /// `signature` is what checking the return's signature found; it replaces the file's record (an
    /// import without one drops the old record, which vouched for other figures).
    public static func prepare(_ form: ReturnedForm, formPath: String, meeting: Meeting, folder: String,
                               force: Bool, language: Language, signature: SignatureRecord? = nil) -> FormImport {
        var problems: [FormProblem] = []
        let file = form.file
        var result = FormImport(form: form, target: "", text: "", changes: [], problems: [])
        guard var current = meeting.province(form.provinceID), !current.isBroken || current.notReported else {
            result.problems = [FormProblem(.error, file: file, place: form.provinceIDPlace,
                                           SpreadsheetMessages.unknownProvince(form.provinceID))]
            return result
        }
        // The file written is the one the loader reads for this province, so that the meeting then
        // shows what was imported; a status file under another name (`Quảng Ngãi.yaml`, `hue.json`)
        // would be read instead of, or beside, a new `<id>.yaml`.
        let name = (current.file as NSString).lastPathComponent
        let provinces = Self.joined(folder, MeetingFolderLayout.provincesFolder)
        result.target = Self.joined(provinces, name)
        guard name == "\(current.id).yaml" || name == "\(current.id).yml" else {
            result.problems = [FormProblem(.error, file: file, place: form.provinceIDPlace,
                                           SpreadsheetMessages.otherStatusFile(current.id, file: result.target))]
            return result
        }
        do {
            result.writePath = try ContainedFile.path(name, in: provinces, root: folder)
        } catch {
            result.problems = [FormProblem(.error, file: file, place: form.provinceIDPlace,
                                           SpreadsheetMessages.contained(error))]
            return result
        }
        result.isNew = current.notReported
        let target = result.target
        if current.notReported {
            // The first return of a listed province: a new file with the catalogue's name.
            current = ProvinceReport(id: current.id, name: current.name, file: current.file)
            current.code = UnitsCatalogue.unit(id: current.id, on: meeting.date)?.code
        }
        var report = current
        report.signature = signature
        var changes: [Change] = []
        let en = language == .en
        func show(_ v: Double?) -> String { v.map { NumberFormatting.format($0, language: language, maxFractionDigits: 6) } ?? "—" }
        if let reported = form.reported, reported != report.reported {
            changes.append(Change(item: en ? "reported" : "ngày số liệu", old: report.reported?.description ?? "—", new: reported.description))
            report.reported = reported
        }
        if let source = form.source, source != report.source {
            changes.append(Change(item: en ? "reported by" : "đơn vị báo cáo", old: report.source ?? "—", new: source))
            report.source = source
        }
        for returned in form.topics {
            guard let agendaTopic = meeting.topic(returned.id) else {
                problems.append(FormProblem(.error, file: file, place: returned.place, SpreadsheetMessages.unknownTopic(returned.id)))
                continue
            }
            var topic = report.topics[returned.id] ?? TopicReport(status: .unknown)
            if let status = returned.status, status != topic.status {
                let words = StatusWords.vietnamese
                changes.append(Change(item: "\(returned.id): " + (en ? "status" : "trạng thái"), old: words[topic.status]!, new: words[status]!))
                topic.status = status
            }
            if let summary = returned.summary, summary != topic.summary {
                changes.append(Change(item: "\(returned.id): " + (en ? "summary" : "tóm tắt"), old: topic.summary ?? "—", new: summary))
                topic.summary = summary
            }
            for metric in returned.metrics {
                let existing = topic.metrics.firstIndex { $0.id == metric.id }
                let definition = agendaTopic.definition(metric.id)
                guard existing != nil || definition != nil else {
                    problems.append(FormProblem(.warning, file: file, place: metric.place,
                                                SpreadsheetMessages.unknownMetric(returned.id, metric.id)))
                    continue
                }
                guard let value = metric.value else {
                    problems.append(FormProblem(.warning, file: file, place: metric.place, SpreadsheetMessages.emptyValue))
                    continue
                }
                var updated = existing.map { topic.metrics[$0] } ?? Metric(
                    id: metric.id, label: definition!.label, value: value, target: definition!.target, unit: definition!.unit,
                    previous: meeting.previous?.value(province: report.id, topic: returned.id, metric: metric.id))
                let old = existing.map { topic.metrics[$0].value }
                // A figure the province itself returns is reported, not illustrative; its source is what
                // the form says, else the reporting department.
                updated.value = value
                updated.source = metric.source ?? report.source
                updated.illustrative = false
                if old != value || existing.map({ topic.metrics[$0] }) != updated {
                    changes.append(Change(item: "\(returned.id)/\(metric.id)", old: show(old), new: show(value)))
                }
                if let existing { topic.metrics[existing] = updated } else { topic.metrics.append(updated) }
            }
            report.topics[returned.id] = topic
        }
        applyTasks(form, to: &report, meeting: meeting, changes: &changes, problems: &problems, language: language)
        let header = "Nhập từ biểu mẫu \(TextSanitizer.line((formPath as NSString).lastPathComponent)) bằng ciodash import."
            .replacingOccurrences(of: "\n", with: " ")
        let text = ProvinceYAMLWriter.text(report, topicOrder: meeting.topics.map(\.id), header: header)
        if !problems.contains(where: { $0.severity == .error }) {
            problems += validate(text, report: report, folder: folder, target: target, file: file)
            if let newer = newerTarget(target, than: formPath), !force {
                problems.append(FormProblem(.error, file: file, SpreadsheetMessages.newerFile(newer)))
            }
        }
        result.text = text
        result.changes = changes
        result.problems = problems
        return result
    }

    /// The loader's verdict on the new file, read with the folder's agenda in a scratch folder, and a
    /// check that what it reads is what was meant.
    static func validate(_ text: String, report: ProvinceReport, folder: String, target: String, file: String) -> [FormProblem] {
        let scratch: ScratchFolder
        let written: String
        do {
            scratch = try ScratchFolder(purpose: "import", subfolders: [MeetingFolderLayout.provincesFolder])
            for name in MeetingFolderLayout.meetingFiles {
                let source = joined(folder, name)
                if FileManager.default.fileExists(atPath: source) {
                    try FileManager.default.copyItem(atPath: source, toPath: joined(scratch.path, name))
                    break
                }
            }
            written = try ContainedFile.path("\(report.id).yaml", in: joined(scratch.path, MeetingFolderLayout.provincesFolder),
                                             root: scratch.path)
            try Data(text.utf8).write(to: URL(fileURLWithPath: written))
        } catch let failure as ContainedFile.Failure {
            return [FormProblem(.error, file: file, SpreadsheetMessages.contained(failure))]
        } catch {
            return [FormProblem(.error, file: file, SpreadsheetMessages.failure(.unreadable("\(error)")))]
        }
        defer { scratch.remove() }
        let result = MeetingLoader(readsPreviousMeeting: false).load(folder: scratch.path)
        var problems: [FormProblem] = []
        for d in result.diagnostics where d.file == written && d.severity == .error {
            var shown = d
            shown.file = target
            problems.append(FormProblem(.error, file: file, SpreadsheetMessages.loaderRefused(shown.description)))
        }
        if problems.isEmpty {
            let read = result.meeting?.province(report.id)
            for (id, topic) in report.topics {
                for metric in topic.metrics where read?.topics[id]?.metric(metric.id)?.value != metric.value {
                    problems.append(FormProblem(.error, file: file, SpreadsheetMessages.roundTripMismatch("\(id)/\(metric.id)")))
                }
            }
            for (id, task) in report.tasks where read?.tasks[id] != task {
                problems.append(FormProblem(.error, file: file, SpreadsheetMessages.roundTripMismatch(id)))
            }
        }
        return problems
    }

    /// The target's path when it was modified after the form was.
    static func newerTarget(_ target: String, than form: String) -> String? {
        var t = stat(), f = stat()
        guard stat(target, &t) == 0, stat(form, &f) == 0 else { return nil }
        let targetTime = Double(t.st_mtim.tv_sec) + Double(t.st_mtim.tv_nsec) / 1e9
        let formTime = Double(f.st_mtim.tv_sec) + Double(f.st_mtim.tv_nsec) / 1e9
        return targetTime > formTime ? target : nil
    }

    private static func joined(_ folder: String, _ relative: String) -> String {
        (folder as NSString).appendingPathComponent(relative)
    }
}
