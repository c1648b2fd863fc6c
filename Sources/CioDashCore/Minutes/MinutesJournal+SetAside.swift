import Foundation

extension MinutesJournal {
    /// Moves the journal at `path` aside to the first free `<path>.old-N` (a rehearsal's journal,
    /// before the real session begins a fresh one), never over another file and never deleting it.
    /// Nil when there is no journal to move. Called by `open(fresh: true)` under the journal's lock.
    static func setAside(_ path: String) throws(OpenError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        for n in 1...10_000 {
            let target = path + ".old-\(n)"
            // link(2) fails if the name is taken: no check-then-rename race, nothing written over.
            if link(path, target) == 0 {
                guard unlink(path) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
                return target
            }
            if errno != EEXIST { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        }
        throw .cannotOpen(path: path, reason: "no free name \(path).old-N")
    }
}
