import ArgumentParser
import CioDashCore

// Top-level entry rather than @main: SwiftPM compiles a main.swift beside other files as a script.
struct CioDash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciodash",
        abstract: "Terminal dashboard for the CIO council of Central Vietnam and the Central Highlands.",
        subcommands: [TestcardCommand.self]
    )
}

CioDash.main()
