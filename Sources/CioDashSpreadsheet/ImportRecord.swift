import CioDashCore

/// The last line `import` writes into a YAML status file: the SHA-256 of every byte above it. A later
/// import tells from it whether the file is still the one it wrote (so a newer form may replace it)
/// or was edited by hand since (so it is not replaced without `--force`). The file's time cannot say
/// this: `import` itself writes the file after the form was saved.
public enum ImportRecord {
    static let prefix = "# ciodash import sha256 "

    /// What a status file's bytes say about who wrote them last.
    public enum State: Equatable, Sendable {
        /// The file is byte for byte what an import wrote.
        case asImported
        /// The record is there but the bytes above it changed: edited since the import.
        case editedSinceImport
        /// No record: written by hand or by another tool (or a JSON file, which has no comments).
        case noRecord
    }

    /// `text` with its record line appended.
    static func stamped(_ text: String) -> String {
        text + prefix + SHA256Digest.hex(Array(text.utf8)) + "\n"
    }

    /// The state of a file's bytes.
    public static func state(of bytes: [UInt8]) -> State {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        let last = String(decoding: bytes[start..<end], as: UTF8.self)
        guard last.hasPrefix(prefix) else { return .noRecord }
        let recorded = last.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return recorded == SHA256Digest.hex(bytes[..<start]) ? .asImported : .editedSinceImport
    }
}
