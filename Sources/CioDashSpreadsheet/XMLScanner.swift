#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a workbook part's reader is told, in document order. Names are local (`x:c` → `c`).
enum XMLEvent {
    case start(name: Substring, attributes: [Substring: String])
    case end(name: Substring)
    /// Character data, entities decoded and line ends normalised; one text may come in several pieces.
    case text(String)
    /// A reference in character data that is none of XML's own entities (`&amp;` `&lt;` `&gt;`
    /// `&quot;` `&apos;`) nor a character XML allows: an entity a DTD declares (never expanded), a
    /// typo, or `&#0;`. Given as written, `&co;`.
    case badReference(String)
}

/// Receives a part's events; may throw `StopReading` once it has read enough.
protocol XMLPartReader: AnyObject {
    func handle(_ event: XMLEvent) throws
}

/// A streaming reader of the XML in a workbook's parts, fed the bytes as they are inflated: no
/// temporary file, no size limit of its own (the zip's limits bound a part) and no text node or
/// document too large, unlike libxml2 behind Foundation's XMLParser, which failed valid parts of a
/// few MiB with "error 1" and cut a text at an entity in some builds.
///
/// It reads the well-formed UTF-8 XML that spreadsheet programs write: elements and attributes,
/// character data with the five predefined entities and character references, CDATA, comments,
/// processing instructions. A document type declaration is passed over, never expanded: an entity
/// it declares is reported as unknown where it is used (no billion laughs). Anything malformed is
/// `XLSXFailure.malformedXML` with its line.
final class XMLScanner {
    private let part: String
    private let reader: XMLPartReader
    private var buffer: [UInt8] = []
    /// Start of the bytes not yet read.
    private var position = 0
    /// Where the search for the end of an incomplete token resumes, so that no byte is scanned twice.
    private var resume = 0
    private var line = 1
    private var open: [[UInt8]] = []
    private var rootClosed = false
    private var rootSeen = false
    private var pendingCR = false
    private var started = false

    static let maxDepth = 256

    init(part: String, reader: XMLPartReader) {
        self.part = part
        self.reader = reader
    }

    /// Parses a whole part held in memory.
    static func parse(_ bytes: [UInt8], part: String, reader: XMLPartReader) throws {
        let scanner = XMLScanner(part: part, reader: reader)
        try scanner.feed(bytes)
        try scanner.finish()
    }

