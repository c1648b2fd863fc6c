import ArgumentParser
import CioDashCore
import CioDashRender
import CioDashSpreadsheet
import Foundation

/// `ciodash template`: the return forms the secretariat sends to the provinces before a meeting.
struct TemplateCommand: ParsableCommand {
    enum FormFormat: String, ExpressibleByArgument, CaseIterable { case xlsx, yaml }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "template",
            abstract: HelpText.pick(vi: "Tạo cho mỗi tỉnh một biểu mẫu báo cáo (.xlsx hoặc khung tệp trạng thái .yaml) để gửi đi.", en: "Write one return form per province (.xlsx or a provinces/<id>.yaml skeleton) to send out."),
            discussion: HelpText.pick(vi: "Mỗi biểu mẫu hỏi trạng thái và tóm tắt của từng chủ đề trong chương trình, giá trị và nguồn của từng chỉ tiêu, có sẵn tên, đơn vị, mục tiêu và giá trị kỳ trước. Tên tỉnh có thể viết không dấu. Mặc định: mọi tỉnh/thành trong thư mục phiên họp. Tệp được ghi trọn vẹn; tệp đã có không bị ghi đè nếu không có --force. Cuối cùng in các tệp đã ghi và bước tiếp theo.",
                                     en: "Each form asks every agenda topic's status and summary and every metric's value and source, with its label, unit, target and last meeting's value filled in. Provinces may be named without diacritics. Default: every province of the meeting folder. Files are written atomically; an existing file is never overwritten without --force. It ends with the files written and the next step.")
        )
    }

    @Argument(help: HelpText.help(vi: "Thư mục phiên họp (meeting.yaml và provinces/).", en: "The meeting folder (meeting.yaml and provinces/)."))
    var folder: String

    @Argument(help: HelpText.help(vi: "Mã hoặc tên tỉnh/thành; mặc định: mọi tỉnh/thành.", en: "Province ids or names; default: every province."))
    var provinces: [String] = []

    @Option(name: [.short, .customLong("output")], help: HelpText.help(vi: "Thư mục để ghi các biểu mẫu (tạo nếu chưa có).", en: "The folder to write the forms into (created if missing)."))
    var output: String

    @Option(name: .long, help: HelpText.help(vi: "xlsx (mặc định) hoặc yaml.", en: "xlsx (default) or yaml."))
    var format: FormFormat = .xlsx

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en, cho các thông báo; mặc định: ngôn ngữ của phiên họp.", en: "vi or en, for messages; default: the meeting's language."))
    var lang: Language?

    @Flag(name: .long, help: HelpText.help(vi: "Ghi đè các biểu mẫu đã có.", en: "Overwrite forms that already exist."))
    var force = false

    func run() throws {
        let meeting = try loadMeetingFolderOrExit(folder)
        let language = lang ?? meeting.language
        var chosen: [ProvinceReport] = []
        for name in provinces {
            // The same matching as --view province:…, so "hue" and "dak lak" work here too.
            switch ViewResolver.resolve("province:" + name, in: meeting) {
            case .success(let view):
                guard let province = view.provinceID.flatMap(meeting.province) else { throw ExitCode(1) }
                chosen.append(province)
            case .failure(let failure):
                printError("ciodash: \(failure)")
                throw ExitCode(1)
            }
        }
        if provinces.isEmpty { chosen = meeting.provinces.filter { !$0.isBroken || $0.notReported } }
        try prepareOutputFolder(language)
        var failed = false
        var written: [(path: String, name: String)] = []
        for province in chosen {
            let form = ReturnForm(meeting: meeting, province: province)
            do {
                // The id names the file: it must stay one file name inside -o, wherever a link there leads.
                let path = try ContainedFile.path("\(province.id).\(format.rawValue)", in: output)
                let bytes = format == .xlsx ? try ReturnFormWorkbook.bytes(form) : Array(ReturnFormYAML.text(form).utf8)
                try AtomicFile.write(bytes, to: path, overwrite: force)
            } catch let failure as ContainedFile.Failure {
                printError("ciodash: " + (language == .en ? failure.text.en : failure.text.vi))
                failed = true
                continue
            } catch {
                printError("ciodash: \(TextSanitizer.line(String(describing: error)))")
                failed = true
                continue
            }
            written.append((FolderPath.join(output, "\(province.id).\(format.rawValue)"), province.name))
        }
        try writeOutput(Self.report(written, folder: folder, output: output, format: format, language: language))
        if failed { throw ExitCode(1) }
    }

    /// What was written, one form a line with its province's name, then what to do next, in `language`.
    static func report(_ written: [(path: String, name: String)], folder: String, output: String, format: FormFormat,
                       language: Language) -> String {
        let en = language == .en
        let width = written.map { DisplayWidth.of($0.path) }.max() ?? 0
        var text = ""
        for (path, name) in written {
            text += TextSanitizer.line(path) + String(repeating: " ", count: width - DisplayWidth.of(path) + 2) + TextSanitizer.line(name) + "\n"
        }
        guard !written.isEmpty else { return text }
        let shownOutput = TextSanitizer.line(output), shownFolder = TextSanitizer.line(folder)
        let pattern = format == .xlsx ? "returned/*.xlsx" : "returned/*.yaml"
        text += en ? "\(written.count) form(s) written into \(shownOutput)\n" : "đã ghi \(written.count) biểu mẫu vào \(shownOutput)\n"
        text += en ? "next: send each province its own file; put the returned forms in a folder, then: ciodash import \(shownFolder) \(pattern)\n"
                   : "tiếp theo: gửi mỗi tỉnh tệp của mình; để các biểu mẫu nhận lại vào một thư mục, rồi: ciodash import \(shownFolder) \(pattern)\n"
        return text
    }

    /// Makes `-o` when it does not exist. Refused: a path that exists but is no folder (a device such as
    /// /dev/full, a pipe, a file), and the meeting folder itself or its provinces/ (or a folder in it),
    /// where a form would replace a status file or the agenda; compared by device and inode.
    private func prepareOutputFolder(_ language: Language) throws {
        let en = language == .en
        let shown = TextSanitizer.line(output)
        var info = stat()
        if stat(output, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFDIR else {
                let what = kind == S_IFCHR || kind == S_IFBLK ? (en ? "a device" : "một thiết bị")
                    : kind == S_IFIFO ? (en ? "a pipe (FIFO)" : "một ống dẫn (FIFO)")
                    : kind == S_IFSOCK ? (en ? "a socket" : "một socket") : (en ? "a file" : "một tệp")
                printError(en ? "ciodash: -o \(shown) is \(what), not a folder; give the folder the forms are written into"
                              : "ciodash: -o \(shown) là \(what), không phải thư mục; hãy cho thư mục để ghi các biểu mẫu")
                throw ExitCode(1)
            }
        }
        let provincesFolder = (folder as NSString).appendingPathComponent(MeetingFolderLayout.provincesFolder)
        var here = stat(), meetingInfo = stat()
        let isMeetingFolder = stat(output, &here) == 0 && stat(folder, &meetingInfo) == 0
            && here.st_dev == meetingInfo.st_dev && here.st_ino == meetingInfo.st_ino
        if isMeetingFolder || FolderContainment.isInside(output, folder: provincesFolder) {
            printError(en ? "ciodash: -o \(shown) is the meeting folder or inside its provinces/; forms there could replace "
                            + "the status files; write them to a folder of their own, e.g. -o forms/"
                          : "ciodash: -o \(shown) là thư mục phiên họp hoặc nằm trong provinces/ của nó; biểu mẫu ghi vào đó có thể "
                            + "thay các tệp trạng thái; hãy ghi ra thư mục riêng, ví dụ -o forms/")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            printError(en ? "ciodash: cannot create \(shown): \(error.localizedDescription)"
                          : "ciodash: không tạo được \(shown): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
