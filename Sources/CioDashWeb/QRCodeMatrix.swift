import CQRencode

/// A QR code's modules (libqrencode), and the code drawn with half blocks for a terminal: two rows
/// of modules per line of text, the quiet zone included.
public struct QRCodeMatrix: Equatable, Sendable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row by row; true is a dark module.
    public let modules: [Bool]

    /// The code of `text` at error correction level M, or nil when it cannot be encoded (too long).
    /// libqrencode picks the smallest version and switches modes within the text, so an upper-case
    /// URL is coded alphanumerically (5.5 bits a character instead of 8).
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        self.size = size
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        modules = (0..<size * size).map { code.pointee.data[$0] & 1 == 1 }
    }

    public init(size: Int, modules: [Bool]) {
        self.size = size
        self.modules = modules
    }

    /// Whether the module at (x, y) is dark; outside the code (the quiet zone) it is light.
    public func isDark(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// The quiet zone the standard asks for: four modules on every side.
    public static let quietZone = 4

    /// Lines of half blocks where a dark module is ink: "▀" its upper half, "▄" its lower, "█" both,
    /// a space neither. Drawn dark on light (`StyleRole.code`), the quiet zone light.
    public func halfBlockLines(quietZone: Int = QRCodeMatrix.quietZone) -> [String] {
        let side = size + 2 * quietZone
        var lines: [String] = []
        for row in stride(from: 0, to: side, by: 2) {
            var line = ""
            for column in 0..<side {
                let upper = isDark(column - quietZone, row - quietZone)
                let lower = row + 1 < side && isDark(column - quietZone, row + 1 - quietZone)
                line.append(upper ? (lower ? "█" : "▀") : (lower ? "▄" : " "))
            }
            lines.append(line)
        }
        return lines
    }
}
