import CYAML

/// libyaml's events, one at a time, with every check a ciodash file gets while it is parsed.
///
/// Decoders read a file straight from here, so no tree of the whole file is built and freed (that was
/// as costly as libyaml's own parse); `node()` builds a `YAMLNode` of one value where a tree is simpler
/// (the agenda, small fields). Limits (depth, alias expansion, text length), text checks, anchors and
/// aliases are handled here: an alias is replayed as the events of the value it names, so a decoder
/// never sees one. After a fatal problem, every call reads `.end`. A struct passed `inout`, not a class:
/// a class's properties cost a run-time exclusivity check on every access, a fifth of the loading time.
struct YAMLEventStream: ~Copyable {
    enum Kind: Equatable { case scalar, sequenceStart, mappingStart, sequenceEnd, mappingEnd, end }

    let file: String
    let limits: LoadLimits
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var fatal: Diagnostic?
    /// Mapping keys whose values `node()` passes over unread (an earlier meeting's texts, which
    /// nothing shows): a text reads as "…", a list or mapping as absent.
    let skippedKeys: Set<String>

    /// The current event.
    private(set) var kind: Kind = .end
    private(set) var line = 0
    private(set) var column = 0
    /// For a scalar: written plain (not quoted, not a block, not `!!str`).
    private(set) var isPlain = false
    /// For a scalar: refused as over-long (already reported); it reads as an empty plain text.
    private(set) var isRejected = false

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var event = yaml_event_t()
    private var hasEvent = false
    private var failed = false
    private var initialized = false
    private var ended = false
    private let source: UnsafeBufferPointer<UInt8>
    private var documents = 0
    private var depth = 0
    /// A scalar replayed from an alias: its text is owned here rather than by libyaml's event.
    private var replayedText: String?
    /// Whether the current event is replayed (a flag, so that testing a key copies no text).
    private var isReplayed = false
    /// The current scalar (from libyaml) is still to get its control-character check.
    private var isUnchecked = false
    private var replay: [Replayed] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasedNodes = 0
    /// Open anchored values being recorded for later aliases, outermost first.
    private var recording: [Frame] = []

