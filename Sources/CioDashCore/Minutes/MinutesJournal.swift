import Foundation

/// The minutes journal on disk, open for a presenter: an append-only log, one entry a line, each
/// line written with one `write` and made durable with `fdatasync` before the next key is read.
///
/// Why a log and not an atomic replace of the whole record: a keystroke then costs one short line,
/// not a rewrite of every note so far (a 10,000-character note would be rewritten at each key);
/// `kill -9` cannot cut a single `write`, and a power cut can only cut the last line, which the
/// reader names and leaves out. On opening, the log is compacted (atomically replaced by the full
/// texts and the clock), so it stays short and readable; a damaged journal is first copied aside.
public final class MinutesJournal {
    public let path: String
    public private(set) var record: MinutesRecord
    private var descriptor: Int32
    private let lockDescriptor: Int32

    public enum OpenError: Error, Equatable {
        /// Another presenter holds the journal.
        case locked(path: String)
        /// The journal belongs to another meeting.
        case otherMeeting(path: String, title: String, date: LocalDate)
        /// The file is not a journal (its first line is not a journal header): never written over.
        case notAJournal(path: String, problem: MinutesJournalReader.Problem)
        case cannotOpen(path: String, reason: String)

        /// One sentence for the clerk, in the interface language.
        public func message(_ language: Language) -> String {
            let vi = language == .vi
            switch self {
            case .locked(let path):
                return vi ? "Biên bản \(path) đang được một ciodash khác ghi (một người trình chiếu khác?). Đóng chương trình đó, hoặc dùng --minutes với tệp khác."
                    : "The minutes \(path) are being recorded by another ciodash (a second presenter?). Close that one, or give --minutes another file."
            case .otherMeeting(let path, let title, let date):
                return vi ? "Nhật ký \(path) là của cuộc họp khác: \"\(title)\" ngày \(date). Dùng --minutes với tệp khác."
                    : "The journal \(path) belongs to another meeting: \"\(title)\" of \(date). Give --minutes another file."
            case .notAJournal(let path, let problem):
                return vi ? "\(path), dòng \(problem.line), cột \(problem.column): \(problem.vi); không ghi đè lên tệp này."
                    : "\(path):\(problem.line):\(problem.column): \(problem.en); this file is not written over."
            case .cannotOpen(let path, let reason):
                return vi ? "Không mở được nhật ký biên bản \(path): \(reason)" : "Cannot open the minutes journal \(path): \(reason)"
            }
        }
    }

    public struct Opened {
        public var journal: MinutesJournal
        /// Lines of the journal that were not taken, by place.
        public var problems: [MinutesJournalReader.Problem]
        /// Where the damaged journal was copied before it was compacted.
        public var damagedCopy: String?
        /// Where `fresh` moved the earlier journal.
        public var setAside: String? = nil
    }

    /// Opens (or begins) the journal at `path` for the meeting `title` of `date`, locked against a
    /// second presenter. `now` closes a run a crash left open at the last time the journal knew.
    /// With `fresh`, an existing journal is first moved aside (`setAside`) and a new one begun.
    public static func open(path: String, title: String, date: LocalDate, utcOffset: Int, fresh: Bool = false) throws(OpenError) -> Opened {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, reason: error.localizedDescription)
            }
        }
        let lock = try acquireLock(for: path)
        var ok = false
        defer { if !ok { close(lock) } }

        let header = MinutesJournalFormat.Header(meetingTitle: Normalization.nfc(title), meetingDate: date, utcOffset: utcOffset)
        var record = MinutesRecord(meetingTitle: header.meetingTitle, meetingDate: date, utcOffset: utcOffset)
        var problems: [MinutesJournalReader.Problem] = []
        var damagedCopy: String?
        var existing: [UInt8]?
        let setAside = fresh ? try Self.setAside(path) : nil
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            existing = Array(data)
        }
        if let bytes = existing, !bytes.isEmpty {
            let parsed = MinutesJournalReader.parse(String(decoding: bytes, as: UTF8.self))
            guard let found = parsed.header, let read = parsed.record else {
                throw .notAJournal(path: path, problem: parsed.problems.first ?? .init(line: 1, column: 1, vi: "", en: ""))
            }
            guard found.meetingTitle == header.meetingTitle, found.meetingDate == date else {
                throw .otherMeeting(path: path, title: found.meetingTitle, date: found.meetingDate)
            }
            record = read
            problems = parsed.problems
            if !problems.isEmpty { damagedCopy = try keepCopy(bytes, of: path) }
            // The run a crash left open ends at the last time the journal knew of.
            if let topic = record.runningTopic, let last = record.lastSeen {
                record.apply(.clock(MinutesClockEvent(.interrupted, topic: topic, at: last)))
            }
        }
        // Compacted: the full texts and the clock, replacing the log atomically.
        let compacted = MinutesJournalFormat.line(MinutesJournalFormat.Header(meetingTitle: record.meetingTitle,
                                                                             meetingDate: record.meetingDate,
                                                                             utcOffset: record.utcOffset))
            + record.checkpoint.map(MinutesJournalFormat.line).joined()
        do {
            try AtomicFile.write(Array(compacted.utf8), to: path, overwrite: true)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        ok = true
        return Opened(journal: MinutesJournal(path: path, record: record, descriptor: fd, lock: lock),
                      problems: problems, damagedCopy: damagedCopy, setAside: setAside)
    }

    private init(path: String, record: MinutesRecord, descriptor: Int32, lock: Int32) {
        self.path = path
        self.record = record
        self.descriptor = descriptor
        lockDescriptor = lock
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
        Foundation.close(lockDescriptor)
    }

    /// Applies `entry` and writes it durably. A failure (disk full, the file gone) is returned as
    /// a sentence; the entry stays applied in memory so nothing typed vanishes from the screen.
    @discardableResult
    public func append(_ entry: MinutesEntry) -> String? {
        record.apply(entry)
        let bytes = Array(MinutesJournalFormat.line(entry).utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += n
        }
        if fdatasync(descriptor) != 0 { return String(cString: strerror(errno)) }
        return nil
    }

    /// The lock is a separate file beside the journal, `.<name>.lock`: compaction replaces the
    /// journal's inode, and a lock on the old one would no longer exclude anyone. `flock` ends with
    /// the process, so a presenter killed with -9 leaves no stale lock.
    private static func acquireLock(for path: String) throws(OpenError) -> Int32 {
        let name = (path as NSString).lastPathComponent
        let directory = (path as NSString).deletingLastPathComponent
        let lockPath = (directory.isEmpty ? "" : directory + "/") + "." + name + ".lock"
        let fd = Foundation.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            Foundation.close(fd)
            throw busy ? .locked(path: path) : .cannotOpen(path: path, reason: reason)
        }
        return fd
    }

    /// A damaged journal is copied to `<path>.damaged-N` before it is compacted: what could not be
    /// read is kept, never silently dropped.
    private static func keepCopy(_ bytes: [UInt8], of path: String) throws(OpenError) -> String {
        for n in 1...999 {
            let copy = path + ".damaged-\(n)"
            do {
                try AtomicFile.write(bytes, to: copy, overwrite: false)
                return copy
            } catch .exists {
                continue
            } catch {
                throw .cannotOpen(path: path, reason: "\(error)")
            }
        }
        throw .cannotOpen(path: path, reason: "too many damaged copies")
    }
}
