/// Text five rows tall in block glyphs, for what must be read from the back of a room: the room
/// code and the speaker view's countdown. Digits, the room code's letters (Crockford base 32),
/// `-`, `:`, `+` and space; anything else is drawn as a space.
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
        "-": ["...", "...", "###", "...", "..."], ":": [".", "#", ".", "#", "."],
        "+": ["...", ".#.", "###", ".#.", "..."], " ": ["..", "..", "..", "..", ".."],
    ]

    /// The rows of `text` (five times `scale`), glyphs `scale` columns apart; at scale 2 every dot
    /// of a glyph is two cells wide and two rows tall.
    public static func lines(_ text: String, scale: Int = 1) -> [String] {
        let scale = max(1, scale)
        var rows = Array(repeating: "", count: height)
        for (i, c) in text.uppercased().enumerated() {
            let glyph = glyphs[c] ?? glyphs[" "]!
            for r in 0..<height {
                if i > 0 { rows[r] += String(repeating: " ", count: scale) }
                for dot in glyph[r] { rows[r] += String(repeating: dot == "#" ? "█" : " ", count: scale) }
            }
        }
        return rows.flatMap { Array(repeating: $0, count: scale) }
    }

    /// Columns `text` takes at `scale`.
    public static func width(_ text: String, scale: Int = 1) -> Int {
        lines(text, scale: scale).first?.count ?? 0
    }
}
