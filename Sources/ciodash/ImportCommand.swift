import ArgumentParser
import CioDashCore
import CioDashSignature
import CioDashSpreadsheet
import Foundation

/// `ciodash import`: returned forms become the provinces' status files.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: HelpText.pick(vi: "Nhập các biểu mẫu gửi lại (.xlsx, .csv, .yaml, .json) thành tệp trạng thái của tỉnh trong provinces/, cho xem những gì thay đổi.", en: "Turn returned forms (.xlsx, .csv, .yaml, .json) into provinces/<id>.yaml, showing what changes."),
            discussion: HelpText.pick(vi: "Mọi biểu mẫu được đọc và kiểm tra (bằng cùng bộ đọc với 'ciodash check') trước khi ghi; có lỗi thì không ghi gì, trừ khi --only-clean ghi các biểu mẫu không lỗi. Biểu mẫu không thay đổi gì thì được bỏ qua. Tệp trạng thái đã sửa tay sau lần nhập trước (hoặc, với tệp không do import ghi, đã sửa sau khi biểu mẫu được lưu) không bị thay nếu không có --force. Tỉnh lưu dạng .json vẫn giữ .json. Báo cáo có chữ ký số tách rời bên cạnh (TỆP.p7s) được kiểm tra trước, không cần mạng, theo các chứng thư gốc đã ghim và CRL trong thư mục trust/ của phiên họp; chữ ký không hợp lệ thì không nhập nếu không có --force; kết quả được ghi vào tệp trạng thái. Cuối cùng liệt kê kết quả từng biểu mẫu. Mã thoát: 0 khi mọi biểu mẫu đã được ghi hoặc bỏ qua (hoặc --dry-run không thấy lỗi), 1 khi có biểu mẫu không được nhập.",
                                     en: "Every form is read and checked (by the same loader as 'ciodash check') before anything is written; with any error nothing is written, unless --only-clean writes the forms without errors. A form that changes nothing is skipped. A status file edited by hand since import wrote it (or, when import did not write it, changed after the form was saved) is not replaced without --force. A province kept as .json stays .json. A return with a detached signature beside it (FILE.p7s) is checked first, offline, against the pinned roots and CRLs of the meeting's trust/ folder; an invalid signature is refused without --force; the verdict is recorded in the status file. Each form's outcome is listed at the end. Exit status: 0 when every form was written or skipped (or --dry-run found no error), 1 when any form was refused.")
        )
    }

    @Argument(help: HelpText.help(vi: "Thư mục phiên họp (meeting.yaml và provinces/).", en: "The meeting folder (meeting.yaml and provinces/)."))
    var folder: String

    @Argument(help: HelpText.help(vi: "Các biểu mẫu các tỉnh gửi lại.", en: "The returned forms."))
    var files: [String]

    @Option(name: .long, help: HelpText.help(vi: "Thư mục chứng thư gốc đã ghim, chứng thư trung gian và CRL; mặc định: trust/ của phiên họp.", en: "The folder of pinned roots, intermediates and CRLs; default: the meeting's trust/."))
    var trust: String?

    @Flag(name: .long, help: HelpText.help(vi: "Thay cả tệp trạng thái đã sửa tay hay mới hơn biểu mẫu, và nhập cả báo cáo có chữ ký không hợp lệ.", en: "Replace status files even when they are newer than the form, and import a return whose signature is invalid."))
    var force = false

    @Flag(name: .long, help: HelpText.help(vi: "Chỉ cho xem những gì sẽ thay đổi; không ghi gì.", en: "Show what would change; write nothing."))
    var dryRun = false

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en; mặc định: ngôn ngữ của phiên họp.", en: "vi or en; default: the meeting's language."))
    var lang: Language?

    @Flag(name: .long, help: HelpText.help(vi: "Ghi các biểu mẫu không có lỗi dù biểu mẫu khác có lỗi (mỗi tệp vẫn được ghi trọn vẹn).", en: "Write the forms without errors even when others have errors (each file still written atomically)."))
    var onlyClean = false

    /// What became of one form, said once per form at the end.
    enum Outcome {
        case refused(errors: Int)
        case unchanged
        case ready(FormImport)
        case written(FormImport)
    }

    func run() throws {
        let meeting = try loadMeetingFolderOrExit(folder)
        let language = lang ?? meeting.language
        let en = language == .en
        // Every line through the checked stream: a closed or full standard output ends the import
        // with a message on standard error and exit 1, before anything is written.
        func say(_ line: String) throws { try writeOutput(TextSanitizer.line(line) + "\n") }
        var outcomes: [(file: String, outcome: Outcome)] = []
        var seen = Set<String>()
        let trustStore = TrustStore(folder: trust ?? FolderPath.join(folder, TrustStore.folderName))
        if files.contains(where: { DetachedSignature.signaturePath(for: $0) != nil }) {
            for note in trustStore.notes {
                let place = FolderPath.join(trustStore.folder, note.file) + (note.line.map { ":\($0)" } ?? "")
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
            let formErrors = problems.filter { $0.severity == .error }.count
            guard let form, formErrors == 0 else {
                outcomes.append((file, .refused(errors: max(formErrors, 1))))
                continue
            }
            let province = meeting.province(form.provinceID)
            if !seen.insert(form.provinceID).inserted {
                try say(FormProblem(.error, file: file, SpreadsheetMessages.sameProvinceTwice(province?.name ?? form.provinceID))
                    .description(in: language))
                outcomes.append((file, .refused(errors: 1)))
                continue
            }
            if let name = province?.name { signature.compareOrganisation(with: name) }
            if !(try report(signature, file: signatureFile, language: language, say: say)) {
                outcomes.append((file, .refused(errors: 1)))
                continue
            }
            let prepared = FormImport.prepare(form, formPath: file, meeting: meeting, folder: folder, force: force,
                                              language: language, signature: signature.record)
            for problem in prepared.problems { try say(problem.description(in: language)) }
            let errors = prepared.problems.filter { $0.severity == .error }.count
            if errors > 0 {
                outcomes.append((file, .refused(errors: errors)))
                continue
            }
            try say("\(file) → \(prepared.target)")
            for change in prepared.changes {
                try say("  \(change.item): \(change.old) → \(change.new)")
            }
            if prepared.isUnchanged {
                try say(en ? "  no changes" : "  không có thay đổi")
                outcomes.append((file, .unchanged))
            } else {
                outcomes.append((file, .ready(prepared)))
            }
        }
        let refused = outcomes.filter { if case .refused = $0.outcome { return true } else { return false } }.count
        let writes = !dryRun && (refused == 0 || onlyClean)
        if writes {
            let ready = outcomes.compactMap { if case .ready(let p) = $0.outcome { return p } else { return nil } }
            do {
                try AtomicFileSet.write(ready.map { (path: $0.writePath, bytes: Array($0.text.utf8), mustBeNew: $0.isNew) })
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
            outcomes = outcomes.map { if case .ready(let p) = $0.outcome { return ($0.file, .written(p)) } else { return $0 } }
        }
        try say(en ? "each form:" : "từng biểu mẫu:")
        for (file, outcome) in outcomes { try say("  \(file): " + Self.describe(outcome, dryRun: dryRun, language: language)) }
        let written = outcomes.filter { if case .written = $0.outcome { return true } else { return false } }.count
        if dryRun {
            try say(en ? "dry run: nothing written" : "chạy thử: không ghi tệp nào")
        } else if !writes {
            try say(en ? "nothing written: fix the errors above and import again, or add --only-clean to write the forms without errors"
                       : "chưa ghi tệp nào: sửa các lỗi trên rồi nhập lại, hoặc thêm --only-clean để ghi các biểu mẫu không có lỗi")
        } else {
            try say(en ? "\(written) file(s) written" : "đã ghi \(written) tệp")
        }
        if refused > 0 { throw ExitCode(1) }
    }

    /// One form's line in the closing list: `ready`, `written: …`, `no changes; skipped`, `refused: 2 errors above`.
    static func describe(_ outcome: Outcome, dryRun: Bool, language: Language) -> String {
        let en = language == .en
        switch outcome {
        case .refused(let errors):
            return en ? "refused: \(errors) error\(errors == 1 ? "" : "s") above" : "không nhập: \(errors) lỗi ở trên"
        case .unchanged:
            return en ? "no changes; skipped (nothing to write)" : "không có thay đổi; bỏ qua (không cần ghi)"
        case .ready(let prepared) where dryRun:
            return en ? "ready to write \(prepared.target) (dry run)" : "sẵn sàng ghi \(prepared.target) (chạy thử)"
        case .ready:
            return en ? "ready, not written: another form has errors" : "sẵn sàng nhưng chưa ghi: có biểu mẫu khác bị lỗi"
        case .written(let prepared):
            return (en ? "written: " : "đã ghi: ") + prepared.target
        }
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
