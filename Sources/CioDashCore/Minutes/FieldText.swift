/// A minutes field's text as the record builds it, edit by edit: its Unicode scalars in chunks of
/// at most `2 × chunkSize`, with the place of the last edit remembered.
///
/// An edit costs the scalars it inserts and removes, one chunk's worth of moving, and a walk over
/// the chunks between the last edit and this one (a few thousand steps for a jump across 40 million
/// characters). So a journal of typing, pasting and going back to correct replays in time linear in
/// its length. A `String` rebuilt at each edit (scalars out, spliced, back in) cost the whole field
/// per line: 1 MB typed into one field took 20 s to replay, 2 MB 77 s (issue 28, class 11).
public struct FieldText: Hashable, Sendable {
    static let chunkSize = 2048

    private var chunks: [[Unicode.Scalar]] = []
    /// Scalars in the text.
    public private(set) var count = 0
    /// The chunk of the last edit and the offset of its first scalar: where the next one looks first.
    private var cursor = (chunk: 0, start: 0)

    public init() {}

    public init(_ text: String) {
        _ = apply(TextEdit(offset: 0, removed: 0, inserted: text))
    }

    public var isEmpty: Bool { count == 0 }

    public var string: String {
        // Encoded into one buffer: appending chunk after chunk to a UnicodeScalarView copies the
        // whole string each time (quadratic for a 40 MB field).
        var utf8: [UInt8] = []
        utf8.reserveCapacity(count + count / 2)
        for chunk in chunks {
            for s in chunk { UTF8.encode(s) { utf8.append($0) } }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Applies `edit`; false (and unchanged) when it does not fit the text (a damaged journal).
    public mutating func apply(_ edit: TextEdit) -> Bool {
        // Compared without adding: an offset near Int.max from a damaged journal must not overflow.
        guard edit.offset >= 0, edit.removed >= 0, edit.offset <= count, edit.removed <= count - edit.offset else { return false }
        if edit.removed > 0 { remove(edit.removed, at: edit.offset) }
        let inserted = Array(edit.inserted.unicodeScalars)
        if !inserted.isEmpty { insert(inserted, at: edit.offset) }
        return true
    }

    /// The chunk holding `offset` (its end counts as in it) and that chunk's first offset, walking
    /// from the last edit's chunk. Only called with chunks present and `offset <= count`.
    private mutating func locate(_ offset: Int) -> (chunk: Int, start: Int) {
        var (i, start) = cursor.chunk < chunks.count ? cursor : (0, 0)
        while offset < start {
            i -= 1
            start -= chunks[i].count
        }
        while offset > start + chunks[i].count && i + 1 < chunks.count {
            start += chunks[i].count
            i += 1
        }
        cursor = (i, start)
        return (i, start)
    }

    private mutating func insert(_ scalars: [Unicode.Scalar], at offset: Int) {
        count += scalars.count
        guard !chunks.isEmpty else {
            chunks = Self.pieces(scalars[...])
            cursor = (0, 0)
            return
        }
        let (i, start) = locate(offset)
        chunks[i].insert(contentsOf: scalars, at: offset - start)
        if chunks[i].count > 2 * Self.chunkSize {
            chunks.replaceSubrange(i...i, with: Self.pieces(chunks[i][...]))
        }
    }

    private mutating func remove(_ removed: Int, at offset: Int) {
        count -= removed
        var (i, start) = locate(offset)
        let first = i, firstStart = start
        var local = offset - start, remaining = removed
        while remaining > 0 {
            if local == chunks[i].count {
                start += chunks[i].count
                i += 1
                local = 0
                continue
            }
            let k = Swift.min(remaining, chunks[i].count - local)
            chunks[i].removeSubrange(local..<local + k)
            remaining -= k
        }
        // The chunks emptied (those wholly removed, side by side) go; those before `first` are
        // unchanged, so the cursor holds.
        let emptied = chunks[first...i].indices.filter { chunks[$0].isEmpty }
        if let low = emptied.first, let high = emptied.last { chunks.removeSubrange(low...high) }
        cursor = (first, firstStart)
        if cursor.chunk >= chunks.count {
            cursor = chunks.isEmpty ? (0, 0) : (chunks.count - 1, count - chunks[chunks.count - 1].count)
        }
    }

    private static func pieces(_ scalars: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]] {
        stride(from: scalars.startIndex, to: scalars.endIndex, by: chunkSize).map {
            Array(scalars[$0..<Swift.min($0 + chunkSize, scalars.endIndex)])
        }
    }

    public static func == (a: FieldText, b: FieldText) -> Bool {
        a.count == b.count && a.chunks.joined().elementsEqual(b.chunks.joined())
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for chunk in chunks { for s in chunk { hasher.combine(s.value) } }
    }
}
