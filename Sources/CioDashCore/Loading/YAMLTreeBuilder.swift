import CYAML

/// The event loop and the stack of open lists and mappings.
struct YAMLTreeBuilder {
    struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        /// Key waiting for its value; `drop` when it repeated an earlier key.
        var pendingKey: (text: String, line: Int, column: Int, drop: Bool)?
        /// Built once a mapping grows large, so duplicate checks stay linear overall.
        var keyIndex: [String: Int]?
        /// Values in this subtree with aliases expanded.
        var expandedSize = 1
    }

    let file: String
    let limits: LoadLimits
    var stack: [Frame] = []
    var root: YAMLNode?
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var aliasedNodes = 0
    var documents = 0
    var diagnostics: [Diagnostic] = []
    var fatal: Diagnostic?
    var source: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    /// Mapping keys whose values are passed over without building nodes (an earlier meeting's
    /// texts, which nothing shows): a text reads as "…", a list or mapping as absent.
    let skippedKeys: Set<String>
    /// The next event starts a value to pass over.
    var skipNext = false
    /// Open lists and mappings of the value being passed over.
    var skipDepth = 0

    init(file: String, limits: LoadLimits, skippedKeys: Set<String> = []) {
        self.file = file
        self.limits = limits
        self.skippedKeys = skippedKeys
    }

    mutating func fail(line: Int?, column: Int?, _ message: BilingualText) {
        if fatal == nil { fatal = Diagnostic(.error, file: file, line: line, column: column, message: message) }
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        source = bytes
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            fail(line: nil, column: nil, LoadMessages.fileUnreadable("out of memory"))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while fatal == nil {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                reportParserError(parser)
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            handle(event)
            yaml_event_delete(&event)
            if done { return }
        }
    }

    mutating func handle(_ event: yaml_event_t) {
        if skipNext || skipDepth > 0 {
            pass(over: event)
            return
        }
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { fail(line: line, column: column, LoadMessages.severalDocuments) }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if Int(s.length) > limits.maxStringLength {
                let length = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)),
                                    as: UTF8.self).unicodeScalars.count
                if length > limits.maxStringLength {
                    // One over-long text costs that field, not the file: it reads as absent (null).
                    diagnostics.append(Diagnostic(.error, file: file, line: line, column: column,
                                                  message: LoadMessages.stringTooLong(length, limit: limits.maxStringLength)))
                    var node = YAMLNode(.scalar("", isPlain: true), line: line, column: column)
                    node.isRejected = true
                    if let anchor = s.anchor { anchors[String(cString: anchor)] = (node, 1) }
                    add(node, size: 1)
                    return
                }
            }
            let bytes = UnsafeBufferPointer(start: s.value, count: Int(s.length))
            // Raw control bytes never get here (libyaml refuses them); escapes such as "\e" do.
            if YAMLTreeBuilder.mayHoldControl(bytes) {
                let text = String(decoding: bytes, as: UTF8.self)
                if let control = TextSanitizer.firstControl(in: text) {
                    diagnostics.append(Diagnostic(.error, file: file, line: line, column: column,
                                                  message: LoadMessages.controlInText(control)))
                } else if let invisible = TextSanitizer.firstInvisible(in: text) {
                    diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column,
                                                  message: LoadMessages.invisibleInText(invisible)))
                }
            }
            let isPlain = s.style == YAML_PLAIN_SCALAR_STYLE && !isStringTag(s.tag)
            let node = YAMLNode(.scalar(Normalization.nfc(utf8: bytes), isPlain: isPlain), line: line, column: column)
            if let anchor = s.anchor { anchors[String(cString: anchor)] = (node, 1) }
            add(node, size: 1)
        case YAML_SEQUENCE_START_EVENT:
            open(isMapping: false, anchor: event.data.sequence_start.anchor, line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            open(isMapping: true, anchor: event.data.mapping_start.anchor, line: line, column: column)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            let node = YAMLNode(content, line: frame.line, column: frame.column)
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.expandedSize) }
            add(node, size: frame.expandedSize)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                fail(line: line, column: column, LoadMessages.undefinedAlias(name))
                return
            }
            aliasedNodes = aliasedNodes.addingReportingOverflow(target.size).partialValue
            if aliasedNodes > limits.maxAliasedNodes || aliasedNodes < 0 {
                fail(line: line, column: column, LoadMessages.tooManyAliased(limits.maxAliasedNodes))
                return
            }
            add(YAMLNode(target.node.content, line: line, column: column), size: target.size)
        default:
            break
        }
    }

    /// What a passed-over text reads as.
    static let passedOver = "…"

    /// One event of a skipped value. Its anchors still exist (as empty text), so that an alias
    /// elsewhere is not reported as undefined.
    mutating func pass(over event: yaml_event_t) {
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_SEQUENCE_START_EVENT: skipDepth += 1; anchor = event.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: skipDepth += 1; anchor = event.data.mapping_start.anchor
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: skipDepth -= 1
        case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
        default: break
        }
        if skipNext {
            skipNext = false
            if event.type == YAML_SCALAR_EVENT {
                // A text in place, so that a required field is still there: one shared mark, no copy.
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                add(YAMLNode(.scalar(Self.passedOver, isPlain: false), line: line, column: column), size: 1)
            } else if let top = stack.indices.last {
                stack[top].pendingKey = nil
            }
        }
        if let anchor {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            anchors[String(cString: anchor)] = (YAMLNode(.scalar("", isPlain: true), line: line, column: column), 1)
        }
    }

    mutating func open(isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, line: Int, column: Int) {
        if stack.count >= limits.maxDepth {
            fail(line: line, column: column, LoadMessages.tooDeep(limits.maxDepth))
            return
        }
        var frame = Frame(isMapping: isMapping, line: line, column: column, anchor: anchor.map { String(cString: $0) })
        // Room for a metric's keys or a short list up front: growing 1, 2, 4, 8 copied every entry
        // three times, for every mapping of every file.
        if isMapping { frame.entries.reserveCapacity(8) } else { frame.items.reserveCapacity(4) }
        stack.append(frame)
    }

    mutating func add(_ node: YAMLNode, size: Int) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].expandedSize = stack[top].expandedSize.addingReportingOverflow(size).partialValue
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            guard case .scalar(let text, _) = node.content else {
                fail(line: node.line, column: node.column, LoadMessages.complexKey)
                return
            }
            var drop = false
            if let first = YAMLTreeBuilder.firstLine(ofKey: text, in: &stack[top]) {
                drop = true
                diagnostics.append(Diagnostic(.error, file: file, line: node.line, column: node.column,
                                              message: LoadMessages.duplicateKey(text, firstLine: first)))
            }
            stack[top].pendingKey = (text, node.line, node.column, drop)
            if !drop && !skippedKeys.isEmpty && skippedKeys.contains(text) { skipNext = true }
            return
        }
        stack[top].pendingKey = nil
        if key.drop { return }
        stack[top].entries.append(YAMLMappingEntry(key: key.text, keyLine: key.line, keyColumn: key.column, value: node))
        let position = stack[top].entries.count - 1
        if stack[top].keyIndex != nil { stack[top].keyIndex?[key.text] = position }
    }

    /// Whether UTF-8 text may encode a control character, DEL, a C1 control (C2 80–9F) or a bidi
    /// control (U+061C: D8 9C; U+200E–U+206F: E2 80/81 …): a byte test, so clean text costs one pass.
    static func mayHoldControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xF3 }
    }

    /// The line of an earlier equal key in this mapping, if any.
    static func firstLine(ofKey key: String, in frame: inout Frame) -> Int? {
        if frame.keyIndex == nil && frame.entries.count >= 16 {
            var index: [String: Int] = [:]
            for (i, e) in frame.entries.enumerated() where index[e.key] == nil { index[e.key] = i }
            frame.keyIndex = index
        }
        if let keyIndex = frame.keyIndex {
            return keyIndex[key].map { frame.entries[$0].keyLine }
        }
        return frame.entries.first { $0.key == key }?.keyLine
    }

    func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        return String(cString: tag) == "tag:yaml.org,2002:str"
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
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

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < source.count ? source[offset] : nil
    }

    /// 1-based line and column (in characters) of a byte offset, counting CR LF, CR and LF as breaks.
    func place(ofByte offset: Int) -> (Int, Int) {
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
    func character(atLine line: Int, column: Int) -> UInt8? {
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
