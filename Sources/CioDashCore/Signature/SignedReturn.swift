import Foundation

/// The original of a signed return, looked at again after its import (`check`): is it still the file
/// whose SHA-256 the `signature:` block recorded?
public enum SignedReturn {
    /// A return larger than this is not hashed (as `DetachedSignature` refuses to hash it at import).
    public static let maxBytes = 64 << 20

    public enum Rehash: Equatable, Sendable {
        case same, changed, absent, unreadable
    }

    /// Hashes the file at `path` and compares it with `recorded` (hex, any case).
    public static func rehash(_ path: String, recorded: String) -> Rehash {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        // A regular file only: a FIFO or a device in the folder would block the read or never end.
        guard !isDirectory.boolValue, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber, size.intValue <= maxBytes,
              let handle = FileHandle(forReadingAtPath: path) else { return .unreadable }
        defer { try? handle.close() }
        // A file that grew past the cap since the stat is refused too.
        guard let data = try? handle.read(upToCount: maxBytes + 1), data.count <= maxBytes else { return .unreadable }
        return SHA256Digest.hex(data) == recorded.lowercased() ? .same : .changed
    }
}
