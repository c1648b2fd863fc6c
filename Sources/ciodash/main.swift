import ArgumentParser
import CioDashCore

struct CioDash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciodash",
        abstract: "Terminal dashboard for the CIO council of Central Vietnam and the Central Highlands.",
        subcommands: [CheckCommand.self]
    )
}

// Top-level code: a file named main.swift cannot use @main.
CioDash.main()
