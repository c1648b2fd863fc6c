/// A theme's look in CSS colours, for the HTML and SVG files: the eight ANSI colours as a common
/// terminal palette draws them, on a dark terminal background.
public enum ThemeCSS {
    public static let background = "#1e1e1e"
    public static let foreground = "#d4d4d4"

    public static func hex(_ colour: Theme.Colour) -> String {
        switch colour {
        case .black: return "#000000"
        case .red: return "#f14c4c"
        case .green: return "#23d18b"
        case .yellow: return "#f5f543"
        case .blue: return "#3b8eea"
        case .magenta: return "#d670d6"
        case .cyan: return "#29b8db"
        case .white: return "#e5e5e5"
        }
    }

    /// The colours a role is drawn in, reverse applied: (foreground, background or nil for none).
    public static func colours(_ style: Theme.Style) -> (foreground: String, background: String?) {
        let fg = style.foreground.map(hex) ?? foreground
        let bg = style.background.map(hex)
        if style.attributes.contains(.reverse) { return (bg ?? background, fg) }
        return (fg, bg)
    }

    /// One CSS rule per role (`.r0` … ), from the theme.
    public static func rules(_ theme: Theme) -> String {
        var css = ""
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            let (fg, bg) = colours(style)
            var rule = ".r\(role.rawValue){color:\(fg);"
            if let bg { rule += "background:\(bg);" }
            if style.attributes.contains(.bold) { rule += "font-weight:bold;" }
            if style.attributes.contains(.underline) { rule += "text-decoration:underline;" }
            if style.attributes.contains(.dim) { rule += "opacity:.65;" }
            css += rule + "}\n"
        }
        return css
    }
}
