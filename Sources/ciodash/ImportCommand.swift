import ArgumentParser
import CioDashCore
import CioDashSignature
import CioDashSpreadsheet
import Foundation

/// `ciodash import`: returned forms become the provinces' status files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn returned forms (.xlsx, .csv, .yaml, .json) into provinces/<id>.yaml, showing what changes.",
        discussion: """
        Every form is read and checked (by the same loader as 'ciodash check') before anything is written;
        with any error nothing is written. A status file changed after its form was saved is not replaced
        without --force. A return with a detached signature beside it (FILE.p7s) is checked first, offline,
        against the pinned roots and CRLs of the meeting's trust/ folder; an invalid signature is refused
        without --force; the verdict is recorded in the status file. Exit status: 0 when written (or
        --dry-run found no error), 1 otherwise.
        """
    )

    @Argument(help: "The meeting folder (meeting.yaml and provinces/).")
    var folder: String

    @Argument(help: "The returned forms.")
    var files: [String]

    @Option(name: .long, help: "The folder of pinned roots, intermediates and CRLs; default: the meeting's trust/.")
    var trust: String?

    @Flag(name: .long, help: "Replace status files even when they are newer than the form, and import a return whose signature is invalid.")
    var force = false

    @Flag(name: .long, help: "Show what would change; write nothing.")
    var dryRun = false

    @Option(name: .long, help: "vi or en; default: the meeting's language.")
    var lang: Language?

    func run() throws {
        let meeting = try loadMeetingFolderOrExit(folder)
        let language = lang ?? meeting.language
        let en = language == .en
        // Every line through the checked stream: a closed or full standard output ends the import
        // with a message on standard error and exit 1, before anything is written.
        func say(_ line: String) throws { try writeOutput(TextSanitizer.line(line) + "\n") }
        var imports: [FormImport] = []
        var failed = false
        var seen = Set<String>()
        let trustStore = TrustStore(folder: trust ?? (folder as NSString).appendingPathComponent(TrustStore.folderName))
        if files.contains(where: { DetachedSignature.signaturePath(for: $0) != nil }) {
            for note in trustStore.notes {
                let place = (trustStore.folder as NSString).appendingPathComponent(note.file) + (note.line.map { ":\($0)" } ?? "")
                try say(FormProblem(note.isError ? .error : .warning, file: place,
                                    SpreadsheetMessages.Text(vi: note.text.vi, en: note.text.en)).description(in: language))
            }
        }
        for file in files {
            // The signature first: the figures of a return are read only once it is known what vouches for them.
            var signature = DetachedSignature.check(file: file, trust: trustStore, provinceName: nil, meetingFolder: folder)
            let signatureFile = file + "." + DetachedSignature.signatureExtension
            let (form, problems) = ReturnedFormReader.read(path: file)
            for problem in problems { try say(problem.description(in: language)) }
            guard let form, !problems.contains(where: { $0.severity == .error }) else {
                failed = true
                continue
            }
            if !seen.insert(form.provinceID).inserted {
                try say(FormProblem(.error, file: file, SpreadsheetMessages.sameProvinceTwice(form.provinceID)).description(in: language))
                failed = true
                continue
            }
            if let name = meeting.province(form.provinceID)?.name { signature.compareOrganisation(with: name) }
            if !(try report(signature, file: signatureFile, language: language, say: say)) { failed = true; continue }
            let prepared = FormImport.prepare(form, formPath: file, meeting: meeting, folder: folder, force: force,
                                              language: language, signature: signature.record)
            for problem in prepared.problems { try say(problem.description(in: language)) }
            if prepared.hasErrors { failed = true; continue }
            try say("\(file) → \(prepared.target)")
            if prepared.changes.isEmpty { try say(en ? "  no changes" : "  không có thay đổi") }
            for change in prepared.changes {
                try say("  \(change.item): \(change.old) → \(change.new)")
            }
            imports.append(prepared)
        }
        if failed {
            try say(en ? "nothing written: fix the errors above and import again"
                       : "chưa ghi tệp nào: sửa các lỗi trên rồi nhập lại")
            throw ExitCode(1)
        }
        if dryRun {
            try say(en ? "dry run: nothing written" : "chạy thử: không ghi tệp nào")
            return
        }
        do {
            try AtomicFileSet.write(imports.map { (path: $0.writePath, bytes: Array($0.text.utf8), mustBeNew: $0.isNew) })
        } catch .nothingWritten(let path, let reason) {
            printError(en ? "ciodash: cannot write \(path): \(reason); nothing written, every status file is as it was"
                          : "ciodash: không ghi được \(path): \(reason); chưa ghi tệp nào, mọi tệp trạng thái vẫn như cũ")
            throw ExitCode(1)
        } catch .partlyWritten(let written, let path, let reason) {
            let list = written.joined(separator: ", ")
            printError(en ? "ciodash: cannot write \(path): \(reason); already written and not undone: \(list)"
                          : "ciodash: không ghi được \(path): \(reason); đã ghi và không hoàn tác được: \(list)")
            throw ExitCode(1)
        }
        for prepared in imports { try say((en ? "written: " : "đã ghi: ") + prepared.target) }
        try say(en ? "\(imports.count) file(s) written" : "đã ghi \(imports.count) tệp")
    }

    /// Says what the signature check found; false when an invalid signature stops the import.
    private func report(_ check: SignatureCheck, file: String, language: Language, say: (String) throws -> Void) throws -> Bool {
        let text = SpreadsheetMessages.Text(vi: check.summary(.vi), en: check.summary(.en))
        switch check.record.verdict {
        case .valid where check.record.reasons.isEmpty:
            try say("\(file): \(text.in(language))")
        case .valid:
            try say(FormProblem(.warning, file: file, text).description(in: language))
        case .unsigned:
            try say("\(file.dropLast(DetachedSignature.signatureExtension.count + 1)): \(text.in(language))")
        case .revocationNotChecked:
            try say(FormProblem(.warning, file: file, text).description(in: language))
        case .invalid:
            if force {
                try say(FormProblem(.warning, file: file, text).description(in: language))
                try say(language == .en ? "  imported anyway (--force); the verdict is recorded as invalid"
                                        : "  vẫn nhập (--force); kết quả \"không hợp lệ\" được ghi lại")
            } else {
                try say(FormProblem(.error, file: file, SpreadsheetMessages.Text(
                    vi: text.vi + " (không nhập; dùng --force để vẫn nhập và ghi lại kết quả)",
                    en: text.en + " (not imported; use --force to import it anyway, with the verdict recorded)")).description(in: language))
                return false
            }
        }
        return true
    }
}
