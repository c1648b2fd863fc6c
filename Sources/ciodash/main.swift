import ArgumentParser

/// The command line. Top-level code rather than `@main`, which does not compile in a `main.swift`
/// once the target has more than one file.
struct CioDash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciodash",
        abstract: "Terminal dashboard for the CIO council of Central Vietnam and the Central Highlands.",
        subcommands: [DashboardCommand.self, PresentCommand.self, SnapshotCommand.self, CheckCommand.self,
                      TestcardCommand.self, MinutesCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}

CioDash.main()
