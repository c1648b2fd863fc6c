/// A theme's look in CSS colours, for the HTML and SVG files: the eight ANSI colours as a palette
/// draws them — a common terminal's on a dark background, or the paper palette on white (the light
/// theme, and every theme when printed).
public enum ThemeCSS {
    /// The colours of one background: the page, the text, secondary text, rules, and the eight colours.
    public struct Palette: Sendable, Equatable {
        public var background: String
        public var foreground: String
        /// Secondary text (facts, hints): still 4.5:1 on the background.
        public var muted: String
        public var rule: String
        public var hover: String
        public var colourScheme: String
        var colours: [String]

        public func hex(_ colour: Theme.Colour) -> String { colours[Int(colour.rawValue)] }

        /// A terminal's palette on its dark background.
        public static let dark = Palette(background: "#1e1e1e", foreground: "#d4d4d4", muted: "#a8a8a8", rule: "#444444",
                                         hover: "#2a2d2e", colourScheme: "dark",
                                         colours: ["#000000", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#e5e5e5"])
        /// On white paper. Text colours (red, blue, magenta, the foreground) are dark enough for 4.5:1 on
        /// white; the colours the themes use as backgrounds under black text (green, yellow, cyan, white)
        /// are light; measured per role by `LightThemeTests`.
        public static let paper = Palette(background: "#ffffff", foreground: "#1a1a1a", muted: "#4d4d4d", rule: "#b0b0b0",
                                          hover: "#e8f0fe", colourScheme: "light",
                                          colours: ["#000000", "#b3261e", "#9be29b", "#ffe066", "#1a4fc4", "#8a2291", "#8fdcea", "#ffffff"])
    }

    /// The palette a theme's files are drawn in.
    public static func palette(_ theme: Theme) -> Palette { theme.paper ? .paper : .dark }

    public static var background: String { Palette.dark.background }
    public static var foreground: String { Palette.dark.foreground }

    public static func hex(_ colour: Theme.Colour) -> String { Palette.dark.hex(colour) }

    /// The colours a role is drawn in, reverse applied: (foreground, background or nil for none).
    public static func colours(_ style: Theme.Style, palette: Palette = .dark) -> (foreground: String, background: String?) {
        let fg = style.foreground.map(palette.hex) ?? palette.foreground
        let bg = style.background.map(palette.hex)
        if style.attributes.contains(.reverse) { return (bg ?? palette.background, fg) }
        return (fg, bg)
    }

    /// One CSS rule per role (`.r0` … ), from the theme, in `palette`. Dim text is faded only on the
    /// dark background: on paper a faded colour would fall under 4.5:1.
    public static func rules(_ theme: Theme, palette: Palette? = nil) -> String {
        let palette = palette ?? self.palette(theme)
        var css = ""
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            let (fg, bg) = colours(style, palette: palette)
            var rule = ".r\(role.rawValue){color:\(fg);"
            if let bg { rule += "background:\(bg);" }
            if style.attributes.contains(.bold) { rule += "font-weight:bold;" }
            if style.attributes.contains(.underline) { rule += "text-decoration:underline;" }
            if style.attributes.contains(.dim) && palette != .paper { rule += "opacity:.65;" }
            css += rule + "}\n"
        }
        return css
    }
}
