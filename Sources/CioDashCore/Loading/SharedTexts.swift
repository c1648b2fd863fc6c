import Foundation

/// One copy of each repeated text across the files of one load.
///
/// Every province writes the same metric labels and often the same source ("Minh họa (illustrative)");
/// at 10,000 provinces those copies were a fifth of the loaded meeting's memory. Shared by the
/// loading threads, so guarded by a lock.
final class SharedTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [Bytes: String] = [:]

    /// `text`, or a text with the same bytes seen before. Short texts live inside the `String`
    /// itself, so they are returned as they are.
    func shared(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        let key = Bytes(text: text)
        lock.lock()
        defer { lock.unlock() }
        if let existing = texts[key] { return existing }
        texts[key] = text
        return text
    }

    /// A text compared and hashed by its UTF-8 bytes: String's own hashing normalises non-ASCII text
    /// first, which made sharing cost more than it saved in time; loaded text is NFC already.
    private struct Bytes: Hashable {
        let text: String

        static func == (a: Bytes, b: Bytes) -> Bool {
            var (x, y) = (a.text, b.text)
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
