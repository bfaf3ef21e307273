import Foundation

/// Changes reported by the file watcher and not yet built, merged: however many saves arrive while a rebuild runs,
/// the next rebuild takes them all at once. `nil` (anything may have changed) absorbs every set.
public final class ChangeQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: Set<String>? = []
    private var hasPending = false
    private var stopped = false

    public init() {}

    public func add(_ paths: Set<String>?) {
        condition.withLock {
            if let paths { pending?.formUnion(paths) } else { pending = nil }
            hasPending = true
            condition.signal()
        }
    }

    /// Waits for changes and takes all of them; `nil` once stopped. `.some(nil)`: reload everything.
    public func next() -> Set<String>?? {
        condition.lock()
        defer { condition.unlock() }
        while !hasPending && !stopped { condition.wait() }
        guard !stopped else { return nil }
        let taken = pending
        pending = []
        hasPending = false
        return .some(taken)
    }

    /// Wakes a waiting `next` for good.
    public func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}
