import ArgumentParser
import CioDashCore

/// The command line. Top-level code rather than `@main`, which does not compile in a `main.swift`
/// once the target has more than one file.
struct CioDash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciodash",
        abstract: "Terminal dashboard for the CIO council of Central Vietnam and the Central Highlands.",
        subcommands: [DashboardCommand.self, PresentCommand.self, SnapshotCommand.self, CheckCommand.self,
                      TestcardCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}

// Before anything opens a file: a closed standard stream must not lend its number to one.
StandardStream.claimClosedDescriptors()
CioDash.main()
