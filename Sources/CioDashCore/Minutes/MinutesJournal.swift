import Foundation

/// The minutes journal on disk, open for a presenter: an append-only log, one entry a line, each
/// line written with one `write` and made durable with `fdatasync` before the next key is read.
///
/// Why a log and not an atomic replace of the whole record: a keystroke then costs one short line,
/// not a rewrite of every note so far (a 10,000-character note would be rewritten at each key);
/// `kill -9` cannot cut a single `write`, and a power cut can only cut the last line, which the
/// reader names and leaves out. On opening, the log is compacted (atomically replaced by the full
/// texts and the clock), so it stays short and readable; a damaged journal is first copied aside.
/// A write the disk refuses loses nothing: see `flush`.
public final class MinutesJournal {
    public let path: String
    public private(set) var record: MinutesRecord
    private var descriptor: Int32
    /// The file as it was opened, locked: after compaction it is no longer the journal's name, but
    /// holding it keeps out a second presenter who reached it through another name.
    private let lockDescriptor: Int32
    /// Bytes of the journal known written and synced: a failed write is cut back to here.
    private var durableSize: off_t
    /// Entries applied but not yet on disk (a write failed), in order.
    private var unwritten: [MinutesEntry] = []
    /// A write failed since the last that worked: the fields touched are written as full texts.
    private var resyncing = false
    /// A failed write left part of a line that could not be cut off.
    private var torn = false

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
        let directory = FolderPath.parent(of: path)
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, reason: error.localizedDescription)
            }
        }
        var setAside: String?
        if fresh && FileManager.default.fileExists(atPath: path) {
            // Locked while it is moved: a journal another presenter holds is refused, never moved from under it.
            let held = try openLocked(path)
            defer { close(held) }
            setAside = try Self.setAside(path)
        }
        let lock = try openLocked(path)
        var ok = false
        defer { if !ok { close(lock) } }

        let header = MinutesJournalFormat.Header(meetingTitle: Normalization.nfc(title), meetingDate: date, utcOffset: utcOffset)
        var record = MinutesRecord(meetingTitle: header.meetingTitle, meetingDate: date, utcOffset: utcOffset)
        var problems: [MinutesJournalReader.Problem] = []
        var damagedCopy: String?
        let bytes = try readAll(lock, path: path)
        if !bytes.isEmpty {
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
        var info = stat()
        guard fstat(lock, &info) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        let fd: Int32
        if info.st_nlink > 1 {
            // Another name holds this file (a hard link): replacing it would leave that name with the
            // journal as it was. It is appended to as it is, after its last line, whole or cut.
            fd = dup(lock)
            guard fd >= 0, fcntl(fd, F_SETFL, O_APPEND) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            if bytes.last != UInt8(ascii: "\n") {
                let start = bytes.isEmpty ? Array(MinutesJournalFormat.line(header).utf8) : [UInt8(ascii: "\n")]
                if let failure = writeAll(start, to: fd) { close(fd); throw .cannotOpen(path: path, reason: failure) }
            }
        } else {
            fd = try replaceLocked(path, with: Array(compacted.utf8))
        }
        var written = stat()
        fstat(fd, &written)
        ok = true
        return Opened(journal: MinutesJournal(path: path, record: record, descriptor: fd, lock: lock, size: written.st_size),
                      problems: problems, damagedCopy: damagedCopy, setAside: setAside)
    }

    private init(path: String, record: MinutesRecord, descriptor: Int32, lock: Int32, size: off_t) {
        self.path = path
        self.record = record
        self.descriptor = descriptor
        lockDescriptor = lock
        durableSize = size
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
        Foundation.close(lockDescriptor)
    }

    /// Applies `entry` and writes it durably, with whatever an earlier failure left unwritten. A
    /// failure (disk full, the file gone) is returned as a sentence; the entry stays applied in
    /// memory, so nothing typed vanishes from the screen, and is written with the next entry (or
    /// `flush`) once writing works again.
    @discardableResult
    public func append(_ entry: MinutesEntry) -> String? {
        record.apply(entry)
        unwritten.append(entry)
        return flush()
    }

    /// Whether entries wait for the disk (an earlier write failed).
    public var hasUnwritten: Bool { !unwritten.isEmpty }

    /// Writes the entries waiting, if any; nil when the journal holds everything.
    ///
    /// After a failure the journal is first cut back to its last whole, synced line (a write cut by a
    /// full disk leaves part of a line), and each field touched since is written as its full text
    /// (a `set`): the edits in between are relative to texts the journal lacks, and one of them not
    /// written would make every later one of that field unusable.
    @discardableResult
    public func flush() -> String? {
        guard !unwritten.isEmpty else { return nil }
        var text = resyncing ? Self.resynced(unwritten, record).joined() : unwritten.map(MinutesJournalFormat.line).joined()
        // A cut line that could not be cut off ends here, so that the next line reads whole.
        if torn { text = "\n" + text }
        let bytes = Array(text.utf8)
        if let failure = writeAll(bytes, to: descriptor) ?? (fdatasync(descriptor) == 0 ? nil : String(cString: strerror(errno))) {
            torn = ftruncate(descriptor, durableSize) != 0
            resyncing = true
            return failure
        }
        durableSize += off_t(bytes.count)
        unwritten = []
        resyncing = false
        torn = false
        return nil
    }

    /// The entries in `pending` as lines that rebuild `record`'s state of the fields they touch: the
    /// clock's events in order, then one `set` with the full text of each field touched.
    static func resynced(_ pending: [MinutesEntry], _ record: MinutesRecord) -> [String] {
        var lines: [String] = []
        var fields: [MinutesField: Double] = [:]
        var order: [MinutesField] = []
        for entry in pending {
            switch entry {
            case .clock: lines.append(MinutesJournalFormat.line(entry))
            case .set(let field, _, let at), .edit(let field, _, let at):
                if fields[field] == nil { order.append(field) }
                fields[field] = max(fields[field] ?? at, at)
            }
        }
        for field in order {
            lines.append(MinutesJournalFormat.line(.set(field, record.text(field), at: fields[field]!)))
        }
        return lines
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { MinutesJournal.writer(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += n
        }
        return nil
    }

    private func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? { Self.writeAll(bytes, to: fd) }

    /// The port through which every journal line is written: `write(2)`; tests put a full disk here.
    nonisolated(unsafe) static var writer: (Int32, UnsafeRawPointer, Int) -> Int = { Foundation.write($0, $1, $2) }

    /// The journal's file (followed through links, created if missing), locked with `flock` on its
    /// inode: a second presenter is refused whatever path reaches the file (a symbolic link, a hard
    /// link, `..`). `flock` ends with the process, so a presenter killed with -9 leaves no stale lock.
    /// A file replaced between the open and the lock is opened again.
    private static func openLocked(_ path: String) throws(OpenError) -> Int32 {
        for _ in 0..<10 {
            let fd = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                Foundation.close(fd)
                throw busy ? .locked(path: path) : .cannotOpen(path: path, reason: reason)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return fd
            }
            Foundation.close(fd)
        }
        throw .cannotOpen(path: path, reason: "the file keeps being replaced")
    }

    /// Replaces the journal's file (the file a link names, not the link) by `bytes`: a new file
    /// beside it, locked before it is renamed into place, so that no second presenter can take the
    /// new inode in between. Returns it open for appending.
    private static func replaceLocked(_ path: String, with bytes: [UInt8]) throws(OpenError) -> Int32 {
        guard let resolved = realpath(path, nil) else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        let target = String(cString: resolved)
        free(resolved)
        let temporary = FolderPath.parent(of: target) + "/.ciodash-journal-"
            + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let fd = Foundation.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var ok = false
        defer { if !ok { Foundation.close(fd); unlink(temporary) } }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if let failure = writeAll(bytes, to: fd) { throw .cannotOpen(path: path, reason: failure) }
        guard fsync(fd) == 0, rename(temporary, target) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        ok = true
        return fd
    }

    private static func readAll(_ fd: Int32, path: String) throws(OpenError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { return bytes }
            bytes += chunk[..<n]
        }
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
