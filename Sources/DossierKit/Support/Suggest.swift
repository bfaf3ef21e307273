/// "Did you mean …?" suggestions by edit distance.
enum Suggest {
    /// The candidate closest to `word` (case-insensitive), if it is near enough to be a plausible typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if let current = best, (current.1, current.0) <= (d, candidate) { continue }
            best = (candidate, d)
        }
        guard let (name, d) = best, d <= max(2, target.count / 3) else { return nil }
        return name
    }

    /// Edit distance, where swapping two neighbouring letters (`titel`, `title`) is one edit, as typing makes it.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(0...b.count)
        var previous = beforePrevious
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
