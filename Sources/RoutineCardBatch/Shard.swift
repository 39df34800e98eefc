import Foundation
import RoutineCard

/// One of N machines' share of a manifest: the rows whose 0-based index ≡ `index` (mod `count`).
package struct Shard: Sendable, Hashable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    package init(index: Int, count: Int) throws(SettingError) {
        guard count >= 1, index >= 0, index < count else {
            throw SettingError("a shard is K/N with 0 ≤ K < N, like 0/3; got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`, or `env` for `JOB_COMPLETION_INDEX` (set by a Kubernetes Indexed Job) and
    /// `JOB_COMPLETION_COUNT`.
    package static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SettingError) -> Shard {
        if text == "env" {
            guard let index = environment["JOB_COMPLETION_INDEX"].flatMap({ Int($0) }),
                let count = environment["JOB_COMPLETION_COUNT"].flatMap({ Int($0) })
            else {
                throw SettingError("--shard env needs JOB_COMPLETION_INDEX and JOB_COMPLETION_COUNT set to whole numbers")
            }
            return try Shard(index: index, count: count)
        }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw SettingError("write the shard as K/N, like 0/3 (or env)")
        }
        return try Shard(index: index, count: count)
    }

    /// Whether the row with 1-based `number` belongs to this shard.
    package func contains(row number: Int) -> Bool { (number - 1) % count == index }

    package var description: String { "\(index)/\(count)" }
}
