import Foundation
import Synchronization

/// Bounds the work in flight: at most `running` renders at once and `waiting` more queued; past
/// that a request is turned away at once (503) instead of piling up memory.
///
/// Admission is synchronous so that a refused request costs nothing: no task, no timer.
final class RenderGate: Sendable {
    /// A place in the gate: running now, or queued for the next free place.
    struct Pass: Sendable {
        fileprivate let queued: Bool
    }

    private struct State {
        var running = 0
        /// Passes handed out as queued and not yet running (some may not have parked yet).
        var queued = 0
        var parked: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())
    let running: Int
    let waiting: Int

    init(running: Int, waiting: Int) {
        self.running = max(1, running)
        self.waiting = max(0, waiting)
    }

    /// A pass when a place or a queue slot is free; nil when the queue is full.
    func admit() -> Pass? {
        state.withLock { state in
            if state.running < running {
                state.running += 1
                return Pass(queued: false)
            }
            guard state.queued < waiting else { return nil }
            state.queued += 1
            return Pass(queued: true)
        }
    }

    /// Runs `work` with the place `pass` holds (waiting for one if queued), then frees it.
    func run<T: Sendable>(_ pass: Pass, _ work: @Sendable () async throws -> T) async rethrows -> T {
        if pass.queued {
            await withCheckedContinuation { continuation in
                // A place may have come free between admission and now.
                let immediate = state.withLock { state -> Bool in
                    if state.running < running {
                        state.running += 1
                        state.queued -= 1
                        return true
                    }
                    state.parked.append(continuation)
                    return false
                }
                if immediate { continuation.resume() }
            }
        }
        defer { release() }
        return try await work()
    }

    /// Admits and runs `work`; nil when the queue is full.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async rethrows -> T? {
        guard let pass = admit() else { return nil }
        return try await run(pass, work)
    }

    /// Hands the place to the next parked waiter, or frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.parked.isEmpty {
                state.running -= 1
                return nil
            }
            state.queued -= 1
            return state.parked.removeFirst()
        }
        next?.resume()
    }

    /// Renders running and queued now (for tests and health).
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.queued) } }
}
