import CYAML

/// Parses one YAML or JSON document into a `YAMLNode` tree on libyaml's event API.
///
/// The event API is used rather than libyaml's document loader so that limits (depth, alias
/// expansion, string length) are enforced while parsing, and rather than a Codable layer so that
/// every value keeps its line and column and loading stays near libyaml's own speed.
public enum YAMLReader {
    /// A parsed document: the tree, the problems found, and the one that stopped parsing, if any.
    public struct Outcome: Sendable {
        /// Nil when the file cannot be used; `fatal` then says why.
        public var root: YAMLNode?
        /// Everything found, including `fatal` and non-fatal ones such as duplicate keys.
        public var diagnostics: [Diagnostic]
        public var fatal: Diagnostic?
    }

    /// Parses `bytes`, naming `file` in diagnostics. JSON files get `JSONCompatibility` first.
    /// The values of mapping keys in `skipping` are passed over unread (no nodes, no text checks).
    public static func parse(_ bytes: [UInt8], file: String, isJSON: Bool = false,
                             limits: LoadLimits = .default, skipping: Set<String> = []) -> Outcome {
        let input = isJSON ? JSONCompatibility.prepare(bytes) : bytes
        return input.withUnsafeBufferPointer { buffer in
            var stream = YAMLEventStream(buffer, file: file, limits: limits, skippedKeys: skipping)
            var root: YAMLNode?
            if !input.isEmpty, stream.next() != .end {
                root = stream.node()
                stream.finish()
            }
            if stream.fatal == nil && root == nil {
                stream.fail(line: nil, column: nil, LoadMessages.emptyFile)
            }
            if let fatal = stream.fatal {
                return Outcome(root: nil, diagnostics: stream.diagnostics + [fatal], fatal: fatal)
            }
            return Outcome(root: root, diagnostics: stream.diagnostics, fatal: nil)
        }
    }
}
