import CNcursesw
import Glibc

/// Puts the process in a UTF-8 locale before ncurses starts.
///
/// Without it ncurses draws Vietnamese as "Th a Thin Hu" and CJK as blanks, even with LANG=C.UTF-8,
/// because a C program starts in the "C" locale until it calls setlocale. CI and `env -i` have no LANG
/// at all: C.UTF-8 (built into glibc) is the fallback that makes them work.
enum UTF8Locale {
    /// Selects the environment's locale, falling back to C.UTF-8 for characters; returns the codeset.
    static func activate() throws -> String {
        setlocale(LC_ALL, "")
        if isUTF8(currentCodeset) { return currentCodeset }
        setlocale(LC_CTYPE, "C.UTF-8")
        let codeset = currentCodeset
        guard isUTF8(codeset) else { throw TerminalError.noUTF8Locale(codeset: codeset) }
        return codeset
    }

    static var currentCodeset: String {
        guard let c = ciodash_codeset() else { return "unknown" }
        return String(cString: c)
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let c = codeset.uppercased()
        return c == "UTF-8" || c == "UTF8"
    }
}
