import ArgumentParser
import CioDashCore
import Foundation

/// The command line. Top-level code rather than `@main`, which does not compile in a `main.swift`
/// once the target has more than one file.
struct CioDash: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ciodash",
            abstract: HelpText.pick(vi: "Bảng điều khiển trên terminal cho Hội đồng Giám đốc CNTT (CIO) miền Trung – Tây Nguyên.", en: "Terminal dashboard for the CIO council of Central Vietnam and the Central Highlands."),
            subcommands: [DashboardCommand.self, PresentCommand.self, SnapshotCommand.self, CheckCommand.self, InitCommand.self,
                          TestcardCommand.self, TemplateCommand.self, ImportCommand.self, MinutesCommand.self, FollowCommand.self, StatusCommand.self],
            defaultSubcommand: DashboardCommand.self
        )
    }
}

// Before anything opens a file: a closed standard stream must not lend its number to one.
StandardStream.claimClosedDescriptors()
// Before parsing: the help's words are chosen when the command types are built.
HelpText.language = HelpText.language(arguments: Array(CommandLine.arguments.dropFirst()),
                                      environment: ProcessInfo.processInfo.environment)
// ArgumentParser's own `main()` echoes a bad argument raw ("the value '\e[2J' is invalid") and
// writes with unchecked calls: its messages take the same checked, sanitised way as ours.
do {
    var command = try CioDash.parseAsRoot(ShareArguments.normalised(HelpText.withoutLanguage(ifHelp: Array(CommandLine.arguments.dropFirst()))))
    try command.run()
} catch {
    let code = CioDash.exitCode(for: error)
    let message = code == .success ? HelpText.localizedFrame(CioDash.fullMessage(for: error)) : CioDash.fullMessage(for: error)
    if code == .success {
        // --help and --version: the answer is the output.
        if !message.isEmpty, (try? writeOutput(message + "\n")) == nil { exit(1) }
    } else if !message.isEmpty {
        printError(message)
    }
    exit(code.rawValue)
}
