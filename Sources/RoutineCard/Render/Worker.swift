import Foundation
import Synchronization
internal import Graphics

/// Everything one thread needs to lay out and draw cards: a font map and Pango context (which
/// must not be shared between threads), measured text and parsed pictures.
final class Worker {
    let measurer: PangoMeasurer
    let pictures = PictureCache()

    init() throws {
        measurer = PangoMeasurer(engine: try TextEngine())
    }
}

/// Hands each caller a worker of its own and takes it back afterwards, so the C objects inside
/// are used by one thread at a time while being reused across calls.
final class WorkerPool: Sendable {
    static let shared = WorkerPool()

    /// Workers are not Sendable; this box moves an idle one between threads while no one uses it.
    private struct Idle: @unchecked Sendable { let worker: Worker }
    private let idle = Mutex<[Idle]>([])

    func withWorker<T>(_ body: (Worker) throws -> T) throws -> T {
        let worker = try idle.withLock { $0.popLast() }?.worker ?? Worker()
        defer {
            let returned = Idle(worker: worker)
            idle.withLock { $0.append(returned) }
        }
        return try body(worker)
    }
}
