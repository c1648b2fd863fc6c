import Foundation
import XCTest

/// Every guide in docs/ has its Vietnamese version beside it (issue 26 item 17), and the pair keeps what
/// a translation promises: the Vietnamese text is NFC, its commands are the English guide's own, byte for
/// byte, every relative link leads somewhere, each guide links the other, and no Vietnamese line is
/// written in capitals (stacked marks, and the house style). Plain file reading; no binary needed.
final class GuidesInVietnameseTests: XCTestCase {
    /// English guides with no Vietnamese version yet, each with the reason. Remove an entry when its
    /// `.vi.md` arrives (the test says so).
    static let notYetTranslated: [String: String] = [:]

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var shelf: GuideShelf!

    override func setUpWithError() throws {
        shelf = try GuideShelf(root: Self.repository, notYetTranslated: Self.notYetTranslated)
    }

    func testEveryEnglishGuideHasAVietnameseGuideOrAReasonWhyNot() {
        XCTAssertFalse(shelf.english.isEmpty, "no guides found in \(Self.repository.path)/docs")
        XCTAssertEqual(shelf.missingTranslations(), [])
    }

    func testVietnameseGuidesAreNFC() {
        XCTAssertEqual(shelf.notNFC(), [])
    }

    func testCodeBlocksOfAVietnameseGuideAreTheEnglishGuidesOwn() {
        XCTAssertEqual(shelf.translatedCodeBlocks(), [])
    }

    func testEveryRelativeLinkResolves() {
        XCTAssertEqual(shelf.brokenLinks(), [])
    }

    func testEachGuideLinksItsTranslationAndBack() {
        XCTAssertEqual(shelf.missingPairLinks(), [])
    }

    func testEachVietnameseGuideHasTheEnglishGuidesSections() {
        XCTAssertEqual(shelf.missingSections(), [])
    }

    func testNoVietnameseProseInCapitals() {
        XCTAssertEqual(shelf.capitalsInVietnamese(), [])
    }

    /// Each rule on a copy of the docs broken in the one way that rule is for: every rule can fail, and
    /// says where.
    func testABrokenCopyBreaksEachRule() throws {
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("ciodash-guides-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("README.md"),
                                         to: copy.appendingPathComponent("README.md"))
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("docs").path)
        where name.hasSuffix(".md") {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("docs/" + name),
                                             to: copy.appendingPathComponent("docs/" + name))
        }
        func edit(_ name: String, _ change: (String) -> String) throws {
            let url = copy.appendingPathComponent("docs/" + name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            XCTAssertNotEqual(Array(changed.utf8), Array(text.utf8), "the break of \(name) changed nothing")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }
        func first(_ text: String, _ old: String, _ new: String) -> String {
            guard let range = text.range(of: old) else { return text }
            return text.replacingCharacters(in: range, with: new)
        }
        // A guide without its translation and not listed.
        try FileManager.default.removeItem(at: copy.appendingPathComponent("docs/reports.vi.md"))
        // NFD text.
        try edit("delegates.vi.md") { first($0, "Hướng dẫn cho đại biểu", "Hướng dẫn cho đại biểu".decomposedStringWithCanonicalMapping) }
        // A translated command.
        try edit("presenter.vi.md") { first($0, "# the projector's terminal", "# cửa sổ của máy chiếu") }
        // A link to nothing, and an anchor that is not there.
        try edit("format.vi.md") { first($0, "[README](../README.md)", "[README](../README-vi.md)") }
        try edit("minutes.vi.md") { first($0, "English: [minutes.md](minutes.md)",
                                           "English: [minutes.md](minutes.md#no-such-heading)") }
        // No way back from the English guide.
        try edit("delegates.md") { first($0, "Tiếng Việt: [delegates.vi.md](delegates.vi.md)", "Tiếng Việt: delegates.vi.md") }
        // A section left untranslated.
        try edit("presenter.vi.md") { first($0, "## Màn hình người nói\n", "") }
        // Vietnamese in capitals.
        try edit("minutes.vi.md") { $0 + "\nQUỐC HIỆU VIẾT IN HOA\n" }

        let broken = try GuideShelf(root: copy, notYetTranslated: Self.notYetTranslated)
        XCTAssertEqual(broken.missingTranslations(), ["docs/reports.md: no docs/reports.vi.md, and not listed as not yet translated"])
        XCTAssertEqual(broken.notNFC(), ["docs/delegates.vi.md:1: not NFC"])
        XCTAssertEqual(broken.translatedCodeBlocks().count, 1)
        XCTAssertTrue(broken.translatedCodeBlocks().first?.hasPrefix("docs/presenter.vi.md:") == true,
                      "\(broken.translatedCodeBlocks())")
        XCTAssertTrue(broken.brokenLinks().contains("docs/format.vi.md:6: ../README-vi.md: no such file"),
                      "\(broken.brokenLinks())")
        XCTAssertTrue(broken.brokenLinks().contains("docs/minutes.vi.md:3: minutes.md#no-such-heading: no such heading"),
                      "\(broken.brokenLinks())")
        XCTAssertTrue(broken.missingPairLinks().contains("docs/delegates.md: does not link delegates.vi.md"),
                      "\(broken.missingPairLinks())")
        XCTAssertEqual(broken.missingSections().count, 1)
        XCTAssertTrue(broken.missingSections().first?.hasPrefix("docs/presenter.vi.md: headings") == true,
                      "\(broken.missingSections())")
        XCTAssertEqual(broken.capitalsInVietnamese().count, 1)
        XCTAssertTrue(broken.capitalsInVietnamese().first?.contains("QUỐC") == true, "\(broken.capitalsInVietnamese())")

        // A stale entry of the pending list is a problem too.
        let stale = try GuideShelf(root: copy, notYetTranslated: ["presenter.md": "none"])
        XCTAssertTrue(stale.missingTranslations().contains("docs/presenter.md: listed as not yet translated, but docs/presenter.vi.md exists"),
                      "\(stale.missingTranslations())")
    }
}

