import Foundation
import CioDashCore

/// The figures of one or more views as CSV: one row per province × metric (per agenda item for the
/// agenda), machine-readable numbers beside the text the view shows. UTF-8 with a byte-order mark and
/// CRLF line ends, so that Excel opens Vietnamese right; quoted per RFC 4180; a text cell that a
/// spreadsheet would run as a formula is neutralised.
public enum CSVReport {
    public static let header = ["view", "province_id", "province", "topic_id", "topic", "metric_id", "metric",
                                "value", "value_shown", "unit", "target", "previous", "change",
                                "status_id", "status", "source", "illustrative", "signature_id", "signature"]

    public static func document(reports: [ViewReport]) -> String {
        var out = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
        for report in reports {
            let view = report.view.description
            for f in report.figures {
                let cells = [text(view), text(f.provinceID), text(f.province), text(f.topicID), text(f.topic),
                             text(f.metricID), text(f.metric), number(f.value), text(f.shown), text(f.unit),
                             number(f.target), number(f.previous), number(f.change), text(f.statusID), text(f.status),
                             text(f.source), f.value == nil ? "" : (f.illustrative ? "true" : "false"),
                             text(f.signatureID), text(f.signature)]
                out += cells.joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// A number as a machine reads it: a dot for decimals, no grouping ("1349", "0.727"); empty when absent.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A text cell: sanitised, quoted when it holds a comma, quote or line break, and prefixed with
    /// an apostrophe when it starts with what Excel, LibreOffice or Sheets would take for a formula
    /// (=, +, -, @, tab, carriage return), so "=HYPERLINK(…)" stays text.
    public static func text(_ value: String) -> String {
        var cell = TextSanitizer.line(value)
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }
}
