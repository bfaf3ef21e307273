import Foundation

/// Wall time per stage of a build, for `dossier build --timings`; never written into pages.
struct Stopwatch {
    private(set) var laps: [(stage: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((stage, Double(now - last) / 1e9))
        last = now
    }
}