/// The guides of one checkout: docs/*.md and README.md, read once, with one function per promise.
/// Every problem is a line "path[:line]: what".
struct GuideShelf {
    struct Guide {
        let path: String            // relative to the root, "docs/network.md"
        let url: URL
        let lines: [String]
        var name: String { url.lastPathComponent }
        var isVietnamese: Bool { name.hasSuffix(".vi.md") }
    }

    let root: URL
    let notYetTranslated: [String: String]
    let guides: [Guide]
    let readme: Guide

    var english: [Guide] { guides.filter { !$0.isVietnamese } }
    var vietnamese: [Guide] { guides.filter(\.isVietnamese) }

    init(root: URL, notYetTranslated: [String: String]) throws {
        self.root = root
        self.notYetTranslated = notYetTranslated
        let docs = root.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        guides = try names.map { try Self.read(root: root, path: "docs/" + $0) }
        readme = try Self.read(root: root, path: "README.md")
    }

    private static func read(root: URL, path: String) throws -> Guide {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        return Guide(path: path, url: url,
                     lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    private func guide(named name: String) -> Guide? { guides.first { $0.name == name } }

    private static func vietnameseName(of english: String) -> String { String(english.dropLast(3)) + ".vi.md" }
    private static func englishName(of vietnamese: String) -> String { String(vietnamese.dropLast(6)) + ".md" }

    /// Every English guide has its `.vi.md`, or is listed with a reason; a listed one has none yet.
    func missingTranslations() -> [String] {
        var problems: [String] = []
        for guide in english {
            let vi = Self.vietnameseName(of: guide.name)
            let exists = self.guide(named: vi) != nil
            if notYetTranslated[guide.name] != nil, exists {
                problems.append("\(guide.path): listed as not yet translated, but docs/\(vi) exists")
            } else if notYetTranslated[guide.name] == nil, !exists {
                problems.append("\(guide.path): no docs/\(vi), and not listed as not yet translated")
            }
        }
        for name in notYetTranslated.keys.sorted() where self.guide(named: name) == nil {
            problems.append("docs/\(name): listed as not yet translated, but there is no such guide")
        }
        for guide in vietnamese where self.guide(named: Self.englishName(of: guide.name)) == nil {
            problems.append("\(guide.path): no English guide beside it")
        }
        return problems
    }

    /// Each `.vi.md` is NFC, compared by scalars (Swift's `==` would call NFD equal to NFC).
    func notNFC() -> [String] {
        vietnamese.flatMap { guide in
            guide.lines.enumerated().compactMap { index, line in
                Array(line.unicodeScalars) == Array(line.precomposedStringWithCanonicalMapping.unicodeScalars)
                    ? nil : "\(guide.path):\(index + 1): not NFC"
            }
        }
    }

    /// Every fenced block of a `.vi.md` (its info string and its lines) is one of the English guide's.
    func translatedCodeBlocks() -> [String] {
        vietnamese.flatMap { guide -> [String] in
            guard let original = self.guide(named: Self.englishName(of: guide.name)) else { return [] }
            // Compared by bytes: Swift's `==` would take an NFD block for its NFC original.
            let known = Set(Markdown.fencedBlocks(original.lines).map { Array($0.content.utf8) })
            return Markdown.fencedBlocks(guide.lines).filter { !known.contains(Array($0.content.utf8)) }.map {
                "\(guide.path):\($0.line): this code block is not in \(original.path) (commands are not translated)"
            }
        }
    }

    /// Every relative link of every guide and of the README names an existing file, and a heading of a
    /// Markdown file when it names one.
    func brokenLinks() -> [String] {
        var problems: [String] = []
        for guide in guides + [readme] {
            for link in Markdown.links(guide.lines) {
                let target = link.target
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let pathPart = parts[0].removingPercentEncoding ?? parts[0]
                let file = pathPart.isEmpty ? guide.url : guide.url.deletingLastPathComponent().appendingPathComponent(pathPart)
                guard FileManager.default.fileExists(atPath: file.path) else {
                    problems.append("\(guide.path):\(link.line): \(target): no such file")
                    continue
                }
                guard parts.count == 2, file.pathExtension == "md",
                      let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                let anchor = parts[1].removingPercentEncoding ?? parts[1]
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if !Markdown.anchors(lines).contains(anchor) {
                    problems.append("\(guide.path):\(link.line): \(target): no such heading")
                }
            }
        }
        return problems
    }

    /// Each English guide with a translation links it and is linked back; the README links every
    /// Vietnamese guide; a Vietnamese guide sends its reader to the Vietnamese version of another guide
    /// where there is one.
    func missingPairLinks() -> [String] {
        func linkedFiles(_ guide: Guide) -> Set<String> {
            Set(Markdown.links(guide.lines).map { String($0.target.split(separator: "#", omittingEmptySubsequences: false)[0]) })
        }
        var problems: [String] = []
        let readmeLinks = linkedFiles(readme)
        for vi in vietnamese {
            let englishName = Self.englishName(of: vi.name)
            if let en = guide(named: englishName), !linkedFiles(en).contains(vi.name) {
                problems.append("\(en.path): does not link \(vi.name)")
            }
            if !linkedFiles(vi).contains(englishName) {
                problems.append("\(vi.path): does not link \(englishName)")
            }
            if !readmeLinks.contains("docs/" + vi.name) {
                problems.append("README.md: does not link docs/\(vi.name)")
            }
            for link in Markdown.links(vi.lines) {
                let file = String(link.target.split(separator: "#", omittingEmptySubsequences: false)[0])
                guard file.hasSuffix(".md"), !file.hasSuffix(".vi.md"), file != englishName,
                      !file.contains("/"), guide(named: Self.vietnameseName(of: file)) != nil else { continue }
                problems.append("\(vi.path):\(link.line): links \(file); \(Self.vietnameseName(of: file)) is the Vietnamese guide")
            }
        }
        return problems
    }

    /// A `.vi.md` has the English guide's headings, level for level and in order: a section added to
    /// the English guide and not translated shows here.
    func missingSections() -> [String] {
        vietnamese.compactMap { guide in
            guard let original = self.guide(named: Self.englishName(of: guide.name)) else { return nil }
            let levels = Markdown.headingLevels(guide.lines), englishLevels = Markdown.headingLevels(original.lines)
            return levels == englishLevels ? nil
                : "\(guide.path): headings by level \(levels) differ from \(original.path)'s \(englishLevels) (a section missing or extra)"
        }
    }

    /// No prose line of a `.vi.md` (code blocks and code spans aside) holds a word of two or more letters,
    /// all upper case, with a Vietnamese vowel or tone mark (`ĐTTM`, `NĐ-CP` are abbreviations, not
    /// capitals: Đ carries no combining mark).
    func capitalsInVietnamese() -> [String] {
        vietnamese.flatMap { guide in
            Markdown.proseLines(guide.lines).compactMap { number, line in
                Markdown.words(line).first(where: Markdown.isVietnameseInCapitals).map {
                    "\(guide.path):\(number): \"\($0)\" in capitals"
                }
            }
        }
    }
}

/// Just enough CommonMark for the rules: fenced blocks, headings, inline links, code spans.
enum Markdown {
    struct FencedBlock {
        let line: Int
        /// The info string and the lines, each without the fence's own indentation.
        let content: String
    }

    /// The fenced code blocks, ``` or ~~~, indented or not (inside a list item).
    static func fencedBlocks(_ lines: [String]) -> [FencedBlock] {
        var blocks: [FencedBlock] = []
        var open: (line: Int, indent: Int, fence: String, body: [String])?
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if var current = open {
                let run = rest.prefix { $0 == current.fence.first }
                if run.count >= current.fence.count, rest.dropFirst(run.count).allSatisfy({ $0 == " " }) {
                    blocks.append(FencedBlock(line: current.line + 1, content: current.body.joined(separator: "\n")))
                    open = nil
                } else {
                    let strip = min(current.indent, line.prefix { $0 == " " }.count)
                    current.body.append(String(line.dropFirst(strip)))
                    open = current
                }
            } else if let mark = rest.first, mark == "`" || mark == "~" {
                let run = rest.prefix { $0 == mark }
                guard run.count >= 3 else { continue }
                let info = rest.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
                if mark == "`", info.contains("`") { continue }
                open = (index, indent, String(run), [info])
            }
        }
        return blocks
    }

    /// The lines outside fenced blocks, numbered from 1, with code spans taken out unless kept.
    static func proseLines(_ lines: [String], keepingCodeSpans: Bool = false) -> [(Int, String)] {
        var inside: [Bool] = Array(repeating: false, count: lines.count)
        for block in fencedBlocks(lines) {
            let count = block.content.split(separator: "\n", omittingEmptySubsequences: false).count
            for index in (block.line - 1)...min(lines.count - 1, block.line - 1 + count) { inside[index] = true }
        }
        return lines.enumerated().compactMap { index, line in
            inside[index] ? nil : (index + 1, keepingCodeSpans ? line : withoutCodeSpans(line))
        }
    }

    private static let codeSpan = try! NSRegularExpression(pattern: "(`+)(?:(?!\\1).)+?\\1")
    private static let link = try! NSRegularExpression(pattern: "\\]\\(<?([^()\\s<>]+)>?(?:\\s+\"[^\"]*\")?\\)")

    static func withoutCodeSpans(_ line: String) -> String {
        codeSpan.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "")
    }

