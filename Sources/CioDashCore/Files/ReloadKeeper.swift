/// Decides, after a live reload, what of the fresh load is shown and what of the last good data is
/// kept: a province file that is broken now, or that lost most of its content at once (a sync tool
/// or an editor caught truncating it), keeps its last good report; an unreadable or missing
/// `provinces/` keeps every province. Each kept file is said, with why. A reload asked for with `r`
/// takes a shrunk file as it is (the user means it); broken files and a missing folder are kept still.
/// A pure value: the app core holds one and runs it on each reload event, which carries the sizes.
public struct ReloadKeeper: Sendable {
    /// A file whose last good data stays on screen, and why.
    public struct Kept: Equatable, Sendable {
        public var file: String
        public var reason: Reason

        /// "provinces/da-nang.yaml (lost 92% of its size)".
        public func description(in language: Language) -> String {
            switch reason {
            case .broken: return file
            case .shrank(let from, let to):
                let lost = from > 0 ? WholeNumber.clamped(Double(from - to) / Double(from) * 100, to: 0...100) : 100
                return file + (language == .vi ? " (mất \(lost)% nội dung; bấm r để nhận)" : " (lost \(lost)% of its size; press r to accept)")
            case .notRead:
                return file + (language == .vi ? " (không đọc được)" : " (could not be read)")
            }
        }
    }

    public enum Reason: Equatable, Sendable {
        case broken
        case shrank(from: Int64, to: Int64)
        case notRead
    }

    /// A file this size or larger that loses more than `shrinkShare` of it at once is suspect.
    public static let smallestWatchedSize: Int64 = 256
    public static let shrinkShare = 0.5

    /// The size of each province file when it was last taken as good.
    private var goodSizes: [String: Int64] = [:]

    /// `sizes`: each province file's size in bytes when `meeting` was loaded, by its relative path
    /// ("provinces/da-nang.yaml"), as `sizes(of:folder:)` reads them.
    public init(shown meeting: Meeting, sizes: [String: Int64]) {
        for province in meeting.provinces where !province.isBroken {
            if let bytes = sizes[province.file] { goodSizes[province.file] = bytes }
        }
    }

    /// The sizes of `meeting`'s province files in `folder` now: what a reload carries to the rule.
    public static func sizes(of meeting: Meeting?, folder: String) -> [String: Int64] {
        var sizes: [String: Int64] = [:]
        for province in meeting?.provinces ?? [] {
            if let entry = FolderSignature.Entry(path: FolderPath.join(folder, province.file)) { sizes[province.file] = entry.size }
        }
        return sizes
    }

    /// The meeting to show after loading `fresh` while `shown` was on screen, and what was kept.
    /// Nil meeting when the fresh load has none (the meeting file broke): keep showing `shown`.
    /// `sizes`: the fresh province files' sizes (`sizes(of:folder:)`), read after the load.
    public mutating func merge(fresh: LoadResult, shown: Meeting, asked: Bool,
                               sizes: [String: Int64]) -> (meeting: Meeting?, kept: [Kept]) {
        guard var next = fresh.meeting else { return (nil, []) }
        if fresh.provincesNotRead && !shown.provinces.isEmpty {
            next.provinces = shown.provinces
            return (next, [Kept(file: "provinces/", reason: .notRead)])
        }
        var kept: [Kept] = []
        for (i, province) in next.provinces.enumerated() {
            guard let good = shown.province(province.id), !good.isBroken else {
                if !province.isBroken, let bytes = sizes[province.file] { goodSizes[province.file] = bytes }
                continue
            }
            if province.isBroken {
                next.provinces[i] = good
                kept.append(Kept(file: province.file, reason: .broken))
                continue
            }
            let now = sizes[province.file]
            if !asked, let before = goodSizes[good.file], let now, before >= Self.smallestWatchedSize,
               Double(now) < Double(before) * (1 - Self.shrinkShare) {
                next.provinces[i] = good
                kept.append(Kept(file: province.file, reason: .shrank(from: before, to: now)))
                continue
            }
            if let now { goodSizes[province.file] = now }
        }
        return (next, kept)
    }
}
