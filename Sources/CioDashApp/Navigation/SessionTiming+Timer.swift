import CioDashCore
import CioDashRender

extension SessionTiming {
    /// From the countdown's state at time `now`.
    public init(timer: TopicTimer, now: Double) {
        var spent: [String: Int] = [:]
        for topic in Set(timer.spent.keys).union(timer.activeTopic.map { [$0] } ?? []) {
            spent[topic] = WholeNumber.seconds(timer.elapsed(topic, now: now))
        }
        self.init(spent: spent, current: timer.activeTopic)
    }
}
