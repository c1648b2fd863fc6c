import ArgumentParser
import CioDashCore
import CioDashRender
import CioDashSpreadsheet
import Foundation

/// `ciodash template`: the return forms the secretariat sends to the provinces before a meeting.
struct TemplateCommand: ParsableCommand {
    enum FormFormat: String, ExpressibleByArgument, CaseIterable { case xlsx, yaml }

    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write one return form per province (.xlsx or a provinces/<id>.yaml skeleton) to send out.",
        discussion: """
        Each form asks every agenda topic's status and summary and every metric's value and source, with its
        label, unit, target and last meeting's value filled in. Provinces may be named without diacritics.
        Default: every province of the meeting folder. Files are written atomically; an existing file is
        never overwritten without --force.
        """
    )

    @Argument(help: "The meeting folder (meeting.yaml and provinces/).")
    var folder: String

    @Argument(help: "Province ids or names; default: every province.")
    var provinces: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The folder to write the forms into (created if missing).")
    var output: String

    @Option(name: .long, help: "xlsx (default) or yaml.")
    var format: FormFormat = .xlsx

    @Option(name: .long, help: "vi or en, for messages; default: the meeting's language.")
    var lang: Language?

    @Flag(name: .long, help: "Overwrite forms that already exist.")
    var force = false

    func run() throws {
        let meeting = try loadMeetingFolderOrExit(folder)
        let language = lang ?? meeting.language
        var chosen: [ProvinceReport] = []
        for name in provinces {
            // The same matching as --view province:…, so "hue" and "dak lak" work here too.
            switch ViewResolver.resolve("province:" + name, in: meeting) {
            case .success(.province(let id)): chosen.append(meeting.province(id)!)
            case .success: throw ExitCode(1)
            case .failure(let failure):
                printError("ciodash: \(failure)")
                throw ExitCode(1)
            }
        }
        if provinces.isEmpty { chosen = meeting.provinces.filter { !$0.isBroken || $0.notReported } }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            printError("ciodash: cannot create \(TextSanitizer.line(output)): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        var failed = false
        for province in chosen {
            let form = ReturnForm(meeting: meeting, province: province)
            let path = (output as NSString).appendingPathComponent("\(province.id).\(format.rawValue)")
            do {
                let bytes = format == .xlsx ? try ReturnFormWorkbook.bytes(form) : Array(ReturnFormYAML.text(form).utf8)
                try AtomicFile.write(bytes, to: path, overwrite: force)
                print(TextSanitizer.line(path))
            } catch {
                printError("ciodash: \(TextSanitizer.line(String(describing: error)))")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
