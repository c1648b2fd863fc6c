import ArgumentParser

@main
struct CioDash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciodash",
        abstract: "Terminal dashboard for the CIO council of Central Vietnam and the Central Highlands.",
        subcommands: [SnapshotCommand.self]
    )
}
