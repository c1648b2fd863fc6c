/// Text five rows tall in block glyphs, for what must be read from the back of a room: the room
/// code and the speaker view's countdown. Digits, the letters A–Z (a chosen room code may spell
/// words: `PHONG-HOP-2026`), `-`, `:`, `+` and space; anything else is drawn as a space.
public enum BigText {
    public static let height = 5

    private static let glyphs: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"], "3": ["###", "..#", ".##", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"], "7": ["###", "..#", "..#", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "###"],
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "J": ["..#", "..#", "..#", "#.#", ".#."], "K": ["#.#", "#.#", "##.", "#.#", "#.#"],
        "M": ["#...#", "##.##", "#.#.#", "#...#", "#...#"], "N": ["#..#", "##.#", "#.##", "#..#", "#..#"],
        "P": ["##.", "#.#", "##.", "#..", "#.."], "Q": [".#.", "#.#", "#.#", "##.", ".##"],
        "R": ["##.", "#.#", "##.", "#.#", "#.#"], "S": [".##", "#..", ".#.", "..#", "##."],
        "T": ["###", ".#.", ".#.", ".#.", ".#."], "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#...#", "#...#", "#.#.#", "##.##", "#...#"], "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "Z": ["###", "..#", ".#.", "#..", "###"],
        "I": ["###", ".#.", ".#.", ".#.", "###"], "L": ["#..", "#..", "#..", "#..", "###"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."], "U": ["#.#", "#.#", "#.#", "#.#", "###"],
        "-": ["...", "...", "###", "...", "..."], ":": [".", "#", ".", "#", "."],
        "+": ["...", ".#.", "###", ".#.", "..."], " ": ["..", "..", "..", "..", ".."],
    ]

    /// The rows of `text` (five times `scale`), glyphs `scale` columns apart; at scale 2 every dot
    /// of a glyph is two cells wide and two rows tall.
    public static func lines(_ text: String, scale: Int = 1) -> [String] {
        let scale = max(1, scale)
        return lines(text, dotWidth: scale, dotHeight: scale, gap: scale)
    }

    /// The rows of `text` with each dot `dotWidth` cells wide and `dotHeight` rows tall, glyphs
    /// `gap` columns apart. A terminal cell is about twice as tall as it is wide, so a dot two
    /// cells wide and one row tall is square and the letters keep their shape.
    public static func lines(_ text: String, dotWidth: Int, dotHeight: Int, gap: Int) -> [String] {
        let dotWidth = max(1, dotWidth), dotHeight = max(1, dotHeight), gap = max(0, gap)
        var rows = Array(repeating: "", count: height)
        for (i, c) in text.uppercased().enumerated() {
            let glyph = glyphs[c] ?? glyphs[" "]!
            for r in 0..<height {
                if i > 0 { rows[r] += String(repeating: " ", count: gap) }
                for dot in glyph[r] { rows[r] += String(repeating: dot == "#" ? "█" : " ", count: dotWidth) }
            }
        }
        return rows.flatMap { Array(repeating: $0, count: dotHeight) }
    }

    /// Columns `text` takes at `scale`.
    public static func width(_ text: String, scale: Int = 1) -> Int {
        lines(text, scale: scale).first?.count ?? 0
    }

    /// Columns `text` takes with dots `dotWidth` wide and glyphs `gap` apart.
    public static func width(_ text: String, dotWidth: Int, gap: Int) -> Int {
        lines(text, dotWidth: dotWidth, dotHeight: 1, gap: gap).first?.count ?? 0
    }
}
