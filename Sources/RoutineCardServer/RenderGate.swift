import Foundation
import Synchronization

/// Bounds the work in flight: at most `running` renders at once and `waiting` more queued; past
/// that a request is turned away at once (503) instead of piling up memory.
final class RenderGate: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())
    let running: Int
    let waiting: Int

    init(running: Int, waiting: Int) {
        self.running = max(1, running)
        self.waiting = max(0, waiting)
    }

    /// Runs `work` when a place is free; nil when the queue is full.
    private enum Entry { case now, wait, full }

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T? {
        let entry: Entry = state.withLock { state in
            if state.running < running {
                state.running += 1
                return .now
            }
            return state.waiters.count < waiting ? .wait : .full
        }
        switch entry {
        case .full: return nil
        case .now: break
        case .wait:
            await withCheckedContinuation { continuation in
                // A place may have come free between the check and now.
                let immediate = state.withLock { state -> Bool in
                    if state.running < running {
                        state.running += 1
                        return true
                    }
                    state.waiters.append(continuation)
                    return false
                }
                if immediate { continuation.resume() }
            }
        }
        defer { release() }
        return try await work()
    }

    /// Hands the place to the next waiter, or frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }

    /// Renders running and waiting now (for tests and health).
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiters.count) } }
}
