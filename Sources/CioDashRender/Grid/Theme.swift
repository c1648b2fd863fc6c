/// How each `StyleRole` looks on the terminal: colours plus attributes.
///
/// Every theme marks selection with reverse or underline and titles and status with bold, underline
/// or a block, so a monochrome screen or a colour-blind reader loses nothing: colour only adds to
/// what the attributes and the badges' symbols already say. Contrast is measured by
/// `ThemeContrastTests` under xterm's default palette.
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
    /// Drawn on white paper in the HTML and SVG files (`ThemeCSS.Palette.paper`) rather than on a
    /// dark terminal background; on the terminal itself it is the default theme.
    public let paper: Bool

    private init(name: String, paper: Bool = false, _ style: (StyleRole) -> Style) {
        self.name = name
        self.paper = paper
        styles = StyleRole.allCases.map(style)
    }

    public func style(for role: StyleRole) -> Style { styles[Int(role.rawValue)] }

    /// Whether any role asks for a colour (false for mono).
    public var usesColour: Bool { styles.contains(where: \.usesColour) }

    /// The theme names `--theme` accepts, in the order they are listed.
    public static let names = ["default", "projector", "mono", "light"]

    public static func named(_ name: String) -> Theme? {
        switch name {
        case "default": return .default
        case "projector": return .projector
        case "mono": return .mono
        case "light": return .light
        default: return nil
        }
    }

    /// Colour for laptops. Every style keeps 4.5:1 contrast (WCAG) under xterm's default palette
    /// (black on white; bold turns colours 0–7 bright, so bold is only used with the default colour
    /// or where the bright form still reads): yellow, green and cyan only as backgrounds.
    public static let `default` = Theme(name: "default") { role in
        switch role {
        case .normal: return Style()
        case .title: return Style([.bold], foreground: .blue)
        case .header: return Style([.bold, .underline])
        case .label: return Style(foreground: .blue)
        case .muted: return Style()
        case .bar: return Style(foreground: .blue)
        case .barTarget: return Style(foreground: .red)
        case .selected: return Style([.reverse, .bold])
        case .warning: return Style(foreground: .black, background: .yellow)
        case .error: return Style([.underline], foreground: .red)
        case .onTrack: return Style(foreground: .black, background: .green)
        case .atRisk: return Style(foreground: .black, background: .yellow)
        case .behind: return Style([.underline], foreground: .red)
        case .notStarted: return Style()
        case .unknown: return Style(foreground: .magenta)
        case .footer: return Style([.reverse])
        case .match: return Style([.underline], foreground: .black, background: .yellow)
        case .overrun: return Style([.reverse], foreground: .red)
        case .code: return Style(foreground: .black, background: .white)
        case .codeInk: return Style(foreground: .white, background: .black)
        }
    }

    /// High contrast for a projector in a bright room: every style keeps 7:1 (WCAG) under xterm's
    /// default palette. Nothing is dim; status sits on solid blocks with black text (bold would turn
    /// black into grey there); red cannot reach 7:1 in that palette, so behind, errors and the
    /// overrun are told by their symbols, underline and blocks instead.
    public static let projector = Theme(name: "projector") { role in
        switch role {
        case .normal: return Style()
        case .title: return Style([.bold], foreground: .white, background: .blue)
        case .header: return Style([.bold, .underline])
        case .label: return Style([.bold])
        case .muted: return Style()
        case .bar: return Style(foreground: .blue)
        case .barTarget: return Style([.bold])
        case .selected: return Style([.underline], foreground: .black, background: .cyan)
        case .warning: return Style([.underline], foreground: .black, background: .yellow)
        case .error: return Style([.bold, .underline])
        case .onTrack: return Style(foreground: .black, background: .green)
        case .atRisk: return Style(foreground: .black, background: .yellow)
        case .behind: return Style(foreground: .white, background: .black)
        case .notStarted: return Style([.bold])
        case .unknown: return Style(foreground: .black, background: .white)
        case .footer: return Style([.bold, .reverse])
        case .match: return Style([.underline], foreground: .black, background: .yellow)
        case .overrun: return Style([.underline], foreground: .black, background: .yellow)
        case .code: return Style(foreground: .black, background: .white)
        case .codeInk: return Style(foreground: .white, background: .black)
        }
    }

    /// For reports read and printed on white: the default theme's roles in the paper palette, where
    /// every text role keeps 4.5:1 (`ThemeCSS.Palette.paper`). On a terminal it is the default theme.
    public static let light = Theme(name: "light", paper: true) { Theme.default.style(for: $0) }

    /// No colour at all: also used for NO_COLOR and terminals without colours.
    public static let mono = Theme(name: "mono") { role in
        switch role {
        case .normal, .label, .bar: return Style()
        case .title: return Style([.bold, .underline])
        case .header, .barTarget, .atRisk, .warning, .footer: return Style([.bold])
        // Faint text falls under 4.5:1 on a white terminal: secondary text stays plain.
        case .muted, .notStarted, .unknown: return Style()
        // Reverse is kept for selection alone, so it is never mistaken for something else.
        case .selected: return Style([.reverse])
        case .error, .behind: return Style([.bold, .underline])
        case .onTrack: return Style([.underline])
        case .match: return Style([.underline])
        case .overrun: return Style([.bold, .underline])
        // Ink in the terminal's background colour on its foreground: dark on light on a dark terminal.
        case .code: return Style([.reverse])
        case .codeInk: return Style()
        }
    }
}
