/// Text typed or pasted into a minutes field, as the field keeps it.
public enum TypedText {
    /// Typed or pasted text as a field keeps it: controls, bidi overrides and DEL dropped (never
    /// shown as "^[" in minutes), tabs as a space, CR LF and CR as a line break, and line breaks as
    /// a space in a one-line field.
    public static func clean(_ text: String, multiline: Bool) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for s in text.unicodeScalars {
            defer { previousWasCR = s == "\r" }
            switch s {
            case "\n":
                if !previousWasCR { out.append(multiline ? "\n" : " ") }
            case "\r":
                out.append(multiline ? "\n" : " ")
            case "\t":
                out.append(" ")
            default:
                if !TextSanitizer.needsReplacement(s) { out.append(s) }
            }
        }
        return Normalization.nfc(String(out))
    }
}
