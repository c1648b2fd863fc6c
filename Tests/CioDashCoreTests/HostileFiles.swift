import Foundation
@testable import CioDashCore
import CioDashTestSupport

/// Writers for the bad-input corpus that are too large or too odd to spell out in a test.
enum HostileFiles {
    /// Writes `size` bytes of a valid province file padded with comment lines, in 1 MiB writes, so
    /// that the file is real (not sparse) and only a size check made before reading can refuse it fast.
    static func writeLargeProvince(at path: String, size: Int) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let head = Array(provinceFile().utf8)
        try handle.write(contentsOf: head)
        let line = Array(("# " + String(repeating: "x", count: 61) + "\n").utf8)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 20)
        while chunk.count + line.count <= 1 << 20 { chunk += line }
        var written = head.count
        while written < size {
            let part = chunk.prefix(size - written)
            try handle.write(contentsOf: part)
            written += part.count
        }
    }

    /// "Billion laughs": ten levels of ten aliases each, 10^10 values if expanded.
    static let billionLaughs: String = {
        var text = "format: ciodash/1\nid: thua-thien-hue\nname: Huế\n"
        text += "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text + "topics: {}\n"
    }()

    /// What a hostile writer puts in a text field, as a YAML double-quoted escape: the first control
    /// of each is the one the loader names.
    static let payloads: [(yaml: String, first: Unicode.Scalar)] = [
        (#"\e]0;pwned\a"#, "\u{1B}"),          // OSC: retitles the window
        (#"\e[2J"#, "\u{1B}"),                 // CSI: clears the screen
        (#"\x9b31m"#, "\u{9B}"),               // C1 CSI, one byte in 8-bit terminals
        (#"\x7f"#, "\u{7F}"),                  // DEL
        (#"\u202Eevil"#, "\u{202E}"),          // bidi override: reorders what the reader sees
        (#"\e]8;;http://x\e\\"#, "\u{1B}"),    // OSC 8 hyperlink
        (#"\e[?1049h"#, "\u{1B}"),             // switches the alternate screen
        (#"\x07\x08"#, "\u{07}"),              // BEL and backspace
    ]
}