    /// Reads what `bytes` completes; an incomplete token waits for the next call.
    func feed<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        try scan(final: false)
        // Drop what was read once it is most of the buffer: amortised linear, however large a token.
        if position > 0 && position * 2 >= buffer.count {
            buffer.removeSubrange(0..<position)
            resume -= position
            position = 0
        }
    }

    /// The end of the part: everything opened must be closed.
    func finish() throws {
        try scan(final: true)
        if let name = open.last { throw failure("the part ends before </\(String(decoding: name, as: UTF8.self))>") }
        if !rootSeen { throw failure("the part holds no element") }
    }

    // MARK: Scanning

    private func scan(final: Bool) throws {
        if !started {
            // A UTF-8 byte-order mark, once its three bytes are in; anything else that is not UTF-8
            // fails where it is read.
            if buffer.count < 3 && !final && [[0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE]].contains(where: { $0.starts(with: buffer) }) {
                return
            }
            started = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; resume = 3 }
            if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) { throw failure("the part is UTF-16, not UTF-8") }
        }
        while position < buffer.count {
            if buffer[position] != UInt8(ascii: "<") {
                guard try readText(final: final) else { return }
                continue
            }
            guard let end = try markupEnd(final: final) else { return }
            try readMarkup(position, end)
            countLines(position, end)
            position = end
            resume = end
        }
    }

    /// Reads character data up to the next `<`; with none yet, the part that is complete (not cut
    /// inside an entity or a UTF-8 sequence; a CR LF split between pieces is joined by `emitText`).
    /// False when it must wait for more bytes.
    private func readText(final: Bool) throws -> Bool {
        let found = index(of: UInt8(ascii: "<"), from: max(position, resume), to: buffer.count)
        var end = found ?? buffer.count
        if found == nil && !final {
            // Keep back an unfinished entity and an unfinished UTF-8 sequence.
            var cut = end
            var i = end - 1
            while i >= position && i >= end - 40 {
                if buffer[i] == UInt8(ascii: ";") { break }
                if buffer[i] == UInt8(ascii: "&") { cut = i; break }
                i -= 1
            }
            while cut > position && buffer[cut - 1] >= 0x80 { cut -= 1 }
            end = cut
            resume = buffer.count
            if end == position { return false }
        }
        try text(position, end)
        countLines(position, end)
        position = end
        resume = max(resume, end)
        return found != nil || final || position < buffer.count
    }

    /// The index just past the markup token at `position`, nil when it is not complete yet.
    private func markupEnd(final: Bool) throws -> Int? {
        func has(_ prefix: String) -> Bool? {
            let p = Array(prefix.utf8)
            if buffer.count - position < p.count {
                return buffer[position...].elementsEqual(p.prefix(buffer.count - position)) ? nil : false
            }
            return buffer[position..<(position + p.count)].elementsEqual(p)
        }
        let incomplete: () throws -> Int? = { [self] in
            if final { throw failure("the part ends inside a tag") }
            return nil
        }
        for (opening, closing) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")] {
            switch has(opening) {
            case nil: return try incomplete()
            case true?:
                let from = max(resume, position + opening.utf8.count)
                guard let end = find(closing, from: from) else { resume = max(from, buffer.count - 2); return try incomplete() }
                return end
            case false?: continue
            }
        }
        switch has("<!DOCTYPE") {
        case nil: return try incomplete()
        case true?:
            // Passed over whole: its internal subset in [ ], quoted strings skipped.
            var depth = 0
            var quote: UInt8 = 0
            var i = position + 9
            while i < buffer.count {
                if i - position > 1 << 20 { throw failure("a document type declaration longer than 1 MiB") }
                let c = buffer[i]
                if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c }
                else if c == UInt8(ascii: "[") { depth += 1 } else if c == UInt8(ascii: "]") { depth -= 1 }
                else if c == UInt8(ascii: ">") && depth <= 0 { return i + 1 }
                i += 1
            }
            return try incomplete()
        case false?: break
        }
        if buffer.count - position >= 2 && buffer[position + 1] == UInt8(ascii: "!") { throw failure("unknown markup <!") }
        // A tag: up to the first > outside quotes.
        var quote: UInt8 = 0
        var i = max(resume, position + 1)
        if i > position + 1 { quote = resumeQuote }
        while i < buffer.count {
            let c = buffer[i]
            if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c }
            else if c == UInt8(ascii: ">") { return i + 1 }
            else if c == UInt8(ascii: "<") { throw failure("a < inside a tag") }
            i += 1
        }
        resume = buffer.count
        resumeQuote = quote
        return try incomplete()
    }

    private var resumeQuote: UInt8 = 0

    private func find(_ needle: String, from: Int) -> Int? {
        let n = Array(needle.utf8)
        var i = from
        while i + n.count <= buffer.count {
            if buffer[i] == n[0] && buffer[i..<(i + n.count)].elementsEqual(n) { return i + n.count }
            i += 1
        }
        return nil
    }

    private func readMarkup(_ start: Int, _ end: Int) throws {
        let second = buffer[start + 1]
        if second == UInt8(ascii: "?") || (second == UInt8(ascii: "!") && buffer[start + 2] == UInt8(ascii: "-")) { return }
        if second == UInt8(ascii: "!") && buffer[start + 2] == UInt8(ascii: "D") {
            if rootSeen { throw failure("a document type declaration after the first element") }
            return
        }
        if second == UInt8(ascii: "!") {
            guard !open.isEmpty else { throw failure("CDATA outside the root element") }
            try emitText(buffer[(start + 9)..<(end - 3)], entities: false)
            return
        }
        if second == UInt8(ascii: "/") {
            var nameEnd = start + 2
            while nameEnd < end - 1 && !isSpace(buffer[nameEnd]) { nameEnd += 1 }
            let name = Array(buffer[(start + 2)..<nameEnd])
            guard buffer[nameEnd..<(end - 1)].allSatisfy(isSpace) else { throw failure("text inside a closing tag") }
            guard let top = open.last, top == name else {
                let shown = String(decoding: name, as: UTF8.self)
                throw failure(open.isEmpty ? "</\(shown)> closes nothing"
                                           : "</\(shown)> closes <\(String(decoding: open.last!, as: UTF8.self))>")
            }
            open.removeLast()
            if open.isEmpty { rootClosed = true }
            try reader.handle(.end(name: localName(name)))
            return
        }
        // A start tag, maybe empty (<x/>).
        var last = end - 2
        let empty = buffer[last] == UInt8(ascii: "/")
        if empty { last -= 1 }
        var i = start + 1
        while i <= last && !isSpace(buffer[i]) { i += 1 }
        let name = Array(buffer[(start + 1)..<i])
        guard !name.isEmpty, isNameStart(name[0]) else { throw failure("a tag without a name") }
        if rootClosed { throw failure("a second root element <\(String(decoding: name, as: UTF8.self))>") }
        var attributes: [Substring: String] = [:]
        while true {
            while i <= last && isSpace(buffer[i]) { i += 1 }
            if i > last { break }
            let keyStart = i
            while i <= last && buffer[i] != UInt8(ascii: "=") && !isSpace(buffer[i]) { i += 1 }
            let key = buffer[keyStart..<i]
            while i <= last && isSpace(buffer[i]) { i += 1 }
            guard !key.isEmpty, i <= last, buffer[i] == UInt8(ascii: "=") else { throw failure("an attribute without a value") }
            i += 1
            while i <= last && isSpace(buffer[i]) { i += 1 }
            guard i <= last, buffer[i] == 0x22 || buffer[i] == 0x27 else { throw failure("an attribute value without quotes") }
            let quote = buffer[i]
            let valueStart = i + 1
            i = valueStart
            while i <= last && buffer[i] != quote { i += 1 }
            guard i <= last else { throw failure("an attribute value without its closing quote") }
            var value = try decode(buffer[valueStart..<i])
            value = String(value.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
            attributes[localName(Array(key))] = value
            i += 1
        }
        rootSeen = true
        if empty {
            try reader.handle(.start(name: localName(name), attributes: attributes))
            try reader.handle(.end(name: localName(name)))
            if open.isEmpty { rootClosed = true }
        } else {
            open.append(name)
            if open.count > Self.maxDepth { throw failure("elements nested more than \(Self.maxDepth) deep") }
            try reader.handle(.start(name: localName(name), attributes: attributes))
        }
    }

    /// Character data between tags: only white space outside the root element.
    private func text(_ start: Int, _ end: Int) throws {
        guard start < end else { return }
        if open.isEmpty {
            guard buffer[start..<end].allSatisfy(isSpace) else { throw failure("text outside the root element") }
            return
        }
        // Entities decoded piece by piece: an unknown one is an event of its own, between the pieces.
        var from = start
        var i = start
        while i < end {
            guard let ampersand = index(of: UInt8(ascii: "&"), from: i, to: end) else { break }
            i = ampersand
            guard let semicolon = buffer[i..<min(end, i + 40)].firstIndex(of: UInt8(ascii: ";")) else {
                throw failure("an & that starts no entity (write &amp;)")
            }
            let name = buffer[(i + 1)..<semicolon]
            let known = Self.entityValue(name) != nil
                || (name.first == UInt8(ascii: "#") && Self.characterReference(name.dropFirst()) != nil)
            if !known {
                try emitText(buffer[from..<i])
                guard !name.isEmpty, name.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: "#") }) else {
                    throw failure("an & that starts no entity (write &amp;)")
                }
                try reader.handle(.badReference("&" + String(decoding: name, as: UTF8.self) + ";"))
                from = semicolon + 1
            }
            i = semicolon + 1
        }
        try emitText(buffer[from..<end])
    }

    /// Hands on a piece of text: with XML's entities decoded, or as it is (CDATA).
    private func emitText(_ bytes: ArraySlice<UInt8>, entities: Bool = true) throws {
        guard !bytes.isEmpty else { return }
        var decoded = entities ? try decode(bytes) : try utf8(bytes)
        // Line ends: CR LF and a lone CR are LF (XML 1.0 §2.11), also across pieces.
        if pendingCR && decoded.hasPrefix("\n") { decoded.removeFirst() }
        pendingCR = decoded.hasSuffix("\r")
        if decoded.contains("\r") {
            decoded = decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if !decoded.isEmpty { try reader.handle(.text(decoded)) }
    }

    /// UTF-8 checked, XML's own entities and character references decoded.
    private func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return try utf8(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            guard c == UInt8(ascii: "&") else { out.append(c); i += 1; continue }
            guard let semicolon = bytes[i..<min(bytes.endIndex, i + 40)].firstIndex(of: UInt8(ascii: ";")) else {
                throw failure("an & that starts no entity (write &amp;)")
            }
            let name = bytes[(i + 1)..<semicolon]
            if let value = Self.entityValue(name) {
                out.append(value)
            } else if name.first == UInt8(ascii: "#") {
                guard let scalar = Self.characterReference(name.dropFirst()) else {
                    throw failure("the character reference &\(String(decoding: name, as: UTF8.self)); is not a character XML allows")
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                throw failure("the entity &\(String(decoding: name, as: UTF8.self)); is not one of XML's own")
            }
            i = semicolon + 1
        }
        return try utf8(out[...])
    }

    private func utf8(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("the text is not valid UTF-8") }
        return text
    }

    static func entityValue(_ name: ArraySlice<UInt8>) -> UInt8? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return UInt8(ascii: "&")
        case "lt": return UInt8(ascii: "<")
        case "gt": return UInt8(ascii: ">")
        case "quot": return 0x22
        case "apos": return 0x27
        default: return nil
        }
    }

    /// `#65` or `#x41` (without the `#`): the character, when XML allows it (Char, §2.2).
    static func characterReference(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        let text = String(decoding: digits, as: UTF8.self)
        let value = text.hasPrefix("x") ? UInt32(text.dropFirst(), radix: 16) : UInt32(text, radix: 10)
        guard let value, !text.isEmpty, text != "x", text.dropFirst().allSatisfy({ $0.isHexDigit }),
              value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value) else { return nil }
        return Unicode.Scalar(value)
    }

    private func localName(_ name: [UInt8]) -> Substring {
        XMLLocalName.of(String(decoding: name, as: UTF8.self))
    }

    private func countLines(_ start: Int, _ end: Int) {
        var i = start
        while let newline = index(of: 0x0A, from: i, to: end) {
            line += 1
            i = newline + 1
        }
    }

    /// The first `byte` in `from..<to`, found with memchr: the scanner's inner loops.
    private func index(of byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return buffer.withUnsafeBufferPointer { b in
            guard let p = memchr(b.baseAddress! + from, Int32(byte), to - from) else { return nil }
            return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func failure(_ reason: String) -> XLSXFailure {
        var at = line
        if position < buffer.count { for i in position..<min(buffer.count, resume) where buffer[i] == 0x0A { at += 1 } }
        return .malformedXML(part: part, line: at, reason: reason)
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    private func isNameStart(_ c: UInt8) -> Bool { c >= 0x80 || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
    private func isNameByte(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }
}
