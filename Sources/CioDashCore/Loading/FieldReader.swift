/// Reads typed fields out of one file's YAML tree, collecting a diagnostic for every problem.
///
/// Each accessor returns nil when a value is absent or unusable, having already said why, so the
/// decoders read as a list of fields rather than a thicket of error handling.
final class FieldReader {
    /// The file's path as shown in diagnostics.
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    /// Repeated texts across the files of a load, kept once (nil: every text is kept as read).
    let sharedTexts: SharedTexts?

    init(file: String, sharedTexts: SharedTexts? = nil) {
        self.file = file
        self.sharedTexts = sharedTexts
    }

    /// Text that many files repeat (a metric's label, unit or source), stored once per load.
    func repeatedText(_ node: YAMLNode?, key: @autoclosure () -> String) -> String? {
        guard let text = text(node, key: key()) else { return nil }
        return sharedTexts?.shared(text) ?? text
    }

    func error(_ line: Int?, _ column: Int?, _ message: BilingualText) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, message: message))
    }

    func warning(_ line: Int?, _ column: Int?, _ message: BilingualText) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column, message: message))
    }

    func error(at node: YAMLNode, _ message: BilingualText) { error(node.line, node.column, message) }
    func warning(at node: YAMLNode, _ message: BilingualText) { warning(node.line, node.column, message) }

    func append(_ more: [Diagnostic]) { diagnostics += more }

    /// The fields of a mapping, warning once about every key not in `known`.
    func fields(_ node: YAMLNode, key: String, known: [String]) -> Fields? {
        guard case .mapping(let entries) = node.content else {
            error(at: node, LoadMessages.wrongKind(key, expected: "a mapping of fields", found: node.kindDescription))
            return nil
        }
        for entry in entries where !known.contains(entry.key) {
            warning(entry.keyLine, entry.keyColumn,
                    LoadMessages.unknownKey(entry.key, suggestion: Self.suggestion(for: entry.key, among: known)))
        }
        return Fields(node: node, entries: entries)
    }

    /// Text of any scalar style; nil when absent or null.
    func text(_ node: YAMLNode?, key: @autoclosure () -> String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard case .scalar(let text, _) = node.content else {
            error(at: node, LoadMessages.wrongKind(key(), expected: "text", found: node.kindDescription))
            return nil
        }
        return text
    }

    /// Text that must be present and not empty.
    func requiredText<F: FieldLookup>(_ fields: F, _ key: F.Key) -> String? {
        requiredText(fields[key], key: fields.name(of: key), in: (fields.line, fields.column))
    }

    /// The same for a value already looked up in the mapping that starts at `place`.
    func requiredText(_ node: YAMLNode?, key: @autoclosure () -> String, in place: (line: Int, column: Int)) -> String? {
        guard let node else {
            error(place.line, place.column, LoadMessages.missingField(key()))
            return nil
        }
        guard let text = text(node, key: key()) else {
            if node.isNull && !node.isRejected { error(at: node, LoadMessages.emptyField(key())) }
            return nil
        }
        if text.isEmpty {
            error(at: node, LoadMessages.emptyField(key()))
            return nil
        }
        return text
    }

    /// A number written plain; quoted numbers and Vietnamese notation get a helpful error.
    func number(_ node: YAMLNode?, key: @autoclosure () -> String) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard case .scalar(let text, let isPlain) = node.content else {
            error(at: node, LoadMessages.wrongKind(key(), expected: "a number", found: node.kindDescription))
            return nil
        }
        if isPlain {
            switch ScalarText.number(text) {
            case .number(let value): return value
            case .notFinite:
                error(at: node, LoadMessages.notFinite(key(), text))
                return nil
            case .notANumber: break
            }
        }
        error(at: node, LoadMessages.notANumber(key(), text, quoted: !isPlain))
        return nil
    }

    func bool(_ node: YAMLNode?, key: @autoclosure () -> String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard case .scalar(let text, let isPlain) = node.content, isPlain, let value = ScalarText.bool(text) else {
            error(at: node, LoadMessages.notBoolean(key(), node.scalarText ?? node.kindDescription))
            return nil
        }
        return value
    }

    /// An ISO date, plain (YAML) or quoted (JSON has no dates).
    func date(_ node: YAMLNode?, key: String) -> LocalDate? {
        guard let text = text(node, key: key), let node else { return nil }
        guard let date = LocalDate(iso: text) else {
            error(at: node, LoadMessages.malformedDate(key, text))
            return nil
        }
        return date
    }

    /// A list of text items; a single value is accepted as a list of one.
    func textList(_ node: YAMLNode?, key: String) -> [String] {
        guard let node, !node.isNull else { return [] }
        switch node.content {
        case .scalar(let text, _):
            return [text]
        case .mapping:
            error(at: node, LoadMessages.wrongKind(key, expected: "a list", found: node.kindDescription))
            return []
        case .sequence(let items):
            var out: [String] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard case .scalar(let text, _) = item.content else {
                    error(at: item, LoadMessages.notListItemText(key))
                    continue
                }
                if !item.isNull { out.append(text) }
            }
            return out
        }
    }

    /// The known key closest to a misspelt one (edit distance at most 2, or a different letter case).
    static func suggestion(for key: String, among known: [String]) -> String? {
        let lower = key.lowercased()
        if let same = known.first(where: { $0 == lower }) { return same }
        let allowed = key.count <= 4 ? 1 : 2
        var best: (key: String, distance: Int)?
        for candidate in known {
            let d = editDistance(Array(lower.unicodeScalars), Array(candidate.unicodeScalars), limit: allowed)
            if d <= allowed && d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.key
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it cannot be within `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit || a.count > 64 || b.count > 64 { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
