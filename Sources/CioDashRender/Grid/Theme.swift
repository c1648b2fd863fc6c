/// How each `StyleRole` looks on the terminal: colours plus attributes.
///
/// Every theme marks selection with reverse and titles and status with bold or underline, so a
/// monochrome screen or a colour-blind reader loses nothing: colour only adds to what the attributes
/// and the badges' symbols already say.
public struct Theme: Sendable, Equatable {
    /// The eight ANSI colours; values are ncurses' COLOR_* numbers.
    public enum Colour: Int16, Sendable {
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1 << 0)
        public static let underline = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let dim = Attributes(rawValue: 1 << 3)
    }

    /// One role's look; a nil colour is the terminal's own default.
    public struct Style: Sendable, Equatable {
        public var foreground: Colour?
        public var background: Colour?
        public var attributes: Attributes

        public init(_ attributes: Attributes = [], foreground: Colour? = nil, background: Colour? = nil) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }

        public var usesColour: Bool { foreground != nil || background != nil }
    }

    public let name: String
    private let styles: [Style]

    private init(name: String, _ style: (StyleRole) -> Style) {
        self.name = name
        styles = StyleRole.allCases.map(style)
    }

    public func style(for role: StyleRole) -> Style { styles[Int(role.rawValue)] }

    /// Whether any role asks for a colour (false for mono).
    public var usesColour: Bool { styles.contains(where: \.usesColour) }

    /// The theme names `--theme` accepts, in the order they are listed.
    public static let names = ["default", "projector", "mono"]

    public static func named(_ name: String) -> Theme? {
        switch name {
        case "default": return .default
        case "projector": return .projector
        case "mono": return .mono
        default: return nil
        }
    }

    /// Colour on the terminal's own background, for laptops.
    public static let `default` = Theme(name: "default") { role in
        switch role {
        case .normal: return Style()
        case .title: return Style([.bold], foreground: .cyan)
        case .header: return Style([.bold, .underline])
        case .label: return Style(foreground: .cyan)
        case .muted: return Style([.dim])
        case .bar: return Style(foreground: .green)
        case .barTarget: return Style([.bold], foreground: .yellow)
        case .selected: return Style([.reverse, .bold], foreground: .cyan)
        case .warning: return Style([.bold], foreground: .yellow)
        case .error: return Style([.bold], foreground: .red)
        case .onTrack: return Style([.bold], foreground: .green)
        case .atRisk: return Style([.bold], foreground: .yellow)
        case .behind: return Style([.bold], foreground: .red)
        case .notStarted: return Style([.dim])
        case .unknown: return Style(foreground: .magenta)
        case .footer: return Style([.reverse])
        case .match: return Style([.bold, .underline], foreground: .yellow)
        case .overrun: return Style([.bold, .reverse], foreground: .red)
        }
    }

    /// High contrast for a projector in a bright room: projectors wash out dim text and pale colours,
    /// so nothing is dim and status sits on solid colour blocks.
    public static let projector = Theme(name: "projector") { role in
        switch role {
        case .normal: return Style()
        case .title: return Style([.bold], foreground: .white, background: .blue)
        case .header: return Style([.bold, .underline])
        case .label: return Style([.bold])
        case .muted: return Style()
        case .bar: return Style([.bold], foreground: .blue)
        case .barTarget: return Style([.bold], foreground: .red)
        case .selected: return Style([.bold, .reverse])
        case .warning: return Style([.bold], foreground: .black, background: .yellow)
        case .error: return Style([.bold], foreground: .white, background: .red)
        case .onTrack: return Style([.bold], foreground: .white, background: .green)
        case .atRisk: return Style([.bold], foreground: .black, background: .yellow)
        case .behind: return Style([.bold], foreground: .white, background: .red)
        case .notStarted: return Style([.bold])
        case .unknown: return Style([.bold], foreground: .white, background: .magenta)
        case .footer: return Style([.bold, .reverse])
        case .match: return Style([.bold, .underline], foreground: .black, background: .yellow)
        case .overrun: return Style([.bold, .reverse], foreground: .red)
        }
    }

    /// No colour at all: also used for NO_COLOR and terminals without colours.
    public static let mono = Theme(name: "mono") { role in
        switch role {
        case .normal, .label, .bar: return Style()
        case .title: return Style([.bold, .underline])
        case .header, .barTarget, .atRisk, .warning, .footer: return Style([.bold])
        case .muted, .notStarted, .unknown: return Style([.dim])
        // Reverse is kept for selection alone, so it is never mistaken for something else.
        case .selected: return Style([.reverse])
        case .error, .behind: return Style([.bold, .underline])
        case .onTrack: return Style([.underline])
        case .match: return Style([.underline])
        case .overrun: return Style([.bold, .underline])
        }
    }
}
