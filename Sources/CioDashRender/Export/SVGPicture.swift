import CioDashCore

/// One view as an SVG picture of its cells, to paste into a report: the snapshot's lines (preamble,
/// title, the view's grid) in the theme's colours, each run of text stretched to exactly the cells it
/// covers (`textLength`), so a wide character takes two cells whatever font the reader has.
public enum SVGPicture {
    static let cellWidth = 8.4, lineHeight = 18.0, fontSize = 14.0, baseline = 13.5
    /// Monospace fonts that draw every Vietnamese letter precomposed first (DejaVu Sans Mono lacks
    /// "ế", "ữ"…, and a browser then draws the mark beside the letter), then box drawing, CJK, generic.
    public static let fontStack = "'Noto Sans Mono', Consolas, 'Cascadia Mono', Menlo, 'SF Mono', 'DejaVu Sans Mono', "
        + "'Liberation Mono', 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'MS Gothic', monospace"

    /// The picture of `grid`, titled `title` (for screen readers and file browsers).
    public static func document(grid: Grid, title: String, theme: Theme) -> [UInt8] {
        let w = Double(grid.width) * cellWidth, h = Double(grid.height) * lineHeight
        let palette = ThemeCSS.palette(theme)
        var out: [UInt8] = []
        out.appendMarkup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.appendMarkup("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(w))\" height=\"\(number(h))\" viewBox=\"0 0 \(number(w)) \(number(h))\" font-family=\"\(fontStack)\" font-size=\"\(number(fontSize))\" xml:space=\"preserve\" style=\"white-space:pre\">\n<title>")
        out.appendEscaped(title)
        out.appendMarkup("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"\(palette.background)\"/>\n<g>\n")
        for y in 0..<grid.height {
            for run in runs(grid, y: y) {
                let style = theme.style(for: run.role)
                let (fg, bg) = ThemeCSS.colours(style, palette: palette)
                let x = Double(run.x) * cellWidth, top = Double(y) * lineHeight
                let length = Double(run.cells) * cellWidth
                if let bg {
                    out.appendMarkup("<rect x=\"\(number(x))\" y=\"\(number(top))\" width=\"\(number(length))\" height=\"\(number(lineHeight))\" fill=\"\(bg)\"/>\n")
                }
                guard !run.blank else { continue }
                var attributes = " fill=\"\(fg)\""
                if style.attributes.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if style.attributes.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                if style.attributes.contains(.dim) && !theme.paper { attributes += " opacity=\"0.65\"" }
                out.appendMarkup("<text x=\"\(number(x))\" y=\"\(number(top + baseline))\" textLength=\"\(number(length))\" lengthAdjust=\"spacingAndGlyphs\"\(attributes)>")
                for cx in run.x..<(run.x + run.cells) where !grid[cx, y].isContinuation {
                    out.appendEscaped(cell: grid[cx, y])
                }
                out.appendMarkup("</text>\n")
            }
        }
        out.appendMarkup("</g>\n</svg>\n")
        return out
    }

    struct Run { var x: Int; var cells: Int; var role: StyleRole; var blank: Bool }

    /// A row cut into runs of one role without spaces (each placed at its own cell, so no renderer's
    /// handling of white space can move text); a wide character is a run of its own, two cells wide.
    /// A run of spaces is kept only where its role has a background to paint.
    static func runs(_ grid: Grid, y: Int) -> [Run] {
        var runs: [Run] = []
        var x = 0
        while x < grid.width {
            let cell = grid[x, y]
            if cell.isContinuation { x += 1; continue }
            let blank = cell.base == " " && cell.marksID == 0
            if cell.width == 2 {
                runs.append(Run(x: x, cells: 2, role: cell.role, blank: false))
                x += 2
                continue
            }
            if var last = runs.last, last.role == cell.role, last.blank == blank, last.x + last.cells == x,
               grid[last.x, y].width != 2 {
                last.cells += 1
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(x: x, cells: 1, role: cell.role, blank: blank))
            }
            x += 1
        }
        return runs
    }

    static func number(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(WholeNumber.clamped(r, to: Int.min...Int.max)) : String(r)
    }
}
