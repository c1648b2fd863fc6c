import Foundation

/// One copy of each repeated text across the files of one load.
///
/// Every province writes the same metric labels and often the same source ("Minh họa (illustrative)");
/// at 10,000 provinces those copies were a fifth of the loaded meeting's memory. Shared by the
/// loading threads, so guarded by a lock.
final class SharedTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: String] = [:]

    /// `text`, or an equal text seen before. Short texts live inside the `String` itself, so they are
    /// returned as they are.
    func shared(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        lock.lock()
        defer { lock.unlock() }
        if let existing = texts[text] { return existing }
        texts[text] = text
        return text
    }
}
