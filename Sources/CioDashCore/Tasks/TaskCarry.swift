/// What `ciodash init --from` carries into a new meeting: each task of the earlier meeting that is not
/// done, for the owners that have not reported it done, each owner as the units catalogue has it on
/// the new meeting's date (Kon Tum's task is Quảng Ngãi's from 1 July 2025; the original owner is kept
/// in `formerOwners`). An owner the catalogue cannot place among the new meeting's provinces stays as
/// it was and is named, so that the secretariat decides.
public struct TaskCarry: Hashable, Sendable {
    public var tasks: [CouncilTask]
    /// Owners given to their successor: task id, the earlier id, the new id.
    public var mapped: [OwnerChange]
    /// Owners kept as they were because no province of the new meeting is what they became.
    public var unmapped: [UnmappedOwner]
    /// Tasks left behind because every owner reported them done.
    public var done: [String]

    public struct OwnerChange: Hashable, Sendable {
        public var task: String
        public var from: String
        public var to: String
    }

    public struct UnmappedOwner: Hashable, Sendable {
        public var task: String
        public var owner: String
    }

    /// `earlier`'s own tasks (with its provinces' reports on them) and `assigned` (what its minutes
    /// journal assigned), carried to a meeting held on `date` with the provinces `provinces`.
    public init(from earlier: Meeting, assigned: [CouncilTask], to date: LocalDate, provinces: [String]) {
        tasks = []
        mapped = []
        unmapped = []
        done = []
        let present = Set(provinces)
        var seen = Set<String>()
        for task in earlier.tasks + assigned where seen.insert(task.id).inserted {
            let open = task.owners.filter { earlier.province($0)?.tasks[task.id]?.status != .done }
            if open.isEmpty && task.bodies.isEmpty && !task.owners.isEmpty {
                done.append(task.id)
                continue
            }
            var copy = task
            copy.owners = []
            for owner in open {
                let now = UnitsCatalogue.unitID(owner, on: date)
                if present.contains(now) {
                    if now != owner {
                        mapped.append(OwnerChange(task: task.id, from: owner, to: now))
                        if !copy.formerOwners.contains(owner) { copy.formerOwners.append(owner) }
                    }
                    if !copy.owners.contains(now) { copy.owners.append(now) }
                } else {
                    unmapped.append(UnmappedOwner(task: task.id, owner: owner))
                    if !copy.owners.contains(owner) { copy.owners.append(owner) }
                }
            }
            tasks.append(copy)
        }
    }
}
