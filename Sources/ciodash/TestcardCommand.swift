import ArgumentParser
import CioDashCore
import CioDashApp
import CioDashRender
import CioDashTerminal
import Foundation

/// `ciodash testcard`: a screen check for the projector laptop before the session.
struct TestcardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "testcard",
            abstract: HelpText.pick(vi: "Hiện màn hình thử: chữ Việt, ký tự rộng, mã điều khiển từ dữ liệu, màu và phím.", en: "Show a test card: Vietnamese text, wide characters, escapes from data, colours and keys."),
            discussion: HelpText.pick(vi: "Chạy trên máy tính và máy chiếu sẽ dùng khi trình bày. Cả hai dòng tiếng Việt phải đọc được \"Thừa Thiên Huế · Đắk Lắk\" với đủ mọi dấu, các dòng ESC và OSC phải hiện ^[ dưới dạng chữ, và tên mỗi kiểu chữ phải đọc được. Nhấn phím để xem phím gửi gì; phím cách đánh dấu một ô, r vẽ lại cả màn hình, q, Esc hoặc Ctrl-C để thoát.",
                                     en: "Run it on the laptop and projector you will present with. Both Vietnamese lines must read \"Thừa Thiên Huế · Đắk Lắk\" with every mark in place, the ESC and OSC lines must show ^[ as text, and each style name must be readable. Press keys to see what they send; Space marks a cell, r repaints the whole screen, q, Esc or Ctrl-C quits.")
        )
    }

    @Option(help: HelpText.help(vi: "Bảng màu.", en: "Colour theme."))
    var theme: Theme = .default

    @Option(name: .long, help: HelpText.help(vi: "vi hoặc en: ngôn ngữ của màn hình thử (mặc định vi).", en: "vi or en: the card's language (default vi)."))
    var lang: Language = .vi

    /// Traps after the first frame, to test that a crash gives the terminal back.
    @Flag(name: .customLong("debug-crash"), help: .hidden)
    var debugCrash = false

    func run() throws {
        let session: TerminalSession
        do {
            session = try TerminalSession.open(theme: theme)
        } catch TerminalError.notATerminal {
            try printPlain()
            return
        } catch let error as TerminalError {
            printError("ciodash: \(error)")
            throw ExitCode.failure
        }
        defer { session.restore() }

        var card = TestCard(sizeText: "", terminalName: session.terminalName, localeCodeset: session.localeCodeset,
                            colour: session.colour, themeName: session.theme.name, language: lang)
        while true {
            let size = session.size
            card.sizeText = size.description
            session.paint(card.render(width: size.width, height: size.height))
            if debugCrash { fatalError("testcard --debug-crash: deliberate trap after the first frame") }

            guard let key = session.readKey(timeout: nil) else { continue }
            card.lastKey = key
            switch CommandTable.command(for: key, in: .testCard) {
            case .quit?: return
            case .markCell?: card.marked.toggle()
            case .repaint?: session.requestFullRepaint()
            default: break
            }
        }
    }

    /// The card as plain lines, for a pipe or a file.
    private func printPlain() throws {
        let width = TerminalSize.ofStandardOutput()?.width ?? 80
        let card = TestCard(sizeText: lang == .vi ? "(không phải terminal)" : "(not a terminal)", terminalName: ProcessInfo.processInfo.environment["TERM"] ?? "",
                            localeCodeset: "-", colour: false, themeName: theme.name, language: lang)
        let lines = card.render(width: width, height: 16).lines
        try writeOutput(lines.joined(separator: "\n") + "\n")
    }
}
