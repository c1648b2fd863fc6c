import CioDashApp

/// States a follower did not use, said on its status line without flooding it: the first in a
/// quiet second at once, later ones counted and said together with the latest reason.
struct IgnoredStates {
    /// The presenter's address, as the socket has it ("127.0.0.1:7420").
    let presenter: String
    let interval: Double
    private var lastSaid = -Double.infinity
    private var pending: (problem: PresenterShare.Problem, count: Int)?

    init(presenter: String, interval: Double = 1) {
        self.presenter = presenter
        self.interval = interval
    }

    /// Records a state not used; answers with what to say now, if anything.
    mutating func record(_ problem: PresenterShare.Problem, now: Double) -> FollowerLinkEvent? {
        if pending == nil && now - lastSaid >= interval {
            lastSaid = now
            return .stateIgnored(from: presenter, problem, count: 1)
        }
        pending = (problem, (pending?.count ?? 0) + 1)
        return nil
    }

    /// The states held back, once `interval` has passed since the last thing said.
    mutating func flush(now: Double) -> FollowerLinkEvent? {
        guard let held = pending, now - lastSaid >= interval else { return nil }
        pending = nil
        lastSaid = now
        return .stateIgnored(from: presenter, held.problem, count: held.count)
    }
}
