/// What a cell means; the terminal's theme decides how each role looks (colour, bold, reverse),
/// and a plain-text snapshot ignores it. Status must also read without colour: badges carry symbols.
public enum StyleRole: UInt8, CaseIterable, Sendable, Hashable {
    case normal
    case title
    case header
    case label
    case muted
    case bar
    case barTarget
    case selected
    case warning
    case error
    case onTrack
    case atRisk
    case behind
    case notStarted
    case unknown
    case footer
    case match
    case overrun
    /// A QR code's light modules: dark on light in every theme, so a phone's camera reads it.
    case code
    /// A QR code's dark modules, painted as the cell's background: a terminal fills a cell's
    /// background edge to edge, where a block glyph leaves a pixel's gap at cell borders that
    /// splits the modules for a decoder.
    case codeInk
}
