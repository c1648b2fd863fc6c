import ArgumentParser
import CioDashCore
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
        without --force. Exit status: 0 when written (or --dry-run found no error), 1 otherwise.
        """
    )

    @Argument(help: "The meeting folder (meeting.yaml and provinces/).")
    var folder: String

    @Argument(help: "The returned forms.")
    var files: [String]

    @Flag(name: .long, help: "Replace status files even when they are newer than the form.")
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
        for file in files {
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
            let prepared = FormImport.prepare(form, formPath: file, meeting: meeting, folder: folder, force: force, language: language)
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
}
