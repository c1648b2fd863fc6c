import Foundation
import CioDashCore

/// Short forms of agenda titles for narrow column headers.
enum TopicHeading {
    /// The title wrapped into at most `lines` lines of `width` cells. When the full title does not fit,
    /// an abbreviation in parentheses ("… (ĐTTM)") is used, then truncation.
    /// With no `lines` limit the whole title is wrapped, as files draw it.
    static func lines(_ title: String, width: Int, lines maxLines: Int?) -> [String] {
        let full = TextLayout.wrap(title, width: width)
        guard let maxLines, full.count > maxLines else { return full }
        if let abbreviation = parenthetical(title), DisplayWidth.of(abbreviation) <= width {
            return [abbreviation]
        }
        var cut = Array(full.prefix(maxLines))
        cut[maxLines - 1] = TextLayout.truncate(cut[maxLines - 1] + " …", to: width)
        return cut
    }

    /// "ĐTTM" from "Phát triển dịch vụ đô thị thông minh (ĐTTM)".
    static func parenthetical(_ title: String) -> String? {
        guard let open = title.lastIndex(of: "("), let close = title.lastIndex(of: ")"), open < close else { return nil }
        let inner = title[title.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return inner.isEmpty ? nil : String(inner)
    }
}
