import Foundation
import RoutineCard

/// A one-line progress bar on stderr (done / total, rate, time left), only for a terminal.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private var done = 0
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
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
