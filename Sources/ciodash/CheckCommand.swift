import ArgumentParser
import CioDashCore

/// `ciodash check [DIR]`: tells the secretariat what is wrong in a meeting folder.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: HelpText.pick(vi: "Kiểm tra thư mục phiên họp và liệt kê mọi vấn đề dạng đường-dẫn:dòng:cột: lỗi|cảnh báo: nội dung.", en: "Validate a meeting folder and list every problem as path:line:col: error|warning: message."),
            discussion: HelpText.pick(vi: "Mã thoát: 0 khi không có lỗi, 1 khi có lỗi, 2 khi không đọc được thư mục. Thông báo bằng tiếng Việt hoặc tiếng Anh (--lang; mặc định: ngôn ngữ của phiên họp).",
                                     en: "Exit status: 0 when there are no errors, 1 when there are, 2 when the folder cannot be read. Messages in Vietnamese or English (--lang; default: the meeting's language).")
        )
    }

    @OptionGroup var meeting: MeetingOptions

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en; mặc định: ngôn ngữ của phiên họp (vi khi không đọc được).", en: "vi or en; default: the meeting's language (vi when it cannot be read)."))
    var lang: Language?

    func run() throws {
        // check also hashes again each signed return still in the folder (forms/…), not only the recorded data.
        let result = meeting.load(rehashesSignedReturns: true)
        let language = lang ?? result.meeting?.language ?? .vi
        var output = ""
        for diagnostic in result.diagnostics {
            // The path and the message both come from the folder: nothing in them may drive the terminal.
            output += TextSanitizer.line(diagnostic.description(in: language)) + "\n"
        }
        output += Self.summary(result, language) + "\n"
        try writeOutput(output)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// "19 provinces loaded, 0 errors, 2 warnings" (and how many are broken or not yet reported), or
    /// "đã đọc 19 tỉnh/thành, 0 lỗi, 2 cảnh báo".
    static func summary(_ result: LoadResult, _ language: Language = .en) -> String {
        let en = language == .en
        let errors = en ? plural(result.errorCount, "error") : "\(result.errorCount) lỗi"
        let warnings = en ? plural(result.warningCount, "warning") : "\(result.warningCount) cảnh báo"
        if result.folderUnreadable { return en ? "folder not read, \(errors)" : "không đọc được thư mục, \(errors)" }
        let provinces = result.meeting?.provinces ?? []
        let missing = provinces.filter(\.notReported).count
        let broken = provinces.filter(\.isBroken).count - missing
        let loaded = provinces.count - broken - missing
        var parts = [en ? "\(plural(loaded, "province")) loaded" : "đã đọc \(loaded) tỉnh/thành"]
        if broken > 0 { parts.append(en ? "\(broken) broken" : "\(broken) tệp hỏng") }
        if missing > 0 { parts.append(en ? "\(missing) not yet reported" : "\(missing) chưa báo cáo") }
        if result.meeting == nil { parts = [en ? "no usable meeting file" : "không có tệp phiên họp dùng được"] }
        parts.append(errors)
        parts.append(warnings)
        return parts.joined(separator: ", ")
    }

    private static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
