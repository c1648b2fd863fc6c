import CioDashRender
import CioDashTerminal
import Foundation

/// How xterm, with its default resources, shows a theme's style: the 16 colours of its default
/// 256-colour palette, black text on a white background, bold turning colours 0–7 into their
/// bright forms (`boldColors`), reverse swapping the two, faint halving the text towards the
/// background. Used to measure contrast the way a projector laptop's xterm draws it.
enum XtermPalette {
    typealias RGB = (r: Double, g: Double, b: Double)

    /// Colours 0–15 of xterm's default palette.
    static let colours: [RGB] = [
        (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
    ].map { (Double($0.0), Double($0.1), Double($0.2)) }
    static let defaultForeground: RGB = (0, 0, 0)
    static let defaultBackground: RGB = (255, 255, 255)

    /// Text and background colour of a style as xterm paints it.
    static func paint(_ style: Theme.Style) -> (text: RGB, background: RGB) {
        var text = defaultForeground
        if let fg = style.foreground {
            let index = Int(fg.rawValue) + (style.attributes.contains(.bold) ? 8 : 0)
            text = colours[index]
        }
        var background = style.background.map { colours[Int($0.rawValue)] } ?? defaultBackground
        if style.attributes.contains(.reverse) { swap(&text, &background) }
        if style.attributes.contains(.dim) {
            text = ((text.r + background.r) / 2, (text.g + background.g) / 2, (text.b + background.b) / 2)
        }
        return (text, background)
    }

    /// WCAG 2 relative luminance of an sRGB colour (0–255 channels).
    static func luminance(_ c: RGB) -> Double {
        func linear(_ v: Double) -> Double {
            let s = v / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
    }

    /// WCAG 2 contrast ratio, 1 to 21.
    static func contrast(_ style: Theme.Style) -> Double {
        let (text, background) = paint(style)
        let a = luminance(text), b = luminance(background)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
