import Foundation
import Synchronization
internal import Graphics

/// Everything one thread needs to lay out and draw cards: a font map and Pango context (which
/// must not be shared between threads), measured text and parsed pictures.
final class Worker {
    /// Which fonts a worker's font map sees.
    enum Fonts: Hashable {
        /// Only the card's own fonts (Lato, DejaVu Sans): fast to start and to match.
        case card
        /// Everything installed, for other families and characters the card's fonts lack.
        case system
    }

    let measurer: PangoMeasurer
    let pictures = PictureCache()

    init(fonts: Fonts) throws {
        measurer = PangoMeasurer(engine: try TextEngine(fonts: fonts == .card ? FontSet.cardFonts : FontSet.systemFonts))
    }
}

/// Hands each caller a worker of its own and takes it back afterwards, so the C objects inside
/// are used by one thread at a time while being reused across calls.
final class WorkerPool: Sendable {
    static let shared = WorkerPool()

    /// Workers are not Sendable; this box moves an idle one between threads while no one uses it.
    private struct Idle: @unchecked Sendable { let worker: Worker }
    private let idle = Mutex<[Worker.Fonts: [Idle]]>([:])
    /// Warm-ups in flight: a caller waits for them, then takes the warm worker.
    private let warmUps = DispatchGroup()
    /// Workers in use right now.
    private let busy = Atomic(0)

    /// Threads one worker may use for work that splits (PNG compression): the cores the other busy
    /// workers leave, so a lone render uses the machine and a batch does not oversubscribe it.
    var threadsPerWorker: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, busy.load(ordering: .relaxed)))
    }

    /// Runs `body` with a worker, under ``CairoLock``: cairo 1.16 is not safe to use from two
    /// threads at once, even with separate objects.
    func withWorker<T>(fonts: Worker.Fonts = .system, _ body: (Worker) throws -> T) throws -> T {
        warmUps.wait()
        do {
            return try CairoLock.run { try withLockedWorker(fonts: fonts, body) }
        } catch let error as GraphicsError {
            // The library's callers cannot name Graphics' error type: say what failed in theirs.
            throw RenderError(description: error.description)
        }
    }

    private func withLockedWorker<T>(fonts: Worker.Fonts, _ body: (Worker) throws -> T) throws -> T {
        let worker = try idle.withLock { $0[fonts]?.popLast() }?.worker ?? Worker(fonts: fonts)
        busy.add(1, ordering: .relaxed)
        defer {
            busy.subtract(1, ordering: .relaxed)
            worker.measurer.endDocument()
            let returned = Idle(worker: worker)
            idle.withLock { $0[fonts, default: []].append(returned) }
        }
        return try body(worker)
    }

    /// On a background thread: runs `before`, makes a card-fonts worker, runs `body` on it and
    /// leaves it idle for the next caller, then runs `after` (work no caller waits for). Callers
    /// wait for the worker, not for `after`. A failure only means the next caller starts cold.
    func warmUp(
        before: @escaping @Sendable () -> Void = {}, _ body: @escaping @Sendable (Worker) throws -> Void,
        after: @escaping @Sendable () -> Void = {}
    ) {
        warmUps.enter()
        Thread.detachNewThread { [self] in
            before()
            CairoLock.run {
                if let worker = try? Worker(fonts: .card) {
                    try? body(worker)
                    worker.measurer.endDocument()
                    let warm = Idle(worker: worker)
                    idle.withLock { $0[.card, default: []].append(warm) }
                }
            }
            warmUps.leave()
            after()
        }
    }

    /// Runs `body` with the card's own fonts when they cover the families and every character,
    /// else with the system's fonts. `body` must not have effects beyond its result: it may run twice.
    func withFittingWorker<T>(families: [String], _ body: (Worker) throws -> T) throws -> T {
        let cardFamilies = FontSet.cardFonts?.families ?? []
        let covered = families.allSatisfy { family in
            family.split(separator: ",").allSatisfy { cardFamilies.contains($0.trimmingCharacters(in: .whitespaces)) }
        }
        if covered,
            let result = try withWorker(
                fonts: .card,
                { worker -> T? in
                    let value = try body(worker)
                    return worker.measurer.sawMissingGlyphs ? nil : value
                })
        {
            return result
        }
        return try withWorker(fonts: .system, body)
    }
}
