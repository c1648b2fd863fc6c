import Foundation
import ZIPFoundation

/// The zip container of a workbook, read with every entry's inflated size bounded.
///
/// A zip entry's header claims a size, and a bomb may lie about it: the claim is checked first, and the
/// bytes actually inflated are counted as they come and extraction stops past the limit.
final class XLSXPackage {
    private let archive: Archive
    private let limits: XLSXLimits
    private var inflatedTotal = 0

    /// Opens `path`; an OLE file (encrypted workbook or old .xls) and a non-zip are told apart.
    init(path: String, limits: XLSXLimits) throws(XLSXFailure) {
        self.limits = limits
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable("not a regular file") }
        guard Int(info.st_size) <= limits.maxFileSize else { throw .tooLarge(size: Int(info.st_size), limit: limits.maxFileSize) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(String(cString: strerror(errno))) }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        try? handle.close()
        if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { throw .encrypted }
        guard head.count >= 4, head[0] == 0x50, head[1] == 0x4B else { throw .notZip }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .corruptZip(String(describing: error))
        }
    }

    func contains(_ part: String) -> Bool { archive[part] != nil }

    /// The whole of a (small) part, bounded like every entry.
    func data(_ part: String) throws(XLSXFailure) -> Data {
        var out = Data()
        try stream(part) { out.append($0) }
        return out
    }

    /// Inflates `part` chunk by chunk into `consumer`, stopping at the entry and total limits.
    func stream(_ part: String, into consumer: (Data) throws -> Void) throws(XLSXFailure) {
        guard let entry = archive[part] else { throw .missingPart(part) }
        if entry.uncompressedSize > UInt64(limits.maxEntryBytes) { throw .entryTooLarge(entry: part, limit: limits.maxEntryBytes) }
        var entryBytes = 0
        let maxEntry = limits.maxEntryBytes
        let maxTotal = limits.maxTotalBytes
        let before = inflatedTotal
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                entryBytes += chunk.count
                if entryBytes > maxEntry { throw LimitHit.entry }
                if before + entryBytes > maxTotal { throw LimitHit.total }
                try consumer(chunk)
            }
        } catch LimitHit.entry {
            throw .entryTooLarge(entry: part, limit: maxEntry)
        } catch LimitHit.total {
            throw .totalTooLarge(limit: maxTotal)
        } catch let failure as XLSXFailure {
            throw failure
        } catch is StopReading {
            inflatedTotal = before + entryBytes
            return
        } catch {
            throw .corruptZip("\(part): \(error)")
        }
        inflatedTotal = before + entryBytes
    }

    private enum LimitHit: Error { case entry, total }
}

/// Thrown by a consumer that has read enough (a sheet past its row limit): not an error of the file.
struct StopReading: Error {}
