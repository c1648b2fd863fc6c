/// The fields of one mapping, looked up by key, and where the mapping starts.
protocol FieldLookup {
    associatedtype Key
    subscript(key: Key) -> YAMLNode? { get }
    /// The key as written in files, for messages.
    func name(of key: Key) -> String
    var line: Int { get }
    var column: Int { get }
}

/// The entries of one mapping of a tree, looked up by key (mappings in ciodash files are small).
struct Fields: FieldLookup {
    let node: YAMLNode
    let entries: [YAMLMappingEntry]

    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    func name(of key: String) -> String { key }
    var line: Int { node.line }
    var column: Int { node.column }
}

/// The keys a decoder reads from one kind of mapping, by position in `names`.
protocol MappingKeys: RawRepresentable, CaseIterable where RawValue == Int {
    static var names: [StaticString] { get }
}

/// The values of one mapping read from a `YAMLEventStream`, by key: a lookup is an index.
struct KnownFields<Key: MappingKeys>: FieldLookup {
    struct Slot {
        var node: YAMLNode
        var keyLine: Int
        var keyColumn: Int
    }

    private(set) var line: Int
    private(set) var column: Int
    var slots: [Slot?]
    /// Bit `i` set when `slots[i]` holds a value: a repeated key and the reset between metrics are
    /// tested on it rather than on the optional slots.
    private(set) var present: UInt64 = 0

    init(line: Int, column: Int) {
        precondition(Key.names.count <= 64, "one bit a key")
        self.line = line
        self.column = column
        slots = Array(repeating: nil, count: Key.names.count)
    }

    subscript(key: Key) -> YAMLNode? { slots[key.rawValue]?.node }

    func slot(_ key: Key) -> Slot? { slots[key.rawValue] }

    func name(of key: Key) -> String { Key.names[key.rawValue].description }
}

extension MappingKeys {
    static var nameStrings: [String] { names.map(\.description) }

    /// Which keys an earlier meeting's reading passes over, nil when none are.
    static func skipped(by stream: borrowing YAMLEventStream) -> [Bool]? {
        stream.skippedKeys.isEmpty ? nil : names.map { stream.skippedKeys.contains($0.description) }
    }
}

extension KnownFields {
    /// Reads the mapping that starts at the stream's current event, leaving the stream on its end.
    /// Each known key's value becomes a node, except where `streams` reads the value itself (it is
    /// called on the value's first event and returns true when it did); a repeated key is an error and
    /// its value is dropped; an unknown key gets a warning, with the known key it may be a typo of.
    static func read(_ stream: inout YAMLEventStream, _ reader: FieldReader, skipped: [Bool]?,
                     streams: (Key, inout YAMLEventStream) -> Bool = { _, _ in false }) -> KnownFields {
        var fields = KnownFields(line: stream.line, column: stream.column)
        fields.fill(&stream, reader, skipped: skipped, streams: streams)
        return fields
    }

    /// `read`, into fields already made: a list of metrics reuses one set of slots.
    mutating func fill(_ stream: inout YAMLEventStream, _ reader: FieldReader, skipped: [Bool]?,
                       streams: (Key, inout YAMLEventStream) -> Bool = { _, _ in false }) {
        (line, column) = (stream.line, stream.column)
        while present != 0 {
            slots[present.trailingZeroBitCount] = nil
            present &= present - 1
        }
        var others: KeyLines?
        while stream.nextKey() {
            let keyLine = stream.line, keyColumn = stream.column
            guard let index = stream.scalarIndex(in: Key.names), let key = Key(rawValue: index) else {
                let text = stream.text
                if others == nil { others = KeyLines() }
                if let first = others?.firstLine(of: text, line: keyLine) {
                    stream.duplicateKey(text, firstLine: first)
                    stream.next()
                    _ = stream.node()
                    continue
                }
                if skipped != nil && stream.skippedKeys.contains(text) {
                    guard stream.passOverValue() != nil else { continue }
                } else {
                    stream.next()
                    _ = stream.node()
                }
                reader.warning(keyLine, keyColumn,
                               LoadMessages.unknownKey(text, suggestion: FieldReader.suggestion(for: text, among: Key.nameStrings)))
                continue
            }
            if present & (1 << index) != 0, let first = slots[index]?.keyLine {
                stream.duplicateKey(Key.names[index].description, firstLine: first)
                stream.next()
                _ = stream.node()
                continue
            }
            if let skipped, skipped[index] {
                if let mark = stream.passOverValue() {
                    slots[index] = Slot(node: mark, keyLine: keyLine, keyColumn: keyColumn)
                    present |= 1 << index
                }
                continue
            }
            stream.next()
            var node: YAMLNode?
            if stream.kind == .mappingStart || stream.kind == .sequenceStart {
                let start = YAMLNode(stream.kind == .mappingStart ? .mapping([]) : .sequence([]), line: stream.line, column: stream.column)
                if streams(key, &stream) { node = start }
            }
            slots[index] = Slot(node: node ?? stream.node(), keyLine: keyLine, keyColumn: keyColumn)
            present |= 1 << index
        }
    }
}
