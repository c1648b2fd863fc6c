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
    /// A QR code: dark on light in every theme, so a phone's camera reads it.
    case code
}
