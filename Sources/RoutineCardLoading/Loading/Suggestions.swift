import RoutineCardModel
/// "Did you mean" help: the known word nearest to a misspelt one.
package enum Suggestions {
    /// Candidates sorted nearest first; only those close enough to be a plausible typo are kept.
    package static func nearest(to word: String, in candidates: [String]) -> [String] {
        let lower = word.lowercased()
        let scored = candidates.map { ($0, distance(lower, $0.lowercased())) }
        let limit = max(2, lower.count / 3)
        return scored.filter { $0.1 <= limit || $0.0.lowercased().hasPrefix(lower) || lower.hasPrefix($0.0.lowercased()) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0)
    }

    /// All candidates, nearest first (for listing what exists).
    package static func ranked(_ word: String, _ candidates: [String]) -> [String] {
        let lower = word.lowercased()
        return candidates.sorted {
            let a = distance(lower, $0.lowercased()), b = distance(lower, $1.lowercased())
            return a != b ? a < b : $0 < $1
        }
    }

    /// Damerau–Levenshtein distance (with adjacent transpositions), so `titel` is 1 from `title`.
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
