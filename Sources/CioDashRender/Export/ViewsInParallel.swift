import Dispatch

/// Work on every view of a report at once: the views are independent, so each is done on any core,
/// into its own slot, and the results keep the views' order.
enum ViewsInParallel {
    static func map<T>(_ views: [ViewID], _ transform: (ViewID) -> T?) -> [T?] {
        var results = [T?](repeating: nil, count: views.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            DispatchQueue.concurrentPerform(iterations: views.count) { i in slots[i] = transform(views[i]) }
        }
        return results
    }
}