    private enum Replayed {
        case scalar(String, isPlain: Bool, isRejected: Bool, line: Int, column: Int)
        case start(isMapping: Bool, line: Int, column: Int)
        case end(isMapping: Bool)
    }

    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        var pendingKey: (text: String, line: Int, column: Int)?
        var keys = KeyLines()
        var size = 1
    }

    /// `bytes` must outlive the stream.
    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: LoadLimits, skippedKeys: Set<String> = []) {
        self.file = file
        self.limits = limits
        self.skippedKeys = skippedKeys
        source = bytes
        parser = .allocate(capacity: 1)
        // libyaml keeps a pointer to the parser itself for string input: it must not move.
        if yaml_parser_initialize(parser) == 0 {
            failed = true
            fatal = Diagnostic(.error, file: file, message: LoadMessages.fileUnreadable("out of memory"))
        } else {
            initialized = true
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        }
    }

    deinit {
        var last = event
        if hasEvent { yaml_event_delete(&last) }
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    mutating func fail(line: Int?, column: Int?, _ message: BilingualText) {
        guard !failed else { return }
        failed = true
        fatal = Diagnostic(.error, file: file, line: line, column: column, message: message)
        kind = .end
    }

    // MARK: Reading events

    /// Moves to the next event of the document and returns its kind.
    @discardableResult
    mutating func next() -> Kind {
        if isUnchecked { checkText() }
        if isReplayed { replayedText = nil; isReplayed = false }
        if failed || ended { kind = .end; return .end }
        if !replay.isEmpty { return take(replay.removeLast()) }
        while true {
            if hasEvent { yaml_event_delete(&event); hasEvent = false }
            guard yaml_parser_parse(parser, &event) != 0 else {
                reportParserError()
                kind = .end
                return .end
            }
            hasEvent = true
            line = Int(event.start_mark.line) + 1
            column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                // libyaml gives empty events after the end, for ever.
                ended = true
                kind = .end
                return .end
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { fail(line: line, column: column, LoadMessages.severalDocuments); return .end }
            case YAML_SCALAR_EVENT:
                readScalar()
                return kind
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if depth >= limits.maxDepth { fail(line: line, column: column, LoadMessages.tooDeep(limits.maxDepth)); return .end }
                depth += 1
                kind = isMapping ? .mappingStart : .sequenceStart
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                recordStart(isMapping: isMapping, anchor: anchor.map { String(cString: $0) })
                return kind
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
                kind = event.type == YAML_MAPPING_END_EVENT ? .mappingEnd : .sequenceEnd
                recordEnd()
                return kind
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let target = anchors[name] else { fail(line: line, column: column, LoadMessages.undefinedAlias(name)); return .end }
                aliasedNodes = aliasedNodes.addingReportingOverflow(target.size).partialValue
                if aliasedNodes > limits.maxAliasedNodes || aliasedNodes < 0 {
                    fail(line: line, column: column, LoadMessages.tooManyAliased(limits.maxAliasedNodes))
                    return .end
                }
                var events: [Replayed] = []
                Self.flatten(target.node, line: line, column: column, into: &events)
                replay = events.reversed()
                return take(replay.removeLast())
            default:
                continue
            }
        }
    }

    private mutating func take(_ replayed: Replayed) -> Kind {
        switch replayed {
        case .scalar(let text, let plain, let rejected, let l, let c):
            (line, column, isPlain, isRejected, replayedText, isReplayed) = (l, c, plain, rejected, text, true)
            kind = .scalar
            recordScalar(anchor: nil)
        case .start(let isMapping, let l, let c):
            (line, column, isReplayed) = (l, c, true)
            kind = isMapping ? .mappingStart : .sequenceStart
            recordStart(isMapping: isMapping, anchor: nil)
        case .end(let isMapping):
            isReplayed = true
            kind = isMapping ? .mappingEnd : .sequenceEnd
            recordEnd()
        }
        return kind
    }

    /// The checks on every text read: length, control characters, invisible ones.
    private mutating func readScalar() {
        kind = .scalar
        let s = event.data.scalar
        isRejected = false
        isPlain = s.style == YAML_PLAIN_SCALAR_STYLE && !Self.isStringTag(s.tag)
        let bytes = UnsafeBufferPointer(start: s.value, count: Int(s.length))
        if bytes.count > limits.maxStringLength {
            let length = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
            if length > limits.maxStringLength {
                // One over-long text costs that field, not the file: it reads as absent (null).
                diagnostics.append(Diagnostic(.error, file: file, line: line, column: column,
                                              message: LoadMessages.stringTooLong(length, limit: limits.maxStringLength)))
                isRejected = true
                isPlain = true
            }
        }
        // Checked when first read rather than here: a key that is one a decoder knows needs no check.
        isUnchecked = !isRejected
        if s.anchor != nil || !recording.isEmpty { recordScalar(anchor: s.anchor.map { String(cString: $0) }) }
    }

    /// The control-character check of the current scalar, once. Raw control bytes never get here
    /// (libyaml refuses them); escapes such as "\e" do.
    private mutating func checkText() {
        isUnchecked = false
        let bytes = UnsafeBufferPointer(start: event.data.scalar.value, count: Int(event.data.scalar.length))
        guard Self.mayHoldControl(bytes) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if let control = TextSanitizer.firstControl(in: text) {
            diagnostics.append(Diagnostic(.error, file: file, line: line, column: column,
                                          message: LoadMessages.controlInText(control)))
        } else if let invisible = TextSanitizer.firstInvisible(in: text) {
            diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column,
                                          message: LoadMessages.invisibleInText(invisible)))
        }
    }

    /// The current scalar's text, in NFC ("" for a refused one).
    var text: String {
        if isReplayed { return replayedText ?? "" }
        guard kind == .scalar, hasEvent, !isRejected else { return "" }
        return Normalization.nfc(utf8: UnsafeBufferPointer(start: event.data.scalar.value, count: Int(event.data.scalar.length)))
    }

    /// A known key is plain ASCII, so finding one settles the text check too.
    mutating func scalarIndex(in keys: [StaticString]) -> Int? {
        guard kind == .scalar, !isRejected else { return nil }
        if isReplayed { return keys.firstIndex { $0.description == replayedText } }
        let s = event.data.scalar
        let count = Int(s.length)
        for (i, key) in keys.enumerated() where key.utf8CodeUnitCount == count {
            if count == 0 || (key.utf8Start.pointee == s.value.pointee && memcmp(s.value, key.utf8Start, count) == 0) {
                isUnchecked = false
                return i
            }
        }
        return nil
    }

    /// The current scalar as a node.
    var scalarNode: YAMLNode {
        var node = YAMLNode(.scalar(text, isPlain: isPlain), line: line, column: column)
        node.isRejected = isRejected
        return node
    }

    // MARK: Values

    /// The value that starts at the current event, as a tree; the stream is left on its last event.
    mutating func node() -> YAMLNode {
        if isUnchecked { checkText() }
        switch kind {
        case .scalar, .end, .sequenceEnd, .mappingEnd:
            return kind == .scalar ? scalarNode : YAMLNode(.scalar("", isPlain: true), line: line, column: column)
        case .sequenceStart:
            let (l, c) = (line, column)
            var items: [YAMLNode] = []
            items.reserveCapacity(4)
            while next() != .sequenceEnd && kind != .end { items.append(node()) }
            return YAMLNode(.sequence(items), line: l, column: c)
        case .mappingStart:
            let (l, c) = (line, column)
            var entries: [YAMLMappingEntry] = []
            entries.reserveCapacity(8)
            var keys = KeyLines()
            while nextKey() {
                let key = text, keyLine = line, keyColumn = column
                if let first = keys.firstLine(of: key, line: keyLine) {
                    duplicateKey(key, firstLine: first)
                    next(); _ = node()
                    continue
                }
                if !skippedKeys.isEmpty && skippedKeys.contains(key) {
                    if let mark = passOverValue() {
                        entries.append(YAMLMappingEntry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: mark))
                    }
                    continue
                }
                next()
                entries.append(YAMLMappingEntry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: node()))
            }
            return YAMLNode(.mapping(entries), line: l, column: c)
        }
    }

    /// Inside a mapping: moves to its next key (true) or past its end (false). A key that is a list or
    /// mapping stops the file.
    mutating func nextKey() -> Bool {
        switch next() {
        case .scalar: return true
        case .mappingEnd, .end: return false
        case .sequenceStart, .mappingStart:
            let (l, c) = (line, column)
            _ = node()
            fail(line: l, column: c, LoadMessages.complexKey)
            return false
        case .sequenceEnd: return false
        }
    }

    /// Reports the current key as repeating one at `firstLine`; the caller drops its value.
    mutating func duplicateKey(_ key: String, firstLine: Int) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column,
                                      message: LoadMessages.duplicateKey(key, firstLine: firstLine)))
    }

    /// What a passed-over text reads as.
    static let passedOver = "…"

    /// Passes over the next value unread (no checks, no aliases followed): a text gives one shared mark
    /// at its place, so that a required field is still there; a list, mapping or alias gives nil. Its
    /// anchors still exist (as empty text), so that an alias elsewhere is not reported as undefined.
    mutating func passOverValue() -> YAMLNode? {
        if isUnchecked { checkText() }
        if isReplayed { replayedText = nil; isReplayed = false }
        if failed || ended { kind = .end; return nil }
        // A replayed alias was checked, and passed over where it was recorded: it reads as it was kept.
        if !replay.isEmpty {
            next()
            return node()
        }
        var open = 0
        var mark: YAMLNode?
        repeat {
            if hasEvent { yaml_event_delete(&event); hasEvent = false }
            guard yaml_parser_parse(parser, &event) != 0 else { reportParserError(); return nil }
            hasEvent = true
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            let l = Int(event.start_mark.line) + 1, c = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SEQUENCE_START_EVENT: open += 1; anchor = event.data.sequence_start.anchor
            case YAML_MAPPING_START_EVENT: open += 1; anchor = event.data.mapping_start.anchor
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: open -= 1
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
                if open == 0 { mark = YAMLNode(.scalar(Self.passedOver, isPlain: false), line: l, column: c) }
            default: break
            }
            if let anchor { anchors[String(cString: anchor)] = (YAMLNode(.scalar("", isPlain: true), line: l, column: c), 1) }
        } while open > 0
        kind = mark == nil ? .sequenceEnd : .scalar
        if !recording.isEmpty {
            if let mark { addToRecording(mark, size: 1) } else { recording[recording.count - 1].pendingKey = nil }
        }
        return mark
    }

    /// Reads the rest of the document after its root value: a second document or a syntax error at the
    /// end still makes the file unusable.
    mutating func finish() {
        while !failed {
            if next() == .end { return }
            _ = node()
        }
    }

    // MARK: Anchors

    private mutating func recordScalar(anchor: String?) {
        guard anchor != nil || !recording.isEmpty else { return }
        let node = scalarNode
        if let anchor { anchors[anchor] = (node, 1) }
        if !recording.isEmpty { addToRecording(node, size: 1) }
    }

    private mutating func recordStart(isMapping: Bool, anchor: String?) {
        guard anchor != nil || !recording.isEmpty else { return }
        recording.append(Frame(isMapping: isMapping, line: line, column: column, anchor: anchor))
    }

    private mutating func recordEnd() {
        guard let frame = recording.popLast() else { return }
        let node = YAMLNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), line: frame.line, column: frame.column)
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
        if !recording.isEmpty { addToRecording(node, size: frame.size) }
    }

    private mutating func addToRecording(_ node: YAMLNode, size: Int) {
        let top = recording.count - 1
        recording[top].size = recording[top].size.addingReportingOverflow(size).partialValue
        guard recording[top].isMapping else { recording[top].items.append(node); return }
        guard let key = recording[top].pendingKey else {
            // Keys are checked by the reader of the mapping; a recording only needs the first of each.
            let text = node.scalarText ?? ""
            if recording[top].keys.firstLine(of: text, line: node.line) != nil {
                recording[top].pendingKey = (text, -1, -1)
            } else {
                recording[top].pendingKey = (text, node.line, node.column)
            }
            return
        }
        recording[top].pendingKey = nil
        if key.line < 0 { return }
        recording[top].entries.append(YAMLMappingEntry(key: key.text, keyLine: key.line, keyColumn: key.column, value: node))
    }

    /// The events of `node`, as an alias at `line`:`column` gives them.
    private static func flatten(_ node: YAMLNode, line: Int, column: Int, into events: inout [Replayed]) {
        switch node.content {
        case .scalar(let text, let plain):
            events.append(.scalar(text, isPlain: plain, isRejected: node.isRejected, line: line, column: column))
        case .sequence(let items):
            events.append(.start(isMapping: false, line: line, column: column))
            for item in items { flatten(item, line: item.line, column: item.column, into: &events) }
            events.append(.end(isMapping: false))
        case .mapping(let entries):
            events.append(.start(isMapping: true, line: line, column: column))
            for entry in entries {
                events.append(.scalar(entry.key, isPlain: true, isRejected: false, line: entry.keyLine, column: entry.keyColumn))
                flatten(entry.value, line: entry.value.line, column: entry.value.column, into: &events)
            }
            events.append(.end(isMapping: true))
        }
    }

    // MARK: Checks and places

    /// Whether UTF-8 text may encode a control character, DEL, a C1 control (C2 80–9F) or a bidi
    /// control (U+061C: D8 9C; U+200E–U+206F: E2 80/81 …), a TAG (F3) or a noncharacter (U+FDD0–FDEF,
    /// U+FFFE/FFFF: EF …; those of the other planes: F0–F4 …): a byte test, so clean text costs one pass.
    static func mayHoldControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        // Eight bytes at a time while they are printable ASCII (ids, numbers, most keys).
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let below20 = (word &- ones &* 0x20) & ~word & highs
            let del = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highs
            if word & highs != 0 || below20 != 0 || del != 0 { break }
            i += 8
        }
        return controlLeads.withUnsafeBufferPointer { table in
            while i < bytes.count {
                if table[Int(bytes[i])] { return true }
                i += 1
            }
            return false
        }
    }

    /// The bytes `mayHoldControl` looks for, by value.
    private static let controlLeads: [Bool] = (0...255).map { b in
        let lead = b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF
        return b < 0x20 || b == 0x7F || lead || (0xF0...0xF4).contains(b)
    }

    private static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        return strcmp(UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self), "tag:yaml.org,2002:str") == 0
    }

    private mutating func reportParserError() {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            var offset = Int(parser.problem_offset)
            if problem.contains("trailing") {
                // libyaml points at the byte that does not continue the character; the user needs the
                // character's first byte (a Latin-1 "ế" is 0xEA followed by an ordinary letter).
                offset -= 1
                while offset > 0, let b = byte(at: offset), b & 0xC0 == 0x80 { offset -= 1 }
            }
            let (line, column) = place(ofByte: offset)
            let value = Int(parser.problem_value)
            let message: BilingualText
            if problem.hasPrefix("control characters") {
                message = value == 0 ? LoadMessages.nulByte : LoadMessages.controlCharacter(value)
            } else if problem.contains("UTF-8") || problem.contains("Unicode") {
                message = LoadMessages.notUTF8(Int(byte(at: offset) ?? UInt8(truncatingIfNeeded: value)))
            } else {
                message = LoadMessages.syntax(problem, context: nil, contextLine: nil)
            }
            fail(line: line, column: column, message)
            return
        }
        let line = Int(parser.problem_mark.line) + 1
        let column = Int(parser.problem_mark.column) + 1
        if problem.hasPrefix("found character that cannot start any token") || problem.contains("tab character"),
           character(atLine: line, column: column) == 0x09 {
            fail(line: line, column: column, LoadMessages.tabIndentation)
            return
        }
        let context = parser.context.map { String(cString: $0) }
        let contextLine = context == nil ? nil : Int(parser.context_mark.line) + 1
        fail(line: line, column: column, LoadMessages.syntax(problem, context: context, contextLine: contextLine))
    }

    private func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < source.count ? source[offset] : nil
    }

    /// 1-based line and column (in characters) of a byte offset, counting CR LF, CR and LF as breaks.
    private func place(ofByte offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        var i = source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF ? 3 : 0
        let end = min(offset, source.count)
        while i < end {
            let b = source[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= source.count || source[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// The first byte of the character at a 1-based line and column, if the place exists.
    private func character(atLine line: Int, column: Int) -> UInt8? {
        var currentLine = 1, currentColumn = 1
        var i = source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF ? 3 : 0
        while i < source.count {
            let b = source[i]
            if b & 0xC0 != 0x80 {
                if currentLine == line && currentColumn == column { return b }
                if b == 0x0A || (b == 0x0D && (i + 1 >= source.count || source[i + 1] != 0x0A)) {
                    currentLine += 1
                    currentColumn = 1
                } else if b != 0x0D {
                    currentColumn += 1
                }
                if currentLine > line { return nil }
            }
            i += 1
        }
        return nil
    }
}

/// The keys (or ids) met so far in one mapping or list, for "appears twice": a short list scanned by a
/// cheap hash of each key's bytes (a topic's twenty metric ids cost less than a dictionary's hashing),
/// and a dictionary once the list grows long, so that the checks stay linear overall.
struct KeyLines {
    private var hashes: [UInt64] = []
    private var list: [(key: String, line: Int)] = []
    private var index: [String: Int]?

    /// The line of an earlier equal key, or nil (and `key` is remembered at `line`).
    mutating func firstLine(of key: String, line: Int) -> Int? {
        if index != nil {
            if let first = index?[key] { return first }
            index?[key] = line
            return nil
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        for (i, h) in hashes.enumerated() where h == hash && list[i].key == key { return list[i].line }
        if list.isEmpty {
            hashes.reserveCapacity(8)
            list.reserveCapacity(8)
        }
        hashes.append(hash)
        list.append((key, line))
        if list.count > 32 {
            var built: [String: Int] = [:]
            for item in list where built[item.key] == nil { built[item.key] = item.line }
            index = built
            (hashes, list) = ([], [])
        }
        return nil
    }
}
