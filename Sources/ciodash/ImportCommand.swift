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
        var imports: [FormImport] = []
        var failed = false
        var seen = Set<String>()
        for file in files {
            let (form, problems) = ReturnedFormReader.read(path: file)
            for problem in problems { print(problem.description(in: language)) }
            guard let form, !problems.contains(where: { $0.severity == .error }) else {
                failed = true
                continue
            }
            if !seen.insert(form.provinceID).inserted {
                print(FormProblem(.error, file: file, SpreadsheetMessages.sameProvinceTwice(form.provinceID)).description(in: language))
                failed = true
                continue
            }
            let prepared = FormImport.prepare(form, formPath: file, meeting: meeting, folder: folder, force: force, language: language)
            for problem in prepared.problems { print(problem.description(in: language)) }
            if prepared.hasErrors { failed = true; continue }
            print(TextSanitizer.line("\(file) → \(prepared.target)"))
            if prepared.changes.isEmpty { print(language == .en ? "  no changes" : "  không có thay đổi") }
            for change in prepared.changes {
                print(TextSanitizer.line("  \(change.item): \(change.old) → \(change.new)"))
            }
            imports.append(prepared)
        }
        if failed {
            print(language == .en ? "nothing written: fix the errors above and import again"
                                  : "chưa ghi tệp nào: sửa các lỗi trên rồi nhập lại")
            throw ExitCode(1)
        }
        if dryRun {
            print(language == .en ? "dry run: nothing written" : "chạy thử: không ghi tệp nào")
            return
        }
        for prepared in imports {
            do {
                try AtomicFile.write(Array(prepared.text.utf8), to: prepared.target, overwrite: true)
            } catch {
                printError("ciodash: \(TextSanitizer.line(String(describing: error)))")
                throw ExitCode(1)
            }
        }
        print(language == .en ? "\(imports.count) file(s) written" : "đã ghi \(imports.count) tệp")
    }
}
