import Foundation
import RoutineCard
import RoutineCardBatch
import Synchronization

/// A one-line progress bar on stderr (done / total, rate, time left), only for a terminal.
final class Progress: Sendable {
    private struct Count {
        var done = 0
        var lastDraw = Date.distantPast
    }

    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private let count = Mutex(Count())

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance() {
        guard enabled else { return }
        count.withLock { count in
            count.done += 1
            let now = Date()
            guard now.timeIntervalSince(count.lastDraw) > 0.1 || count.done == total else { return }
            count.lastDraw = now
            draw(done: count.done, now: now)
        }
    }

    private func draw(done: Int, now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 24
        let filled = total > 0 ? min(width, width * done / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        writeStandardError(Data("\r\(bar) \(done)/\(total)  \(Int(rate.rounded()))/s  \(Int(left.rounded()))s left ".utf8))
    }

    /// Clears the bar before another message is printed.
    func clear() {
        guard enabled else { return }
        writeStandardError(Data("\r\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        writeStandardError(Data("\n".utf8))
    }
}

private func writeStandardError(_ data: Data) {
    try? AtomicFile.writeAll(data, to: STDERR_FILENO, name: "standard error")
}