    /// Inline links `[text](target)` of the prose, with their line numbers.
    static func links(_ lines: [String]) -> [(line: Int, target: String)] {
        proseLines(lines).flatMap { number, line in
            link.matches(in: line, range: NSRange(line.startIndex..., in: line)).compactMap { match in
                Range(match.range(at: 1), in: line).map { (number, String(line[$0])) }
            }
        }
    }

    /// The headings' levels in order (1 for `#`…).
    static func headingLevels(_ lines: [String]) -> [Int] {
        headings(lines).map(\.level)
    }

    private static func headings(_ lines: [String]) -> [(level: Int, title: String)] {
        proseLines(lines, keepingCodeSpans: true).compactMap { _, line in
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
            return (hashes, line.dropFirst(hashes).trimmingCharacters(in: .whitespaces))
        }
    }

    /// The anchors GitHub gives the headings: lower case, punctuation but `-` and `_` dropped, spaces
    /// to `-`, a repeated one suffixed `-1`, `-2`…
    static func anchors(_ lines: [String]) -> Set<String> {
        var seen: [String: Int] = [:]
        var anchors: Set<String> = []
        for (_, title) in headings(lines) {
            let slug = String(String.UnicodeScalarView(title.lowercased().unicodeScalars.filter { scalar in
                scalar == " " || scalar == "-" || scalar == "_"
                    || scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
                    || scalar.properties.generalCategory == .nonspacingMark
            })).replacingOccurrences(of: " ", with: "-")
            let count = seen[slug, default: 0]
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
            seen[slug] = count + 1
        }
        return anchors
    }

    /// Runs of letters (with their marks).
    static func words(_ line: String) -> [String] {
        line.split { !$0.isLetter }.map(String.init)
    }

    /// Two or more letters, all upper case, one of them carrying a combining mark once decomposed.
    static func isVietnameseInCapitals(_ word: String) -> Bool {
        guard word.count >= 2, word.allSatisfy({ $0.isUppercase }) else { return false }
        return word.decomposedStringWithCanonicalMapping.unicodeScalars.contains {
            (0x0300...0x036F).contains($0.value)
        }
    }
}
