import ArgumentParser
import CioDashCore
import Foundation

/// The language of `--help` and `ciodash help`: Vietnamese with `--lang vi` on the command line or a
/// Vietnamese locale (`LC_ALL`, `LC_MESSAGES` or `LANG` = `vi…`), English otherwise or with `--lang en`.
/// swift-argument-parser's help text is fixed when a command's type is built, so the language is
/// chosen once, before parsing, and every abstract, discussion and argument's help picks its words by it.
enum HelpText {
    /// Set once in `main.swift` before the arguments are parsed; read while they are.
    nonisolated(unsafe) static var language: Language = .en

    /// The language the arguments and the environment ask for.
    static func language(arguments: [String], environment: [String: String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            let value = argument.hasPrefix("--lang=") ? String(argument.dropFirst(7))
                : argument == "--lang" && i + 1 < arguments.count ? arguments[i + 1] : nil
            if let value, let chosen = Language(rawValue: value) { return chosen }
        }
        // The first locale variable that is set decides, as in POSIX.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.lowercased().hasPrefix("vi") ? .vi : .en }
        }
        return .en
    }

    /// The arguments without `--lang X` when they ask for `ciodash help …`, whose own parser takes no
    /// options: the language has been read from them already.
    static func withoutLanguage(ifHelp arguments: [String]) -> [String] {
        guard arguments.first == "help" else { return arguments }
        var out: [String] = []
        var skip = false
        for argument in arguments {
            if skip { skip = false; continue }
            if argument == "--lang" { skip = true; continue }
            if argument.hasPrefix("--lang=") { continue }
            out.append(argument)
        }
        return out
    }

    /// `vi` or `en`, by the help's language.
    static func pick(vi: String, en: String) -> String { language == .vi ? vi : en }

    /// An argument's help line in the help's language.
    static func help(vi: String, en: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(pick(vi: vi, en: en), valueName: valueName)
    }

    /// ArgumentParser's own words in a help text (section titles, its own flags), in Vietnamese when
    /// the help is; sentence case, as Vietnamese is not written in capitals on screen.
    static func localizedFrame(_ text: String) -> String {
        guard language == .vi else { return text }
        var out = text
        for (english, vietnamese) in [
            ("OVERVIEW:", "Tổng quan:"), ("USAGE:", "Cách dùng:"), ("ARGUMENTS:", "Đối số:"), ("OPTIONS:", "Tùy chọn:"),
            ("SUBCOMMANDS:", "Lệnh:"), ("Show help information.", "Hiện trợ giúp này."),
            ("Show the version.", "Hiện phiên bản."),
            ("See 'ciodash help <subcommand>' for detailed help.", "Xem 'ciodash help <lệnh>' để có trợ giúp chi tiết."),
            ("<subcommand>", "<lệnh>"),
            // One cell longer: takes one of the spaces after it, so the column stays aligned.
            ("(default) ", "(mặc định)"),
        ] {
            out = out.replacingOccurrences(of: english, with: vietnamese)
        }
        // "(values: a, b; default: a)", wherever the help's wrapping broke the line.
        for (english, vietnamese) in [("default:", "mặc định:"), ("values:", "giá trị:")] {
            out = out.replacingOccurrences(of: "([(;][ \\n]*)" + english, with: "$1" + vietnamese, options: .regularExpression)
        }
        return out
    }
}
