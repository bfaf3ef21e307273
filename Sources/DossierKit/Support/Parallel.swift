import Foundation

/// Work spread over every core, with results in input order so that output never depends on scheduling.
enum Parallel {
    /// `transform` applied to each element, concurrently; the results keep the order of `items`.
    static func map<T, R>(_ items: [T], _ transform: (T) throws -> R) rethrows -> [R] {
        guard items.count > 1 else { return try items.map(transform) }
        let results = Slots<R>(count: items.count)
        let failure = Slots<Error>(count: 1)
        let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        try withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(transform)
            let input = UncheckedBox(items)
            DispatchQueue.concurrentPerform(iterations: (items.count + chunk - 1) / chunk) { part in
                for i in part * chunk..<min(input.value.count, (part + 1) * chunk) {
                    do { results[i] = try box.value(input.value[i]) } catch { failure[0] = error; return }
                }
            }
            if let error = failure[0] { throw error }
        }
        return results.values()
    }
}

/// One slot per result, each written by exactly one task; read only after all tasks ended.
private final class Slots<R>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(index: Int) -> R? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }
    func values() -> [R] { storage.compactMap { $0 } }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
